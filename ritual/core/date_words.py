"""Dates as people type them: `today`, `+3d`, `in 2 weeks`, `next fri`, `8 jan`, or ISO, against a given day."""

from __future__ import annotations

import re
from datetime import date, timedelta

from ritual.core.dates import PartialDate, days_in_month, parse_day
from ritual.core.ranges import check_day
from ritual.errors import InvalidValue

HINT = "is not a date (try today, tomorrow, +3d, -2w, in 3 days, next fri, 8 jan or YYYY-MM-DD)"
NAMED_DAYS = {"today": 0, "tod": 0, "now": 0, "tomorrow": 1, "tmr": 1, "yesterday": -1}
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTH_WORDS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
               "october", "november", "december")
UNIT_DAYS = {"d": 1, "day": 1, "days": 1, "w": 7, "wk": 7, "week": 7, "weeks": 7}
UNIT_MONTHS = {"m": 1, "mo": 1, "month": 1, "months": 1, "y": 12, "yr": 12, "year": 12, "years": 12}

_OFFSET = re.compile(r"^([+-])\s*(\d{1,4})\s*([a-z]*)$")
_IN = re.compile(r"^in\s+(\d{1,4}|a|an|one)\s+([a-z]+)$")
_AGO = re.compile(r"^(\d{1,4}|a|an|one)\s+([a-z]+)\s+ago$")
_WEEKDAY = re.compile(r"^(?:(next|this|last|on)\s+)?([a-z]{2,9})$")
_DAY_MONTH = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?(?:,?\s+(\d{4}))?$")
_MONTH_DAY = re.compile(r"^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$")
_MONTH_ONLY = re.compile(r"^([a-z]{3,9})$")


def _prefix_match(word: str, names: tuple[str, ...], shortest: int = 3) -> int | None:
    """The index of the one name that `word` starts (at least `shortest` letters), else None."""
    if len(word) < shortest:
        return None
    found = [i for i, name in enumerate(names) if name.startswith(word)]
    return found[0] if len(found) == 1 else None


def weekday_index(word: str) -> int | None:
    """0 for `mon`/`monday` … 6 for `sun`; `tu`/`th` need three letters as they share their start."""
    return _prefix_match(word, WEEKDAY_NAMES, shortest=2)


def month_index(word: str) -> int | None:
    """1 for `jan`/`january` … 12 for `dec`; None when the word names no single month."""
    found = _prefix_match(word, MONTH_WORDS)
    return None if found is None else found + 1


