"""Writing sessions with the user's data: settings and store in, sessions filled with letters out."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from ritual.core.planner import AgendaItem
from ritual.core.sessions import LetterTask, SessionPlan, assign, sessions_between, tasks_from
from ritual.services.planning.agenda import agenda
from ritual.settings.load import Settings
from ritual.store.database import Database
from ritual.store.projects import TO_WRITE, ProjectRepository
from ritual.store.sessions import SessionDays, WritingMinutes

# Letters are placed from today over at least this many days, so this week's sessions look the same
# whichever week is on screen.
LOOKAHEAD_DAYS = 14


def keeps_sessions(settings: Settings, db: Database) -> bool:
    """True when the user keeps weekly sessions or has added a one-off one."""
    return bool(settings.writing_sessions) or SessionDays(db).any()


def plan_sessions(settings: Settings, db: Database, today: date, through: date,
                  known: Sequence[AgendaItem] = (), known_through: date | None = None) -> SessionPlan:
    """Sessions from today to `through` (at least the look-ahead) with their letters and conflicts.

    `known` are agenda items already planned from today (or earlier) to `known_through`; only the days
    after it are planned again.
    """
    last = max(through, today + timedelta(days=LOOKAHEAD_DAYS))
    items = list(known)
    # Sessions take only the letters to write: no friend is loaded for an invitation to keep in touch.
    if known_through is None or known_through < today:
        items = agenda(settings, db, today, last, today, include_overdue=False, invitations_until=date.min)
    elif known_through < last:
        items += agenda(settings, db, known_through + timedelta(days=1), last, today, include_overdue=False,
                        invitations_until=date.min)
    days = SessionDays(db)
    sittings = sessions_between(settings.writing_sessions, days.extras(today, last), days.skips(today, last), today, last)
    own = WritingMinutes(db).all()
    tasks = tasks_from(items, settings.minutes_per_letter, own, today)
    tasks += project_tasks(db, settings.minutes_per_letter, own, today, last)
    return assign(sittings, _unique(tasks), today)


def project_tasks(db: Database, default_minutes: int, own: dict[int, int], today: date, last: date) -> list[LetterTask]:
    """Cards still to write in projects with a date between today and `last`, due on that date."""
    return [
        LetterTask(m.friend_id, m.friend, p.occasion or p.name, None, p.due, own.get(m.friend_id, default_minutes))
        for p in ProjectRepository(db).all()
        if p.due is not None and today <= p.due <= last
        for m in p.members
        if m.status == TO_WRITE
    ]


def _unique(tasks: list) -> list:
    # The same write item may come from both plans where they meet; keep it once.
    return list({(t.friend_id, t.occasion, t.occasion_date): t for t in tasks}.values())
