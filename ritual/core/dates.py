"""Yearly dates as people know them: full, year-less or month-only, with the Feb-29 policy."""

import re
from datetime import date, timedelta
from typing import NamedTuple

from ritual.core.ranges import check_day
from ritual.core.records import Checked
from ritual.core.text import MONTH_NAMES, date_words
from ritual.errors import InvalidValue

FEB28 = "feb28"
MAR1 = "mar1"
FEB29_POLICIES = (FEB28, MAR1)

# Days per month in a leap year: a year-less "02-29" is a real birthday.
_MAX_DAY = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def is_leap_year(year: int) -> bool:
    """True when `year` has a 29 February (the Gregorian rule; the calendar module costs every start to import)."""
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in_month(year: int, month: int) -> int:
    """How many days `month` (1-12) has in `year`."""
    return 28 if month == 2 and not is_leap_year(year) else _MAX_DAY[month - 1]


# Patterns as text, compiled by `re` on first use: most runs read their dates from the database as numbers.
_FULL = r"^(\d{4})-(\d{2})-(\d{2})$"
_YEARLESS = r"^(?:--(\d{2})-?(\d{2})|(\d{2})-(\d{2}))$"
_MONTH_ONLY = r"^--(\d{2})$"
# The way the app and the CLI show dates, read back: `8 January`, `8 Jan 1990`, `January 8`, `June`.
_WORDS = r"(?i)^(?:(\d{1,2})\s+([a-z]+)|([a-z]+)\s+(\d{1,2})|([a-z]+))(?:,?\s+(\d{4}))?$"


class _DateFields(NamedTuple):
    """The fields of a PartialDate; they compare in this order, month first."""

    month: int
    day: int | None = None
    year: int | None = None


class PartialDate(Checked, _DateFields):
    """A date that may lack its year (year-less) or its day too (month-only)."""

    __slots__ = ()

    def _check(self) -> None:
        if not 1 <= self.month <= 12:
            raise InvalidValue("date", self.iso_like(), "has no month " + str(self.month))
        if self.day is None:
            if self.year is not None:
                raise InvalidValue("date", self.iso_like(), "gives a year but no day")
            return
        limit = _MAX_DAY[self.month - 1]
        if self.year is not None:
            if not 1 <= self.year <= 9999:
                raise InvalidValue("date", self.iso_like(), "has a year outside 1-9999")
            if self.month == 2 and not is_leap_year(self.year):
                limit = 28  # the one month whose length the year decides
        if not 1 <= self.day <= limit:
            raise InvalidValue("date", self.iso_like(), "is not a day of the calendar")

    @property
    def month_only(self) -> bool:
        """True when only the month is known ("sometime in June")."""
        return self.day is None

    @property
    def is_feb29(self) -> bool:
        """True for a 29 February date."""
        return self.month == 2 and self.day == 29

    def iso(self) -> str:
        """`YYYY-MM-DD`, `--MM-DD` when the year is unknown, `--MM` when only the month is."""
        return self.iso_like()

    def words(self) -> str:
        """`8 January`, `8 January 1990` or `June`: how the date reads to a person."""
        return date_words(self.day, self.month, self.year)

    def iso_like(self) -> str:
        """The ISO-like text even for values that failed validation (for messages)."""
        if self.day is None:
            return f"--{self.month:02d}"
        if self.year is None:
            return f"--{self.month:02d}-{self.day:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def as_date(self) -> date:
        """The exact date; only for dates with a year and a day."""
        if self.year is None or self.day is None:
            raise InvalidValue("date", self.iso(), "has no year, so it is not a single day")
        return date(self.year, self.month, self.day)

    @classmethod
    def from_date(cls, value: date) -> "PartialDate":
        """A full PartialDate from a datetime.date."""
        return cls(value.month, value.day, value.year)

    @classmethod
    def parse(cls, text: str, field: str = "date") -> "PartialDate":
        """Read `YYYY-MM-DD`, `MM-DD` / `--MM-DD` / `--MMDD` (no year) or `--MM` (month only)."""
        raw = text.strip()
        try:
            if m := re.match(_FULL, raw):
                return cls(int(m[2]), int(m[3]), int(m[1]))
            if m := re.match(_MONTH_ONLY, raw):
                return cls(int(m[1]))
            if m := re.match(_YEARLESS, raw):
                month, day = (m[1], m[2]) if m[1] else (m[3], m[4])
                return cls(int(month), int(day))
            if (m := re.match(_WORDS, raw)) and (found := _from_words(m)) is not None:
                return found
        except InvalidValue as exc:
            raise InvalidValue(field, text, exc.problem) from None
        raise InvalidValue(field, text, "is not a date (use 8 January, 8 January 1990, YYYY-MM-DD, MM-DD or --MM)")


