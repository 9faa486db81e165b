"""The letter box: letters both ways, their journey through the post, and the reflections behind them."""

from collections import Counter
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any, NamedTuple

from ritual.core import ranges
from ritual.errors import InvalidValue

SENT = "sent"
RECEIVED = "received"
DIRECTIONS = (SENT, RECEIVED)
WRITTEN = "written"
POSTED = "posted"
ARRIVED = "arrived"
ANSWERED = "answered"
STATUSES = {SENT: (WRITTEN, POSTED, ARRIVED), RECEIVED: (RECEIVED, ANSWERED)}
MEDIA = ("card", "letter", "postcard", "parcel")
MAX_QUOTE = 500
MAX_FOCUS_MINUTES = 24 * 60


class _LetterFields(NamedTuple):
    """The fields of a Letter, in the order it stores them."""

    friend_id: int
    direction: str
    day: date
    status: str = ""
    posted: date | None = None
    arrived: date | None = None
    occasion: str = ""
    medium: str = "letter"
    tone: str = ""
    note: str = ""
    scan: str = ""
    id: int | None = None
    friend: str = ""
    quotes: tuple[str, ...] = ()
    sitting: str = ""
    focus_minutes: int | None = None
    card_id: int | None = None  # the card it was written for, if any


class Letter(_LetterFields):
    """One letter or card, sent or received; `day` is when it was written (sent) or received.

    A named tuple that checks itself (a frozen dataclass's generated methods cost every start a millisecond).
    """

    __slots__ = ()

    def __new__(cls, *args: Any, **kwargs: Any) -> "Letter":
        return super().__new__(cls, *args, **kwargs)._checked()

    def _replace(self, **changes: Any) -> "Letter":
        """A copy with `changes`, checked as a new letter is."""
        return type(self)(**{**self._asdict(), **changes})

    def _checked(self) -> "Letter":
        """The letter with its status filled in and its quotes tidied, or InvalidValue for a field that does not fit."""
        if self.direction not in DIRECTIONS:
            raise InvalidValue("direction", self.direction, "must be sent or received")
        status = self.status or STATUSES[self.direction][0]
        if status not in STATUSES[self.direction]:
            allowed = ", ".join(STATUSES[self.direction])
            raise InvalidValue("status", status, f"does not fit a {self.direction} letter ({allowed})")
        if self.medium not in MEDIA:
            raise InvalidValue("medium", self.medium, "must be one of " + ", ".join(MEDIA))
        for field, day in (("day", self.day), ("posted", self.posted), ("arrived", self.arrived)):
            ranges.check_day(day, field)
        _check_order("posted", self.posted, self.day, "written")
        _check_order("arrived", self.arrived, self.posted or self.day, "posted" if self.posted else "written")
        quotes = check_quotes(self.quotes)
        if self.focus_minutes is not None and not 0 <= self.focus_minutes <= MAX_FOCUS_MINUTES:
            raise InvalidValue("focus minutes", self.focus_minutes, f"must be from 0 to {MAX_FOCUS_MINUTES}")
        return tuple.__new__(type(self), (*self[:3], status, *self[4:13], quotes, *self[14:]))

    @property
    def sent(self) -> bool:
        """True for a letter the user wrote."""
        return self.direction == SENT


def check_quotes(quotes: Iterable[str]) -> tuple[str, ...]:
    """Phrases kept from a letter: each on one line, trimmed, none empty, none longer than a postcard's worth."""
    kept = []
    for quote in quotes:
        text = " ".join(str(quote).split())
        if not text:
            raise InvalidValue("quote", quote, "must not be empty")
        if len(text) > MAX_QUOTE:
            raise InvalidValue("quote", text[:40] + "…", f"is longer than {MAX_QUOTE} characters")
        kept.append(text)
    return tuple(kept)


def _check_order(field: str, later: date | None, earlier: date, earlier_name: str) -> None:
    if later is not None and later < earlier:
        raise InvalidValue(field, later.isoformat(), f"comes before the day it was {earlier_name} ({earlier})")


def advance(letter: Letter, status: str, day: date) -> Letter:
    """The letter moved on: posted or arrived (sent), or answered (received), on `day`."""
    if status not in STATUSES[letter.direction]:
        allowed = ", ".join(STATUSES[letter.direction][1:])
        raise InvalidValue("status", status, f"does not fit a {letter.direction} letter (use {allowed})")
    if status == POSTED:
        return letter._replace(status=POSTED, posted=day, arrived=None)
    if status == ARRIVED:
        return letter._replace(status=ARRIVED, arrived=day)
    return letter._replace(status=status)


def replies_owed(letters: Iterable[Letter], today: date, after_days: int = 0) -> list[Letter]:
    """Received letters still waiting for an answer after `after_days`, the longest waiting first."""
    waiting = [
        x for x in letters
        if x.direction == RECEIVED and x.status == RECEIVED and (today - x.day).days >= after_days
    ]
    return sorted(waiting, key=lambda x: (x.day, x.id or 0))


class YearPicture(NamedTuple):
    """How many letters went each way in a year, by month and by friend."""

    year: int
    sent_by_month: tuple[int, ...]
    received_by_month: tuple[int, ...]
    by_friend: tuple[tuple[str, int, int], ...]

    @property
    def total(self) -> int:
        """Every letter of the year, both ways."""
        return sum(self.sent_by_month) + sum(self.received_by_month)


def year_picture(letters: Iterable[Letter], year: int) -> YearPicture:
    """Counts for one year; friends ordered by how many letters went between you, then by name."""
    sent, received = [0] * 12, [0] * 12
    friends: Counter[tuple[str, str]] = Counter()
    for letter in letters:
        if letter.day.year != year:
            continue
        (sent if letter.sent else received)[letter.day.month - 1] += 1
        friends[(letter.friend, letter.direction)] += 1
    names = sorted({name for name, _ in friends})
    rows = [(name, friends[(name, SENT)], friends[(name, RECEIVED)]) for name in names]
    rows.sort(key=lambda row: (-(row[1] + row[2]), row[0].casefold()))
    return YearPicture(year, tuple(sent), tuple(received), tuple(rows))


FOLLOW_UP_SUFFIX = "#detail"


class Reflection(NamedTuple):
    """An answer (or a skip) to one prompt, given while preparing a letter to a friend."""

    friend_id: int
    prompt_id: str
    question: str
    answer: str
    asked_at: datetime
    sitting: str
    occasion: str = ""
    tone: str = ""
    skipped: bool = False
    id: int | None = None
    heart: bool = False

    @property
    def detail(self) -> bool:
        """True for the answer to a follow-up asking for a concrete detail."""
        return self.prompt_id.endswith(FOLLOW_UP_SUFFIX)


def letter_dict(letter: Letter) -> dict:
    """A letter as `ritual letter list --json` prints it."""
    iso = lambda d: d.isoformat() if d else None  # noqa: E731
    return {
        "id": letter.id,
        "friend_id": letter.friend_id,
        "friend": letter.friend,
        "direction": letter.direction,
        "date": letter.day.isoformat(),
        "status": letter.status,
        "written": iso(letter.day) if letter.sent else None,
        "posted": iso(letter.posted),
        "arrived": iso(letter.arrived),
        "received": None if letter.sent else iso(letter.day),
        "occasion": letter.occasion or None,
        "medium": letter.medium,
        "tone": letter.tone or None,
        "note": letter.note,
        "scan": letter.scan or None,
        "quotes": list(letter.quotes),
        "focus_minutes": letter.focus_minutes,
        "card_id": letter.card_id,
    }
