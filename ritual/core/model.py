"""The people and dates ritual keeps: friends, their addresses and their occasions."""

from datetime import date
from typing import NamedTuple

from ritual.core import ranges
from ritual.core.dates import PartialDate, check_policy
from ritual.core.records import Checked
from ritual.errors import InvalidValue

BIRTHDAY = "birthday"
ANNIVERSARY = "anniversary"
RELATIONSHIPS = ("friend", "family", "partner", "mentor", "colleague", "pen pal", "neighbour")


class Address(NamedTuple):
    """A postal address; `country` is an ISO 3166 alpha-2 code ("" when unknown)."""

    lines: tuple[str, ...] = ()
    city: str = ""
    region: str = ""
    postal_code: str = ""
    country: str = ""
    label: str = ""

    def one_line(self) -> str:
        """A compact single-line form for lists."""
        parts = [*self.lines, " ".join(p for p in (self.postal_code, self.city) if p), self.region, self.country]
        return ", ".join(p for p in parts if p)


class _OccasionFields(NamedTuple):
    """The fields of an Occasion."""

    name: str
    date: PartialDate
    yearly: bool = True
    card: bool = True
    id: int | None = None


class Occasion(Checked, _OccasionFields):
    """A date worth a card besides the birthday: yearly (anniversary) or once."""

    __slots__ = ()

    def _check(self) -> None:
        if not self.name.strip():
            raise InvalidValue("occasion name", self.name, "must not be empty")
        if not self.yearly and (self.date.year is None or self.date.day is None):
            raise InvalidValue("occasion date", self.date.iso(), "needs a year for a one-off occasion")
        ranges.check_year(self.date.year, "occasion date", self.date, ranges.FIRST_OCCASION_YEAR)


class _FriendFields(NamedTuple):
    """The fields of a Friend."""

    name: str
    id: int | None = None
    nickname: str = ""
    birthday: PartialDate | None = None
    feb29: str | None = None
    birthday_card: bool = True
    addresses: tuple[Address, ...] = ()
    tags: tuple[str, ...] = ()
    relationship: str = ""
    how_met: str = ""
    notes: str = ""
    cadence_days: int | None = None
    last_sent: date | None = None
    last_received: date | None = None
    occasions: tuple[Occasion, ...] = ()


class Friend(Checked, _FriendFields):
    """Someone the user writes to, with everything ritual plans from."""

    # A checked named tuple rather than a frozen dataclass: the week makes thousands, and the class costs every
    # start less (no generated methods, and no `dataclasses`, which loads `inspect`).
    __slots__ = ()

    def _check(self) -> None:
        if not self.name.strip():
            raise InvalidValue("name", self.name, "must not be empty")
        if self.feb29 is not None:
            check_policy(self.feb29)
        if self.cadence_days is not None:
            ranges.CADENCE_DAYS.check(self.cadence_days, "keep-in-touch")
        if self.birthday is not None:
            ranges.check_year(self.birthday.year, "birthday", self.birthday)
        ranges.check_day(self.last_sent, "last sent")
        ranges.check_day(self.last_received, "last received")

    @property
    def last_letter(self) -> date | None:
        """The most recent letter either way."""
        known = [d for d in (self.last_sent, self.last_received) if d is not None]
        return max(known) if known else None

    @property
    def country(self) -> str:
        """The country of the first address, where cards go by default."""
        return self.addresses[0].country if self.addresses else ""
