"""Birthdays and anniversaries found in an iCalendar file, each with where it came from or why it was left."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from ritual.core import ranges
from ritual.core.dates import FEB28, MAR1, PartialDate
from ritual.core.model import ANNIVERSARY
from ritual.errors import InvalidValue
from ritual.services.calendar.library_notes import library_notes
from ritual.services.calendar.lint import EventLines, check_structure, decode
from ritual.services.calendar.names import holiday_reason, kind_of, person_and_notes

# Years calendar and address-book programs write when the real year is unknown.
PLACEHOLDER_YEARS = {1, 1600, 1604, 1900}
RITUAL_ACTIONS = {"WRITE-BY", "POST-BY", "KEEP-IN-TOUCH"}
# Real zone names are at most about 30 characters; a longer TZID makes zoneinfo fail on the file name.
_LONG_TZID = re.compile(r';TZID=(?:"[^"\r\n]{65,}"|[^;:"\r\n]{65,})(?=[;:])')
_YEARLY_PARTS = {"FREQ", "INTERVAL", "BYMONTH", "BYMONTHDAY", "UNTIL", "COUNT", "RSCALE", "SKIP", "WKST"}


@dataclass(frozen=True)
class Found:
    """A yearly date for a person, read from one VEVENT; an empty name is an anniversary naming nobody."""

    name: str
    kind: str
    date: PartialDate
    line: int
    from_rule: bool
    feb29: str | None = None
    title: str = ""


@dataclass(frozen=True)
class Skipped:
    """A VEVENT that gave no birthday or anniversary, and why."""

    title: str
    line: int
    reason: str


def read_calendar(data: bytes, source: str, notes: list[str] | None = None) -> tuple[list[Found], list[Skipped]]:
    """Every VEVENT of the file, read as a date for someone or skipped with a reason.

    What the iCalendar library would have warned about goes into `notes`, in ritual's words.
    """
    text = decode(data, source)
    lines = check_structure(text, source)
    with library_notes() as caught:
        calendar = _parsed(text, source)
        calendar_name = " ".join(str(calendar.get("X-WR-CALNAME", "")).split())
        found, skipped = [], []
        for vevent, where in zip(calendar.walk("VEVENT"), lines):
            result = read_event(vevent, where, source, calendar_name)
            (found if isinstance(result, Found) else skipped).append(result)
    if notes is not None:
        notes += caught
    return found, skipped


def _parsed(text: str, source: str):
    from icalendar import Calendar

    try:
        # Dates are all that is read, so an unusable zone falls back to floating time instead of failing.
        return Calendar.from_ical(_LONG_TZID.sub("", text))
    except (ValueError, OSError) as exc:
        raise InvalidValue(source, str(exc)[:80], "could not be read as iCalendar") from None


def read_event(vevent, where: EventLines, source: str, calendar_name: str = "") -> Found | Skipped:
    """One VEVENT as a Found date or a Skipped note."""
    title = " ".join(str(vevent.get("SUMMARY", "")).split()) or "(no title)"
    birthday_calendar = "birthday" in calendar_name.lower()
    start = _start(vevent, where, source)
    reason = _not_a_yearly_day(vevent, start) or _not_a_person(vevent, title, calendar_name)
    kind = kind_of(title, _categories(vevent), birthday_calendar)
    if reason is None and kind is None:
        reason = "not a birthday or anniversary (the title does not say so)"
    if reason is not None:
        return Skipped(title, where.begin, reason)
    name, stated_year, month_only = person_and_notes(title, kind, birthday_calendar)
    # ritual's Mar-1 rules for a Feb-29 date read like single Mar-1 days: they stand in for common years.
    yearly = _recurs(vevent) and not _mar1_stand_in(vevent["RRULE"], start)
    value = _partial(start, kind, stated_year, month_only, str(vevent.get("DESCRIPTION", "")), yearly)
    if name is None and kind != ANNIVERSARY:
        return Skipped(title, where.begin, f"a {kind} on {value.words()} that names no person")
    # Whose anniversary "Our anniversary" is, only the user can say (`--for NAME`); the importer decides.
    feb29 = _feb29_policy(vevent, start) if yearly else None
    return Found(name or "", kind, value, where.begin, yearly, feb29, title)


def _not_a_person(vevent, title: str, calendar_name: str) -> str | None:
    """A public holiday, or an event that only repeats the calendar's own title."""
    if calendar_name and title.casefold() == calendar_name.casefold():
        return "the calendar's own title, not a person"
    return holiday_reason(title, str(vevent.get("DESCRIPTION", "")), _categories(vevent), calendar_name)


