"""When a card's steps fall for one plan, and which of the day, the write step and the post step it shows."""

from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from ritual.core.cards import OPEN, PLANNED, POSTED, WRITTEN, Card, CardKey
from ritual.core.postal import earliest_arrival, post_by, write_by

if TYPE_CHECKING:
    from ritual.core.planner import PlanRules

OCCASION = "occasion"
WRITE = "write"
POST = "post"
NO_STEPS: tuple = ()


class Timing:
    """Transit, post-by, write-by and arrival for one plan, each computed once per distinct input."""

    def __init__(self, rules: "PlanRules", today: date, cards: Mapping[CardKey, Card]) -> None:
        self.rules = rules
        self.today = today
        self.cards = cards
        self._transit: dict[str, int] = {}
        self._deadlines: dict[tuple[date, int], tuple[date, date]] = {}
        self._arrival: dict[int, date] = {}

    def transit(self, country: str) -> int:
        """Mail days from home to `country`."""
        if country not in self._transit:
            self._transit[country] = self.rules.transit.days(self.rules.home_country, country)
        return self._transit[country]

    def deadlines(self, occ_date: date, transit: int) -> tuple[date, date]:
        """(post-by, write-by) for an occasion date and a transit time."""
        key = (occ_date, transit)
        if key not in self._deadlines:
            posted = post_by(occ_date, transit, self.rules.mail)
            self._deadlines[key] = (posted, write_by(posted, self.rules.writing_lead_days))
        return self._deadlines[key]

    def arrival(self, transit: int) -> date:
        """When a card posted at the first chance from today would arrive."""
        if transit not in self._arrival:
            self._arrival[transit] = earliest_arrival(self.today, transit, self.rules.mail)
        return self._arrival[transit]

    def posted_arrival(self, posted: date, transit: int) -> date:
        """When a card posted on `posted` should arrive."""
        return earliest_arrival(posted, transit, self.rules.mail)


class Window(NamedTuple):
    """The plan's range, today, and the day before which anything still open is overdue."""

    start: date
    end: date
    today: date
    overdue_before: date

    def placement(self, day: date) -> bool | None:
        """False inside the range, True when overdue, None when not shown."""
        if self.start <= day <= self.end:
            return False
        if day < self.overdue_before:
            return True
        return None


class Shape(NamedTuple):
    """What an occasion on a day asks of anyone with the same post and card: the same for every such friend."""

    steps: tuple[tuple[str, date, bool], ...]  # (kind, day, overdue) of each item shown, the day itself first
    late: bool = False
    arrival: date | None = None
    written: date | None = None
    posted: date | None = None
    transit: int | None = None
    status: str | None = None


def shape_of(occ_date: date, transit: int | None, card: Card | None, window: Window, timing: Timing) -> Shape:
    """Which of the day, the write step and the post step to show, with the card's deadlines and arrival."""
    today = window.today
    planned = transit is not None
    posted, written = timing.deadlines(occ_date, transit) if planned else (None, None)
    status = card.status if card is not None else PLANNED if planned else None
    shown = [(OCCASION, occ_date, False)] if window.placement(occ_date) is False else []
    for kind, day in steps_left(status, written, posted):
        placed = window.placement(day)
        if placed is False or (placed and occ_date >= today):
            shown.append((kind, day, placed))
    if not shown:
        return Shape(NO_STEPS)
    late = status in OPEN and posted < today <= occ_date
    arrival = timing.arrival(transit) if late else late_arrival(card, posted, transit, timing)
    return Shape(tuple(shown), late, arrival, written, posted, transit, status)


def steps_left(status: str | None, written: date | None, posted: date | None) -> list[tuple[str, date]]:
    """The write and post steps a card still asks for: none once it is done, only posting once written."""
    if status == PLANNED:
        return [(WRITE, written), (POST, posted)]
    if status == WRITTEN:
        return [(POST, posted)]
    return []


def late_arrival(card: Card | None, posted: date | None, transit: int | None, timing: Timing) -> date | None:
    """A card that went into the post after its post-by: when it should arrive."""
    if card is None or card.status != POSTED or posted is None or card.posted_on <= posted:
        return None
    return timing.posted_arrival(card.posted_on, transit)