def add_months(day: date, months: int) -> date:
    """The same day `months` later or earlier, kept inside shorter months (31 Jan + 1 month = 28/29 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, days_in_month(year, month + 1)))


def _count(word: str) -> int:
    return 1 if word in ("a", "an", "one") else int(word)


def _shift(today: date, amount: int, unit: str) -> date | None:
    """`today` moved by an amount of days, weeks, months or years; None for an unknown unit."""
    if unit in UNIT_DAYS:
        return today + timedelta(days=amount * UNIT_DAYS[unit])
    if unit in UNIT_MONTHS:
        return add_months(today, amount * UNIT_MONTHS[unit])
    return None


def _relative(text: str, today: date) -> date | None:
    """`+3d`, `-2w`, `+1m`, `in 3 days`, `2 weeks ago`; None when the text is none of these."""
    if m := _OFFSET.match(text):
        return _shift(today, int(m[2]) * (-1 if m[1] == "-" else 1), m[3] or "d")
    if m := _IN.match(text):
        return _shift(today, _count(m[1]), m[2])
    if m := _AGO.match(text):
        return _shift(today, -_count(m[1]), m[2])
    return None


def _weekday(text: str, today: date) -> date | None:
    """`fri`/`this fri`/`on fri`: the coming Friday (today if it is one); `next fri` after today; `last fri`."""
    m = _WEEKDAY.match(text)
    wanted = weekday_index(m[2]) if m else None
    if wanted is None:
        return None
    ahead = (wanted - today.weekday()) % 7
    if m[1] == "next" and ahead == 0:
        ahead = 7
    if m[1] == "last":
        return today - timedelta(days=(today.weekday() - wanted) % 7 or 7)
    return today + timedelta(days=ahead)


def _nearest(month: int, day: int, today: date, field: str, text: str) -> date:
    """The `day month` closest to today: this year's, or last or next year's when that one is nearer."""
    candidates = []
    for year in (today.year - 1, today.year, today.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        raise InvalidValue(field, text, "is not a day of the calendar")
    return min(candidates, key=lambda d: (abs((d - today).days), d < today))


def month_day_parts(text: str) -> tuple[int, int | None, int | None] | None:
    """(month, day, year) from `8 jan`, `jan 8`, `8 January 1990`, `june`; None when the text is not such."""
    if m := _DAY_MONTH.match(text):
        month, day, year = month_index(m[2]), int(m[1]), m[3]
    elif m := _MONTH_DAY.match(text):
        month, day, year = month_index(m[1]), int(m[2]), m[3]
    elif m := _MONTH_ONLY.match(text):
        month, day, year = month_index(m[1]), None, None
    else:
        return None
    return None if month is None else (month, day, int(year) if year else None)


def _named_month(text: str, today: date, field: str, raw: str) -> date | None:
    """`8 jan` (the nearest 8 January), `jan 8 2027`; None when the text names no month and day."""
    parts = month_day_parts(text)
    if parts is None or parts[1] is None:
        return None
    month, day, year = parts
    if year is None:
        return _nearest(month, day, today, field, raw)
    try:
        return date(year, month, day)
    except ValueError:
        raise InvalidValue(field, raw, "is not a day of the calendar") from None


def parse_day_words(text: str, today: date, field: str = "date") -> date:
    """One full day from words or ISO, counted from `today`; raises naming the field and the value."""
    words = " ".join(text.strip().lower().split())
    if not words:
        raise InvalidValue(field, text, "is empty: " + HINT.removeprefix("is not a date "))
    if words in NAMED_DAYS:
        return today + timedelta(days=NAMED_DAYS[words])
    if words[0].isdigit() and re.match(r"^\d{4}-", words):
        return parse_day(words, field)
    try:
        found = _relative(words, today) or _weekday(words, today) or _named_month(words, today, field, text)
    except (OverflowError, ValueError) as exc:
        if isinstance(exc, InvalidValue):
            raise
        found = date.max
    if found is None:
        raise InvalidValue(field, text, HINT)
    try:
        return check_day(found, field)
    except InvalidValue:
        raise InvalidValue(field, text, "lies outside the years 1800-2200") from None


def parse_past_day(text: str, today: date, field: str = "date") -> date:
    """A day that has come (today or before): what was written, posted or received is logged once it happened.

    A day ahead is nearly always a mistyped year (`--posted 2027-05-01`), and it would pass for a real step.
    """
    day = parse_day_words(text, today, field)
    if day > today:
        raise InvalidValue(field, text, f"is after today ({today.isoformat()}): a step is logged once it has happened")
    return day


def parse_partial_words(text: str, field: str = "date", today: date | None = None) -> PartialDate:
    """A yearly date: `8 jan`, `8 january 1990`, `june`, ISO forms; with `today`, day words give full dates."""
    words = " ".join(text.strip().lower().split())
    parts = month_day_parts(words)
    if parts is not None:
        month, day, year = parts
        try:
            return PartialDate(month, day, year)
        except InvalidValue as exc:
            raise InvalidValue(field, text, exc.problem) from None
    try:
        return PartialDate.parse(text, field)
    except InvalidValue as exc:
        if not exc.problem.startswith("is not a date"):
            raise  # a date in numbers with a wrong part (30 February): that message says more
        if today is None:
            raise InvalidValue(field, text, "is not a date (use 8 January, 8 January 1990, June, YYYY-MM-DD or MM-DD)") from None
    return PartialDate.from_date(parse_day_words(text, today, field))
