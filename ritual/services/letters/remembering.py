"""Bringing back the same week of earlier years from the letter box, for the week and the briefing."""

from __future__ import annotations

from datetime import date

from ritual.core.remembering import on_this_day, week_days
from ritual.store.database import Database
from ritual.store.letters import LetterRepository


def on_this_day_line(db: Database, monday: date, friend_id: int | None = None) -> str:
    """One line about this week in an earlier year (a muted friend never appears), or an empty string."""
    letters = LetterRepository(db).on_days(week_days(monday), monday.year, friend_id)
    if not letters:
        return ""
    # Only a week with old letters needs these: most weeks of a young letter box have none.
    from ritual.store.mutes import Mutes
    from ritual.store.reflections import ReflectionRepository

    answers = ReflectionRepository(db).telling_answers(x.sitting for x in letters if x.sent)
    return on_this_day(letters, monday, Mutes(db).ids(), answers)
