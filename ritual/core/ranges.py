"""Every stored value's one range, checked here for the command line, the app's forms, imports and restore.

A value outside its range is refused where it comes in, so nothing stored can make a later command fail:
a birthday in 9999 would overflow the year after it, a cadence of a billion days overflows the calendar.

| value                                   | range                      |
|-----------------------------------------|----------------------------|
| dates (birthdays, letters, last sent    | 1800-01-01 .. 2200-12-31   |
| and received, --date, --today, --now)   |                            |
| other occasions' years (a wedding, an   | 1000 .. 2200               |
| "other" date such as 1776-07-04)        |                            |
| keep-in-touch cadence                   | 1 .. 36,500 days           |
| minutes (sessions, per friend)          | 1 .. 1,440                 |
| days to look ahead (upcoming)           | 1 .. 3,660                 |
| counts (supplies)                       | 0 .. 1,000,000             |
| ids                                     | 1 .. 2^63 - 1              |
"""

from datetime import date
from typing import NamedTuple

from ritual.errors import InvalidValue

FIRST_YEAR = 1800
LAST_YEAR = 2200
# Occasions other than birthdays may be historical (an address book's "other" date of 1776-07-04).
FIRST_OCCASION_YEAR = 1000


class Range(NamedTuple):
    """An inclusive range of whole numbers with the unit its messages use."""

    low: int
    high: int
    unit: str

    def check(self, value: int, field: str) -> int:
        """The value when it is inside the range, else an InvalidValue naming the field."""
        if not self.low <= value <= self.high:
            raise InvalidValue(field, value, self._problem())
        return value

    @property
    def bounds(self) -> tuple[int, int]:
        """(low, high), for a click.IntRange."""
        return self.low, self.high

    def parse(self, text: str | int, field: str) -> int:
        """A whole number from text, checked against the range."""
        try:
            value = int(str(text).strip())
        except ValueError:
            raise InvalidValue(field, text, f"must be a whole number of {self.unit}") from None
        if not self.low <= value <= self.high:
            raise InvalidValue(field, text, self._problem())
        return value

    def _problem(self) -> str:
        return f"must be between {self.low:,} and {self.high:,} {self.unit}"


CADENCE_DAYS = Range(1, 36_500, "days")
MINUTES = Range(1, 1_440, "minutes")
DAYS_AHEAD = Range(1, 3_660, "days")
COUNT = Range(0, 1_000_000, "items")
ID = Range(1, 2**63 - 1, "(an id)")
YEAR = Range(FIRST_YEAR, LAST_YEAR, "(a year)")


def check_year(year: int | None, field: str, shown: object, first: int = FIRST_YEAR) -> None:
    """Refuse a known year outside the range; `shown` is the whole value for the message: text, or a date
    (whole or partial) whose ISO form is made only for a refusal, as thousands of records are checked a run."""
    if year is not None and not first <= year <= LAST_YEAR:
        if not isinstance(shown, str):
            shown = shown.iso() if hasattr(shown, "iso") else shown.isoformat()
        raise InvalidValue(field, shown, f"has a year outside {first}-{LAST_YEAR}")


def year_in_range(year: int, first: int = FIRST_YEAR) -> bool:
    """True for a year a stored date may have (imports treat any other year as unknown)."""
    return first <= year <= LAST_YEAR


def check_day(day: date | None, field: str) -> date | None:
    """The date when it lies between 1800-01-01 and 2200-12-31 (or is None)."""
    if day is not None:
        check_year(day.year, field, day)
    return day
