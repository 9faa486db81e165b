"""Small wording helpers shared by every renderer, independent of the machine's locale."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)


@lru_cache(maxsize=4096)  # a year's plan names the same few hundred days tens of thousands of times
def short_day(day: date) -> str:
    """`Sat 14 Mar`: weekday, day and month, always in English abbreviations."""
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]}"


def plural(count: int, word: str) -> str:
    """`1 day`, `3 days`."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"
