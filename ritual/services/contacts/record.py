"""What an importer hands over: a friend read from a file, or a record skipped with its line and reason."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ritual.core import ranges
from ritual.core.dates import PartialDate
from ritual.core.fields import CONTROL, without_bad_texts
from ritual.core.model import Friend
from ritual.errors import InvalidValue

# Years address books write when the year is unknown: Apple and CardBook use 1604 (a leap year, so
# Feb 29 survives); some tools write 0000.
PLACEHOLDER_YEARS = frozenset({0, 1604})
# Groups every Google or Android account has; as circles they would only be noise.
SYSTEM_GROUPS = frozenset({"my contacts", "mycontacts", "starred in android", "starred"})

_FULL = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})$")
_YEARLESS = re.compile(r"^--(\d{2})-?(\d{2})$")
_YEAR_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_MONTH_ONLY = re.compile(r"^--(\d{2})$")


@dataclass(frozen=True, slots=True)
class Incoming:
    """A friend as a file describes them, with the file's own id and where they were found."""

    friend: Friend
    uid: str | None
    line: int
    warnings: tuple[tuple[int, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Skipped:
    """A record that was not imported, and why."""

    line: int
    reason: str


def checked_incoming(friend: Friend, uid: str | None, line: int, warnings: list[tuple[int, str]]) -> Incoming:
    """An Incoming whose texts hold no control character: each bad field is told and left out, the rest kept.

    A name cannot be left out, so its control characters are dropped (and told) instead.
    """
    found = list(warnings)
    if CONTROL.search(friend.name):
        found.append((line, "name: control characters were left out of the name"))
        friend = friend._replace(name=CONTROL.sub("", friend.name))
    friend, emptied = without_bad_texts(friend)
    found += [(line, f"{field}: held a control character, so it was not imported") for field in emptied]
    if uid is not None and CONTROL.search(uid):
        found.append((line, "uid: held a control character, so it was not used"))
        uid = None
    return Incoming(friend, uid, line, tuple(found))


def contact_date(text: str, field: str, omit_year: int | None = None) -> PartialDate | None:
    """A date as address books write it (basic, extended, year-less, date-time); None when it is not a date.

    Raises InvalidValue for something shaped like a date that is not one (30 February).
    """
    raw = text.strip()
    if "T" in raw[4:]:
        raw = raw[: raw.index("T", 4)]
    if m := _FULL.match(raw):
        year = int(m[1])
        # A year outside ritual's range is as good as unknown: the day is kept, the year is not.
        first = ranges.FIRST_YEAR if field == "birthday" else ranges.FIRST_OCCASION_YEAR
        unknown = year in PLACEHOLDER_YEARS or year == omit_year or not ranges.year_in_range(year, first)
        return _checked(int(m[2]), int(m[3]), None if unknown else year, text, field)
    if m := _YEARLESS.match(raw):
        return _checked(int(m[1]), int(m[2]), None, text, field)
    if m := _YEAR_MONTH.match(raw) or _MONTH_ONLY.match(raw):
        return _checked(int(m[2] if m.re is _YEAR_MONTH else m[1]), None, None, text, field)
    return None


def _checked(month: int, day: int | None, year: int | None, text: str, field: str) -> PartialDate:
    try:
        return PartialDate(month, day, year)
    except InvalidValue as exc:
        raise InvalidValue(field, text.strip(), exc.problem) from None


def clean_tags(values: list[str], extra: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Circles from groups or categories: trimmed, de-duplicated, account-wide system groups left out."""
    found: list[str] = []
    for value in [*values, *extra]:
        tag = " ".join(value.split()).lstrip("* ").strip()
        if tag and tag.casefold() not in SYSTEM_GROUPS and tag not in found:
            found.append(tag)
    return tuple(found)


def clean_text(value: str) -> str:
    """Free text with Windows line ends made plain and outer blank space removed."""
    return value.replace("\r\n", "\n").replace("\r", "\n").strip()


def one_line(value: str) -> str:
    """A name-like value on one line with single spaces."""
    return " ".join(value.split())
