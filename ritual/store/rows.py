"""Conversion between SQLite rows and core objects, in both directions."""

from __future__ import annotations

import sqlite3
from datetime import date

from ritual.core.dates import PartialDate
from ritual.core.model import Address, Friend, Occasion


def to_iso(value: date | None) -> str | None:
    """A date as ISO text for storage."""
    return value.isoformat() if value else None


def from_iso(value: str | None) -> date | None:
    """ISO text from storage back to a date."""
    return date.fromisoformat(value) if value else None


def partial_date(month: int | None, day: int | None, year: int | None) -> PartialDate | None:
    """Stored (month, day, year) columns to a PartialDate, None when there is no month."""
    return PartialDate(month, day, year) if month else None


def friend_columns(friend: Friend) -> dict:
    """The friends-table columns for a Friend."""
    bday = friend.birthday
    return {
        "name": friend.name.strip(),
        "nickname": friend.nickname,
        "birth_month": bday.month if bday else None,
        "birth_day": bday.day if bday else None,
        "birth_year": bday.year if bday else None,
        "feb29": friend.feb29,
        "birthday_card": int(friend.birthday_card),
        "relationship": friend.relationship,
        "how_met": friend.how_met,
        "notes": friend.notes,
        "cadence_days": friend.cadence_days,
        "last_sent": to_iso(friend.last_sent),
        "last_received": to_iso(friend.last_received),
    }


def address_columns(address: Address) -> dict:
    """The addresses-table columns for an Address (lines joined by newlines)."""
    return {
        "label": address.label,
        "lines": "\n".join(address.lines),
        "city": address.city,
        "region": address.region,
        "postal_code": address.postal_code,
        "country": address.country,
    }


def address_from_row(row: sqlite3.Row) -> Address:
    """An Address from an addresses-table row."""
    lines = tuple(line for line in row["lines"].split("\n") if line)
    return Address(lines, row["city"], row["region"], row["postal_code"], row["country"], row["label"])


def occasion_from_row(row: sqlite3.Row) -> Occasion:
    """An Occasion from an occasions-table row."""
    # Fields in order (name, date, yearly, card, id): a plan reads thousands of rows.
    day = PartialDate.from_fields((row["month"], row["day"], row["year"]))
    return Occasion.from_fields((row["name"], day, bool(row["yearly"]), bool(row["card"]), row["id"]))


def friend_from_row(
    row: sqlite3.Row, addresses: tuple[Address, ...], tags: tuple[str, ...], occasions: tuple[Occasion, ...]
) -> Friend:
    """A Friend from a friends-table row plus its related rows."""
    return Friend(
        id=row["id"],
        name=row["name"],
        nickname=row["nickname"],
        birthday=partial_date(row["birth_month"], row["birth_day"], row["birth_year"]),
        feb29=row["feb29"],
        birthday_card=bool(row["birthday_card"]),
        addresses=addresses,
        tags=tags,
        relationship=row["relationship"],
        how_met=row["how_met"],
        notes=row["notes"],
        cadence_days=row["cadence_days"],
        last_sent=from_iso(row["last_sent"]),
        last_received=from_iso(row["last_received"]),
        occasions=occasions,
    )