def _recurs(vevent) -> bool:
    """True for a real repeating rule; Google writes single birthdays as `COUNT=1`."""
    rule = vevent.get("RRULE")
    return rule is not None and _first(rule.get("COUNT")) != 1


def _start(vevent, where: EventLines, source: str) -> date | None:
    prop = vevent.get("DTSTART")
    if prop is None:
        return None
    value = getattr(prop, "dt", None) if not _broken(prop) else None
    if not isinstance(value, date):
        line = where.properties.get("DTSTART", where.begin)
        raise InvalidValue(f"{source} line {line}", prop.to_ical().decode(errors="replace"), "is not a DTSTART date")
    return value


def _broken(prop) -> bool:
    # icalendar keeps an unreadable value as a placeholder that raises on every use.
    return type(prop).__name__ == "vBroken"


def _not_a_yearly_day(vevent, start: date | None) -> str | None:
    if start is None:
        return "has no start date"
    if RITUAL_ACTIONS & set(_categories(vevent)):
        return "a write-by or post-by day from ritual, not a date to keep"
    if _recurs(vevent):
        return _rule_problem(vevent["RRULE"], start)
    if isinstance(start, datetime):
        return "not an all-day event"
    return None


def _rule_problem(rule, start: date) -> str | None:
    scale = str(_first(rule.get("RSCALE")) or "GREGORIAN").upper()
    if scale != "GREGORIAN":
        return f"repeats in the {scale.lower()} calendar, which ritual does not keep"
    freq = str(_first(rule.get("FREQ")) or "").upper()
    if freq != "YEARLY":
        return f"repeats {freq.lower() or 'irregularly'}, not yearly"
    if isinstance(start, datetime):
        return "not an all-day event"
    until = _first(rule.get("UNTIL"))
    if until is not None and _day(until) < start:
        return "its rule ends before it begins, so it never repeats"
    if _mar1_stand_in(rule, start):
        return None
    if int(_first(rule.get("INTERVAL")) or 1) != 1 or set(rule) - _YEARLY_PARTS:
        return "repeats by a rule other than once a year on the same day"
    months, days = rule.get("BYMONTH", [start.month]), rule.get("BYMONTHDAY", [start.day])
    if [int(m) for m in months] != [start.month] or [int(d) for d in days] not in ([start.day], [-1]):
        return "repeats on another day than it starts"
    return None


def _mar1_stand_in(rule, start: date) -> bool:
    """`FREQ=YEARLY;INTERVAL=4` from 1 March: how ritual keeps a Feb-29 date on Mar 1 in common years."""
    return ((start.month, start.day) == (3, 1) and set(rule) == {"FREQ", "INTERVAL"}
            and int(_first(rule.get("INTERVAL"))) == 4)


def _feb29_policy(vevent, start: date) -> str | None:
    if (start.month, start.day) != (2, 29):
        return None
    rule = vevent["RRULE"]
    if rule.get("BYMONTHDAY") == [-1]:
        return FEB28
    skip = _text(_first(rule.get("SKIP"))).upper()
    return {"FORWARD": MAR1, "BACKWARD": FEB28}.get(skip)


def _partial(start: date, kind: str, stated: int | None, month_only: bool, description: str, yearly: bool) -> PartialDate:
    if month_only:
        return PartialDate(start.month)
    year = stated or _described_year(description)
    if year is None and kind == ANNIVERSARY and yearly and "year unknown" not in description.lower():
        year = start.year
    first = ranges.FIRST_OCCASION_YEAR if kind == ANNIVERSARY else ranges.FIRST_YEAR
    if year in PLACEHOLDER_YEARS or (year is not None and not ranges.year_in_range(year, first)):
        year = None
    try:
        return PartialDate(start.month, start.day, year)
    except InvalidValue:
        return PartialDate(start.month, start.day)


def _described_year(description: str) -> int | None:
    match = re.search(r"\b(?:born|since|geboren)\s+(?:in\s+)?(\d{4})\b", description, re.IGNORECASE)
    return int(match[1]) if match else None


def _categories(vevent) -> list[str]:
    return [str(category).upper() for category in vevent.categories]


def _text(value) -> str:
    # icalendar 7 reads SKIP as an enum whose str() is "vSkip.FORWARD"; its iCalendar form is the word itself.
    if value is None:
        return ""
    return value.to_ical().decode() if hasattr(value, "to_ical") else str(value)


def _first(values):
    return values[0] if isinstance(values, list) and values else values or None


def _day(value) -> date:
    return value.date() if isinstance(value, datetime) else value