def _from_words(m: re.Match) -> PartialDate | None:
    """The date a `_WORDS` match names, or None when its word is no month."""
    month = _month_number(m[2] or m[3] or m[5])
    if month is None:
        return None
    day = m[1] or m[4]
    if day is None:
        return None if m[6] else PartialDate(month)
    return PartialDate(month, int(day), int(m[6]) if m[6] else None)


def _month_number(word: str) -> int | None:
    """1-12 for a month's name or its first three letters, any case."""
    word = word.casefold()
    for number, name in enumerate(MONTH_NAMES, start=1):
        if len(word) >= 3 and name.casefold().startswith(word):
            return number
    return None


def parse_day(text: str, field: str = "date") -> date:
    """Read a full `YYYY-MM-DD` date, naming the field when it is wrong."""
    value = PartialDate.parse(text, field)
    if value.year is None or value.day is None:
        raise InvalidValue(field, text, "needs a full date (YYYY-MM-DD)")
    return check_day(value.as_date(), field)


def check_policy(policy: str, field: str = "feb29") -> str:
    """Return the Feb-29 policy if known, else raise naming the field."""
    if policy not in FEB29_POLICIES:
        raise InvalidValue(field, policy, "must be one of " + ", ".join(FEB29_POLICIES))
    return policy


def occurrence_in_year(value: PartialDate, year: int, policy: str = FEB28) -> date:
    """The day the date is kept in `year`: month-only on the 1st, Feb 29 by the policy."""
    if value.day is None:
        return date(year, value.month, 1)
    if value.is_feb29 and not is_leap_year(year):
        return date(year, 3, 1) if policy == MAR1 else date(year, 2, 28)
    return date(year, value.month, value.day)


def next_occurrence(value: PartialDate, on_or_after: date, policy: str = FEB28) -> date:
    """The first day on or after `on_or_after` when the yearly date is kept."""
    year = on_or_after.year
    if value.year is not None and year < value.year:
        year = value.year
    found = occurrence_in_year(value, year, policy)
    if found < on_or_after:
        found = occurrence_in_year(value, year + 1, policy)
    return found


def occurrences_between(value: PartialDate, start: date, end: date, policy: str = FEB28) -> list[date]:
    """Every yearly occurrence in [start, end], never before the date's own year."""
    first_year = start.year if value.year is None else max(start.year, value.year)
    found = []
    for year in range(first_year, end.year + 1):
        day = occurrence_in_year(value, year, policy)
        if start <= day <= end:
            found.append(day)
    return found


def monday_of(day: date) -> date:
    """The Monday of the week holding `day` (weeks run Monday to Sunday, as ISO 8601 has them)."""
    return day - timedelta(days=day.weekday())


def age_on(birthday: PartialDate, on: date, policy: str = FEB28) -> int | None:
    """Completed years on `on`, or None when the birth year is unknown."""
    if birthday.year is None:
        return None
    kept = occurrence_in_year(birthday, on.year, policy)
    return on.year - birthday.year - (1 if on < kept else 0)


def age_turned(birthday: PartialDate, occurrence: date) -> int | None:
    """The age reached at a birthday occurrence, or None when the year is unknown."""
    if birthday.year is None:
        return None
    return occurrence.year - birthday.year
