"""Small wording helpers shared by every renderer, independent of the machine's locale."""

from __future__ import annotations

import unicodedata
from datetime import date
from functools import lru_cache

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
# Where a quoted answer is cut when shown on one line.
SHORT_ANSWER = 280


@lru_cache(maxsize=4096)  # a year's plan names the same few hundred days tens of thousands of times
def short_day(day: date) -> str:
    """`Sat 14 Mar`: weekday, day and month, always in English abbreviations."""
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]}"


def plural(count: int, word: str) -> str:
    """`1 day`, `3 days`."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def date_words(day: int | None, month: int, year: int | None = None) -> str:
    """`8 January`, `8 January 1990`, `June` (only the month known): one wording for dates with or without a year."""
    words = MONTH_NAMES[month - 1] if day is None else f"{day} {MONTH_NAMES[month - 1]}"
    return f"{words} {year}" if year is not None else words


# Letters that Unicode does not split into a base letter and a mark, folded the way people search for them.
_UNSPLIT = str.maketrans({"ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ı": "i", "æ": "ae",
                          "Æ": "ae", "œ": "oe", "Œ": "oe", "þ": "th", "Þ": "th", "ð": "d", "Ð": "d"})


def fold(text: str) -> str:
    """Text without accents and case, for searching and sorting: `São Paulo` → `sao paulo`, `Łódź` → `lodz`."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNSPLIT))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def now_is(status_words: str) -> str:
    """`is now in the post`, but `has arrived`: how a step taken reads in a sentence."""
    return {"arrived": "has arrived", "given": "was given by hand"}.get(status_words, f"is now {status_words}")


def namesake_line(friend_id: int, name: str, nickname: str, where: str, birthday: str) -> str:
    """`      15  Noah Garcia · Austin, US · birthday 12 May`: enough to tell friends of one name apart."""
    shown = f"{name} ({nickname})" if nickname else name
    details = [where or "no city", f"birthday {birthday}" if birthday else "no birthday"]
    return f"  {friend_id:>6}  {shown} · " + " · ".join(details)


def shorten(text: str, limit: int = SHORT_ANSWER) -> str:
    """An answer on one line, cut at a word before `limit` characters with an ellipsis."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0] or flat[:limit]
    return cut.rstrip(",.;:—- ") + "…"
