"""Calendar events as plain data, rendered from the planner's items and the friends' yearly occasions."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta

from ritual.core.dates import MAR1, PartialDate
from ritual.core.model import BIRTHDAY, Occasion
from ritual.core.planner import KEEP_IN_TOUCH, OCCASION, WRITE, AgendaItem, Subject
from ritual.core.sessions import SESSION, LetterTask, Session
from ritual.core.text import MONTHS, short_day
from ritual.core.calendar_kinds import BIRTHDAYS, DEFAULT_INCLUDE, INCLUDE_CHOICES, OCCASIONS, SESSIONS  # noqa: F401

# A leap year, so that a year-less 29 February is a real DTSTART (DESIGN.md section 2).
PLACEHOLDER_YEAR = 2000
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://ritual.invalid/calendar")

# Read by every parser: Feb 28 in common years, Feb 29 in leap years.
FEB28_RULE = (("FREQ", "YEARLY"), ("BYMONTH", 2), ("BYMONTHDAY", -1))
YEARLY_RULE = (("FREQ", "YEARLY"),)
# Every fourth year from a common year's Mar 1: three of these cover all common years but the century ones.
MAR1_RULE = (("FREQ", "YEARLY"), ("INTERVAL", 4))
CENTURY_COMMON_YEARS = (2100, 2200, 2300)


@dataclass(frozen=True, slots=True)
class CalendarEvent:
    """One event: all-day (an occasion, an instance, a dated action), or timed at `at` for `minutes` (a session)."""

    uid: str
    start: date
    summary: str
    description: str
    category: str
    rule: tuple[tuple[str, object], ...] | None = None
    alarm: timedelta | None = None
    # Left out of the repr, so all-day events keep the DTSTAMPs they always had (see ics_render.event_stamp).
    at: time | None = field(default=None, repr=False)
    minutes: int = field(default=0, repr=False)
    # Whose event it is, and its revision (SEQUENCE, LAST-MODIFIED) from the store: not part of its content.
    friend_id: int | None = field(default=None, repr=False, compare=False)
    sequence: int = field(default=0, repr=False, compare=False)
    modified: datetime | None = field(default=None, repr=False, compare=False)

    def revised(self, sequence: int, modified: datetime) -> CalendarEvent:
        """The same event with its stored revision (a direct constructor call: `replace` costs 4x more)."""
        return CalendarEvent(self.uid, self.start, self.summary, self.description, self.category, self.rule,
                             self.alarm, self.at, self.minutes, self.friend_id, sequence, modified)

    @property
    def timed(self) -> bool:
        """True for an event at a time of day rather than over a whole day."""
        return self.at is not None

    @property
    def begins(self) -> date | datetime:
        """DTSTART: the day, or the local wall-clock moment of a timed event."""
        return datetime.combine(self.start, self.at) if self.at is not None else self.start

    @property
    def end(self) -> date | datetime:
        """All-day events end (exclusively) the next day; timed ones after their minutes."""
        if self.at is not None:
            return datetime.combine(self.start, self.at) + timedelta(minutes=self.minutes)
        return self.start + timedelta(days=1)

    @property
    def transparency(self) -> str:
        """A session is time set aside (busy); days to remember leave the day free."""
        return "OPAQUE" if self.timed else "TRANSPARENT"


def content_digest(event: CalendarEvent) -> bytes:
    """A digest of everything a calendar shows of the event; it changes exactly when the event does."""
    key = _plain_repr(event)
    if event.timed:
        key += f" at {event.at:%H:%M} for {event.minutes}"
    return hashlib.sha256(key.encode()).digest()


# The dataclass repr without its guard against self-reference (an event holds none): the same text, half the time.
_plain_repr = getattr(CalendarEvent.__repr__, "__wrapped__", CalendarEvent.__repr__)


def stable_uid(*parts: object) -> str:
    """A UID that stays the same for the same friend, occasion and kind, whatever else changes."""
    return str(uuid.uuid5(NAMESPACE, "/".join(str(p) for p in parts)))


def wanted_occasion(occasion: Occasion, include: Iterable[str]) -> bool:
    """Whether the export asked for this kind of occasion."""
    return (BIRTHDAYS if occasion.name == BIRTHDAY else OCCASIONS) in include


def occasion_event(subject: Subject, occasion: Occasion, policy: str) -> CalendarEvent:
    """A yearly occasion as one recurring event (a one-off one as a single event)."""
    value = occasion.date
    key = "birthday" if occasion.name == BIRTHDAY else f"occasion-{occasion.id or occasion.name}"
    start = _first_day(value) if occasion.yearly else value.as_date()
    return CalendarEvent(
        uid=stable_uid(subject.friend_id, key, OCCASION),
        start=start,
        summary=occasion_title(subject.name, occasion),
        description=_year_note(occasion),
        category=BIRTHDAYS if occasion.name == BIRTHDAY else OCCASIONS,
        rule=_rule(value, policy) if occasion.yearly else None,
        friend_id=subject.friend_id,
    )


def occasion_title(name: str, occasion: Occasion) -> str:
    """`Ana's birthday`, with the month for month-only dates; never an age, which changes yearly."""
    title = f"{name}'s {occasion.name}"
    if occasion.date.month_only:
        return f"{title} (sometime in {MONTHS[occasion.date.month - 1]})"
    return title


def needs_mar1_rules(occasion: Occasion, policy: str) -> bool:
    """A Feb-29 date kept on Mar 1: the leap-year rule alone would skip every common year."""
    return occasion.yearly and occasion.date.is_feb29 and policy == MAR1


def mar1_events(subject: Subject, occasion: Occasion) -> list[CalendarEvent]:
    """Mar 1 of the common years, for ever: one every-fourth-year rule for each of the three after a leap year.

    `FREQ=YEARLY;INTERVAL=4` is read alike by dateutil, khal and calcurse (BYYEARDAY and RSCALE are not). Only
    century years that are not leap years (2100) fall outside; each gets a single event.
    """
    leap = occasion.date.year or PLACEHOLDER_YEAR
    key = "birthday" if occasion.name == BIRTHDAY else f"occasion-{occasion.id or occasion.name}"
    born = "Born" if occasion.name == BIRTHDAY else "Falls"
    base = CalendarEvent(
        uid="", start=date(leap + 1, 3, 1), summary=occasion_title(subject.name, occasion),
        description=f"{_year_note(occasion)} {born} on 29 February, kept on 1 March in common years.",
        category=BIRTHDAYS if occasion.name == BIRTHDAY else OCCASIONS, friend_id=subject.friend_id,
    )
    events = [replace(base, uid=stable_uid(subject.friend_id, key, OCCASION, "mar1", offset),
                      start=date(leap + offset, 3, 1), rule=MAR1_RULE) for offset in (1, 2, 3)]
    events += [replace(base, uid=stable_uid(subject.friend_id, key, OCCASION, "mar1", year), start=date(year, 3, 1))
               for year in CENTURY_COMMON_YEARS if year > leap]
    return events


def action_event(item: AgendaItem, remind_at: time) -> CalendarEvent:
    """A write-by, post-by or keep-in-touch day with an alarm at the reminder time."""
    if item.kind == KEEP_IN_TOUCH:
        summary = f"Write to {item.friend} (keep in touch)"
    else:
        verb = "Write to" if item.kind == WRITE else "Post the card to"
        summary = f"{verb} {item.friend} — {item.occasion} {short_day(item.occasion_date)}"
    occasion_day = item.occasion_date.isoformat() if item.occasion_date else ""
    return CalendarEvent(
        uid=stable_uid(item.friend_id, item.occasion or "", item.kind, occasion_day),
        start=item.date,
        summary=summary,
        description=item.reason,
        category=item.kind,
        # All-day alarms count from the event's local midnight, so 09:00 is nine hours after the start.
        alarm=timedelta(hours=remind_at.hour, minutes=remind_at.minute),
        friend_id=item.friend_id,
    )


def session_event(session: Session, letters: Sequence[LetterTask], about: str) -> CalendarEvent:
    """A writing session as a timed event in floating local time, naming whom to write, with an alarm at its start."""
    names = ", ".join(task.friend for task in letters)
    lines = [about] + [f"{task.friend}: {task.occasion or 'a letter'}, write by {short_day(task.write_by)}"
                       for task in letters]
    return CalendarEvent(
        uid=stable_uid(SESSION, session.day.isoformat(), f"{session.start:%H:%M}"),
        start=session.day,
        summary=f"Writing session: {names}" if names else "Writing session",
        description="\n".join(lines),
        category=SESSIONS,
        alarm=timedelta(0),
        at=session.start,
        minutes=session.minutes,
    )


def _first_day(value: PartialDate) -> date:
    return date(value.year or PLACEHOLDER_YEAR, value.month, value.day or 1)


def _rule(value: PartialDate, policy: str) -> tuple[tuple[str, object], ...]:
    if value.is_feb29 and policy != MAR1:
        return FEB28_RULE
    return YEARLY_RULE


def _year_note(occasion: Occasion) -> str:
    value = occasion.date
    if not occasion.yearly:
        return f"{occasion.name.capitalize()} on {value.words()}."
    if value.year is None:
        return "Birth year unknown." if occasion.name == BIRTHDAY else "Year unknown."
    return f"Born {value.year}." if occasion.name == BIRTHDAY else f"Since {value.year}."
