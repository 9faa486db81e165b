"""Cards: one friend's one occasion on one date, and its one life from planned to arrived (or skipped, or given)."""

from collections.abc import Iterable
from datetime import date, timedelta
from typing import NamedTuple

from ritual.core.fields import check_text
from ritual.core.records import Checked
from ritual.core.text import short_day
from ritual.errors import InvalidValue

PLANNED, WRITTEN, POSTED, ARRIVED = "planned", "written", "posted", "arrived"
SKIPPED, GIVEN = "skipped", "given"
LIFE = (PLANNED, WRITTEN, POSTED, ARRIVED)
ENDINGS = (SKIPPED, GIVEN)
STATUSES = LIFE + ENDINGS
# Open: something is still to do with the pen or at the post box. Every other status is done.
OPEN = frozenset({PLANNED, WRITTEN})
DONE = frozenset(STATUSES) - OPEN
# A letter written this long before a card's write-by still counts as that card (early writers exist).
EARLY_DAYS = 21
# ... and one written up to a week after the day is that card, belated.
BELATED_DAYS = 7


class CardError(InvalidValue):
    """A step that does not fit where the card stands."""


class CardKey(NamedTuple):
    """What names a card: the friend, the occasion's name, the occasion's date."""

    friend_id: int
    occasion: str
    day: date


class _CardFields(NamedTuple):
    """The fields of a Card."""

    friend_id: int
    occasion: str
    day: date
    written_on: date | None = None
    posted_on: date | None = None
    arrived_on: date | None = None
    ending: str = ""  # "", skipped or given
    ended_on: date | None = None
    note: str = ""
    id: int | None = None
    friend: str = ""


class Card(Checked, _CardFields):
    """One card; its status follows from which steps have a date, so it is never both open and done."""

    __slots__ = ()

    def _check(self) -> None:
        if self.ending not in ("", *ENDINGS):
            raise InvalidValue("card ending", self.ending, "must be skipped or given")
        if bool(self.ending) != (self.ended_on is not None):
            raise InvalidValue("card ending", self.ending or "(none)", "needs its date, and a date needs an ending")
        _in_order(("written", self.written_on), ("posted", self.posted_on), ("arrived", self.arrived_on))

    @property
    def key(self) -> CardKey:
        """The card's name."""
        return CardKey(self.friend_id, self.occasion, self.day)

    @property
    def status(self) -> str:
        """Where the card stands."""
        if self.ending:
            return self.ending
        for status, on in ((ARRIVED, self.arrived_on), (POSTED, self.posted_on), (WRITTEN, self.written_on)):
            if on is not None:
                return status
        return PLANNED

    @property
    def is_open(self) -> bool:
        """True while something is still to do (write it or post it)."""
        return self.status in OPEN

    @property
    def is_done(self) -> bool:
        """True once posted, arrived, skipped or given."""
        return self.status in DONE

    @property
    def since(self) -> date | None:
        """The date of the step that brought the card where it stands."""
        return {PLANNED: None, WRITTEN: self.written_on, POSTED: self.posted_on,
                ARRIVED: self.arrived_on}.get(self.status, self.ended_on)

    def as_dict(self) -> dict:
        """A JSON-ready view, as `ritual card list --json` prints it."""
        iso = lambda d: d.isoformat() if d else None  # noqa: E731
        return {"id": self.id, "friend_id": self.friend_id, "friend": self.friend, "occasion": self.occasion,
                "occasion_date": self.day.isoformat(), "status": self.status, "open": self.is_open,
                "written": iso(self.written_on), "posted": iso(self.posted_on), "arrived": iso(self.arrived_on),
                "skipped": iso(self.ended_on) if self.ending == SKIPPED else None,
                "given": iso(self.ended_on) if self.ending == GIVEN else None, "note": self.note or None}


def _in_order(*steps: tuple[str, date | None]) -> None:
    """Each step needs the one before it, on the same day or later."""
    previous_name, previous = "", None
    for index, (name, on) in enumerate(steps):
        if on is not None and index and previous is None:
            raise InvalidValue(name, on.isoformat(), f"needs the card {previous_name} first")
        if on is not None and previous is not None and on < previous:
            raise InvalidValue(name, on.isoformat(), f"comes before the day it was {previous_name} ({previous})")
        previous_name, previous = name, on


