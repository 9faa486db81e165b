"""Friends and letters as tables: a header and one row of text cells per record, nothing lost.

The friends table uses the column names ritual's own CSV import reads (`name`, `birthday`, `tags`,
`Address N - Street`, `Event N - Value`, ...), so an export imports back into an empty home.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ritual.core.letters import Letter
from ritual.core.model import Address, Friend, Occasion

_FRIEND_COLUMNS = ("id", "name", "nickname", "birthday", "feb29", "birthday_card", "relationship", "how_met",
                   "tags", "keep_in_touch_days", "last_sent", "last_received", "notes")
_ADDRESS_FIELDS = ("Label", "Street", "City", "Region", "Postal Code", "Country")
_EVENT_FIELDS = ("Label", "Value", "Yearly", "Card")
LETTER_COLUMNS = ("id", "friend_id", "friend", "direction", "status", "written", "posted", "arrived", "received",
                  "occasion", "medium", "tone", "note", "scan")


@dataclass(frozen=True, slots=True)
class Table:
    """A header and rows of the same width, every cell text."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def friends_table(friends: Sequence[Friend]) -> Table:
    """One row per friend; as many address and occasion columns as the friend with the most needs."""
    addresses = max((len(f.addresses) for f in friends), default=0) or 1
    events = max((len(f.occasions) for f in friends), default=0)
    header = (*_FRIEND_COLUMNS, *_numbered("Address", addresses, _ADDRESS_FIELDS),
              *_numbered("Event", events, _EVENT_FIELDS))
    rows = tuple(_friend_row(f, addresses, events) for f in friends)
    return Table(header, rows)


def letters_table(letters: Sequence[Letter]) -> Table:
    """One row per letter, sent or received, with every date it has."""
    return Table(LETTER_COLUMNS, tuple(_letter_row(letter) for letter in letters))


def _numbered(prefix: str, count: int, fields: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(f"{prefix} {n} - {field}" for n in range(1, count + 1) for field in fields)


def _friend_row(friend: Friend, addresses: int, events: int) -> tuple[str, ...]:
    cells = [
        _text(friend.id), friend.name, friend.nickname, friend.birthday.iso() if friend.birthday else "",
        friend.feb29 or "", _yes(friend.birthday_card), friend.relationship, friend.how_met,
        ", ".join(friend.tags), _text(friend.cadence_days), _day(friend.last_sent), _day(friend.last_received),
        friend.notes,
    ]
    for index in range(addresses):
        cells += _address_cells(friend.addresses[index]) if index < len(friend.addresses) else [""] * 6
    for index in range(events):
        cells += _event_cells(friend.occasions[index]) if index < len(friend.occasions) else [""] * 4
    return tuple(cells)


def _address_cells(address: Address) -> list[str]:
    return [address.label, "\n".join(address.lines), address.city, address.region, address.postal_code,
            address.country]


def _event_cells(occasion: Occasion) -> list[str]:
    return [occasion.name, occasion.date.iso(), _yes(occasion.yearly), _yes(occasion.card)]


def _letter_row(letter: Letter) -> tuple[str, ...]:
    return (
        _text(letter.id), _text(letter.friend_id), letter.friend, letter.direction, letter.status,
        _day(letter.day) if letter.sent else "", _day(letter.posted), _day(letter.arrived),
        "" if letter.sent else _day(letter.day), letter.occasion, letter.medium, letter.tone, letter.note, letter.scan,
    )


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _day(value: date | None) -> str:
    return value.isoformat() if value else ""


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"
