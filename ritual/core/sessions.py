"""Writing sessions: the slots a user keeps each week, and the letters placed in them before their deadlines."""

from collections.abc import Iterable, Sequence
from datetime import date, time, timedelta
from typing import NamedTuple

from ritual.core import ranges
from ritual.core.planner import WRITE, AgendaItem
from ritual.core.text import WEEKDAYS, short_day
from ritual.errors import InvalidValue

SESSION = "session"
SESSION_CONFLICT = "session_conflict"
EXTRA_SESSION = "extra_session"
WRITE_EARLIER = "write_earlier"
_WEEKDAY_KEYS = tuple(day.lower() for day in WEEKDAYS)


class SessionSlot(NamedTuple):
    """A writing session kept every week: weekday (0 is Monday), start time and length in minutes."""

    weekday: int
    start: time
    minutes: int

    def text(self) -> str:
        """The settings form, `sun 10:00 60`."""
        return f"{_WEEKDAY_KEYS[self.weekday]} {self.start:%H:%M} {self.minutes}"


class Session(NamedTuple):
    """One sitting on a real day; `extra_id` is set for a one-off session kept in the store."""

    day: date
    start: time
    minutes: int
    extra_id: int | None = None

    def sort_key(self) -> tuple:
        """Day, then start time."""
        return (self.day, self.start, self.extra_id or 0)

    def end(self) -> time:
        """The time the sitting ends (past midnight it wraps, as a clock does)."""
        minutes = (self.start.hour * 60 + self.start.minute + self.minutes) % (24 * 60)
        return time(minutes // 60, minutes % 60)


class Skip(NamedTuple):
    """A day off from the recurring sessions: all of that day's, or only the one starting at `start`."""

    day: date
    start: time | None = None
    id: int | None = None

    def covers(self, day: date, start: time) -> bool:
        """True when this skip removes the session on `day` at `start`."""
        return self.day == day and (self.start is None or self.start == start)


class LetterTask(NamedTuple):
    """A letter to write by a day, and the minutes it takes."""

    friend_id: int
    friend: str
    occasion: str | None
    occasion_date: date | None
    write_by: date
    minutes: int


class Option(NamedTuple):
    """One way out of a conflict: an extra session on `day`, or writing earlier on a free day up to `day`."""

    kind: str
    day: date
    minutes: int

    def text(self) -> str:
        """The option in a sentence."""
        if self.kind == EXTRA_SESSION:
            return f"add a {self.minutes}-minute session on or before {short_day(self.day)}"
        return f"write it earlier, on a free day up to {short_day(self.day)}"


class Conflict(NamedTuple):
    """A letter that fits in no session before its write-by day, with the options that would make it fit."""

    task: LetterTask
    options: tuple[Option, ...]


class SessionPlan:
    """Sessions in date order with the letters placed in each, and the letters that did not fit."""

    # A plain class: a dataclass would cost every start a millisecond of generated methods no one calls.
    def __init__(self, sessions: list[Session], assigned: dict[Session, list[LetterTask]] | None = None,
                 conflicts: list[Conflict] | None = None) -> None:
        self.sessions = sessions
        self.assigned = assigned if assigned is not None else {}
        self.conflicts = conflicts if conflicts is not None else []

    def letters_in(self, session: Session) -> list[LetterTask]:
        """The letters placed in `session`, earliest deadline first."""
        return self.assigned.get(session, [])

    def used_minutes(self, session: Session) -> int:
        """Minutes of `session` taken by its letters."""
        return sum(task.minutes for task in self.letters_in(session))


def parse_slot(text: str, field_name: str = "writing_sessions") -> SessionSlot:
    """Read `sun 10:00 60` (weekday, 24-hour start, minutes)."""
    parts = str(text).split()
    if len(parts) != 3 or parts[0].lower()[:3] not in _WEEKDAY_KEYS:
        raise InvalidValue(field_name, text, 'must look like "sun 10:00 60" (weekday, start, minutes)')
    return SessionSlot(_WEEKDAY_KEYS.index(parts[0].lower()[:3]), parse_start(parts[1], field_name),
                       parse_minutes(parts[2], field_name))


def parse_start(text: str, field_name: str) -> time:
    """A 24-hour `HH:MM`."""
    try:
        hours, minutes = text.split(":")
        return time(int(hours), int(minutes))
    except ValueError:
        raise InvalidValue(field_name, text, 'is not a 24-hour time such as "19:30"') from None


def parse_minutes(text: str | int, field_name: str) -> int:
    """A positive whole number of minutes."""
    return ranges.MINUTES.parse(text, field_name)


def sessions_between(slots: Iterable[SessionSlot], extras: Iterable[Session], skips: Sequence[Skip],
                     start: date, end: date) -> list[Session]:
    """The sittings on days in [start, end]: recurring ones not skipped, and the one-off extras."""
    found = [s for s in extras if start <= s.day <= end]
    by_weekday: dict[int, list[SessionSlot]] = {}
    for slot in slots:
        by_weekday.setdefault(slot.weekday, []).append(slot)
    day = start
    while day <= end:
        for slot in by_weekday.get(day.weekday(), ()):
            if not any(skip.covers(day, slot.start) for skip in skips):
                found.append(Session(day, slot.start, slot.minutes))
        day += timedelta(days=1)
    return sorted(found, key=Session.sort_key)


def assign(sessions: Sequence[Session], tasks: Iterable[LetterTask], today: date) -> SessionPlan:
    """Earliest deadline first, each letter into the earliest session from today on or before its write-by."""
    ahead = sorted((s for s in sessions if s.day >= today), key=Session.sort_key)
    room = {session: session.minutes for session in ahead}
    result = SessionPlan(sorted(sessions, key=Session.sort_key))
    for task in sorted(tasks, key=lambda t: (t.write_by, t.friend.casefold(), t.friend_id, t.occasion or "")):
        chosen = next((s for s in ahead if s.day <= task.write_by and room[s] >= task.minutes), None)
        if chosen is None:
            result.conflicts.append(Conflict(task, _options(task, today)))
            continue
        room[chosen] -= task.minutes
        result.assigned.setdefault(chosen, []).append(task)
    return result


def _options(task: LetterTask, today: date) -> tuple[Option, ...]:
    last_day = max(task.write_by, today)
    options = [Option(EXTRA_SESSION, last_day, task.minutes)]
    if task.write_by > today:
        options.append(Option(WRITE_EARLIER, task.write_by, task.minutes))
    return tuple(options)


def tasks_from(items: Iterable[AgendaItem], default_minutes: int, own_minutes: dict[int, int], today: date) -> list[LetterTask]:
    """The letters still to write from the planner's `write` items, each with its minutes."""
    return [
        LetterTask(i.friend_id, i.friend, i.occasion, i.occasion_date, i.date, own_minutes.get(i.friend_id, default_minutes))
        for i in items
        if i.kind == WRITE and i.date >= today
    ]