def move(card: Card, status: str, on: date) -> Card:
    """The card reached `status` on `on`; steps it skipped over (posted before written was noted) take that day."""
    if status not in LIFE[1:]:
        raise CardError("card status", status, "must be written, posted or arrived (or use skip / given)")
    if card.ending:
        raise CardError("card status", status, f"the card was {card.ending} on {card.ended_on}; undo that first")
    if LIFE.index(status) <= LIFE.index(card.status):
        raise CardError("card status", status, f"the card is already {card.status}")
    steps = {WRITTEN: card.written_on, POSTED: card.posted_on, ARRIVED: card.arrived_on}
    for step in LIFE[1:LIFE.index(status) + 1]:
        steps[step] = steps[step] or on
    return card._replace(written_on=steps[WRITTEN], posted_on=steps[POSTED], arrived_on=steps[ARRIVED])


def end(card: Card, ending: str, on: date, note: str = "") -> Card:
    """Skip the card ("not this year") or mark it given by hand; only an open card can end that way."""
    if ending not in ENDINGS:
        raise CardError("card ending", ending, "must be skipped or given")
    if not card.is_open:
        raise CardError("card ending", ending, f"the card is already {card.status}")
    # The note comes back in every plan that shows the card: one line, nothing a terminal would act on.
    return card._replace(ending=ending, ended_on=on, note=check_text("card note", " ".join(note.split())))


def undo(card: Card) -> Card:
    """Back exactly one step: an ending is lifted, else the latest dated step is forgotten."""
    if card.ending:
        return card._replace(ending="", ended_on=None, note="")
    status = card.status
    if status == PLANNED:
        raise CardError("card status", PLANNED, "nothing to undo: the card is only planned")
    return card._replace(**{f"{status}_on": None})


def set_status(card: Card, status: str, on: date) -> Card:
    """Put the card at `status` whatever it was (a project's list is edited this way): steps up to it keep their
    dates or take `on`, later steps and any ending are forgotten."""
    if status not in LIFE:
        raise CardError("card status", status, "must be one of " + ", ".join(LIFE))
    reached = LIFE.index(status)
    filled = [(getattr(card, f"{step}_on") or on) if i <= reached else None for i, step in enumerate(LIFE[1:], 1)]
    return card._replace(written_on=filled[0], posted_on=filled[1], arrived_on=filled[2], ending="", ended_on=None,
                   note="")


def planned(key: CardKey, friend: str = "") -> Card:
    """The card an occasion implies before any step happened."""
    return Card(key.friend_id, key.occasion, key.day, friend=friend)


class Candidate(NamedTuple):
    """A card a letter might belong to, with the write-by that opens its window (None: no card was planned)."""

    card: Card
    write_by: date | None
    wanted: bool = True  # False for an occasion that asks for no card: a letter goes there only when named


def window_holds(candidate: Candidate, day: date) -> bool:
    """True when a letter written on `day` falls in the card's window: early, on time or a week belated."""
    opens = (candidate.write_by or candidate.card.day) - timedelta(days=EARLY_DAYS)
    return opens <= day <= candidate.card.day + timedelta(days=BELATED_DAYS)


def pick_card(candidates: Iterable[Candidate], day: date, occasion: str = "", on: date | None = None) -> Card | None:
    """The card a letter of `day` belongs to: named by occasion (and date), else the nearest open one in window."""
    pool = list(candidates)
    if occasion:
        named = [c for c in pool if c.card.occasion.casefold() == occasion.casefold()]
        if on is not None:
            named = [c for c in named if c.card.day == on]
            return named[0].card if named else None
        pool = named
    if not occasion:
        pool = [c for c in pool if c.wanted]
    fitting = [c for c in pool if c.card.is_open and window_holds(c, day)]
    if occasion and not fitting:
        fitting = [c for c in pool if c.card.is_open]
    if not fitting:
        return None
    # Nearest occasion to the letter's day; on a tie the one still ahead.
    return min(fitting, key=lambda c: (abs((c.card.day - day).days), c.card.day < day)).card


def state_words(card: Card) -> str:
    """The card's state in a few words for the plan: "card posted Tue 8 Dec", "skipped this year"."""
    status = card.status
    if status == PLANNED:
        return ""
    if status == SKIPPED:
        return "skipped this year" + (f" ({card.note})" if card.note else "")
    if status == GIVEN:
        return f"card given {short_day(card.ended_on)}"
    return f"card {status} {short_day(card.since)}"
