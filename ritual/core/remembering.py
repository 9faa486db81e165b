""""On this day": what the letter box holds from the same week in earlier years, said in one calm line."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta

from ritual.core.letters import Letter
from ritual.core.text import shorten

SNIPPET = 60
_YEARS = {1: "A year", 2: "Two years", 3: "Three years", 4: "Four years", 5: "Five years"}


def week_days(monday: date) -> set[tuple[int, int]]:
    """The (month, day) pairs of the week starting on `monday`."""
    return {((monday + timedelta(days=n)).month, (monday + timedelta(days=n)).day) for n in range(7)}


def on_this_day(letters: Iterable[Letter], monday: date, hidden: frozenset[int] | set[int],
                answers: Mapping[str, str]) -> str:
    """At most one line: the most recent earlier year's letter from this week, never a hidden friend's.

    `answers` maps a sitting id to an answer given in it (the heart, if one was marked), so a letter the
    user wrote can say what it was about.
    """
    days, year = week_days(monday), monday.year
    found = [x for x in letters if x.day.year < year and (x.day.month, x.day.day) in days and x.friend_id not in hidden]
    if not found:
        return ""
    letter = max(found, key=lambda x: (x.day.year, not x.sent, x.id or 0))
    return f"{_ago(year - letter.day.year)} this week {_what(letter)}{_about(letter, answers)}."


def _ago(years: int) -> str:
    return f"{_YEARS.get(years, f'{years} years')} ago"


def _what(letter: Letter) -> str:
    if letter.sent:
        return f"you wrote to {letter.friend}"
    return f"{letter.friend}'s {letter.medium} arrived"


def _about(letter: Letter, answers: Mapping[str, str]) -> str:
    if letter.sent and answers.get(letter.sitting):
        return f"; you wrote about “{shorten(answers[letter.sitting], SNIPPET)}”"
    if not letter.sent and letter.quotes:
        return f"; they wrote “{shorten(letter.quotes[0], SNIPPET)}”"
    return ""
