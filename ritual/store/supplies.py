"""Supplies on hand in the database: stamps of each kind and cards."""

from __future__ import annotations


from ritual.core import ranges
from ritual.core.fields import check_text
from ritual.core.supplies import stamp_kind, supply_kind, tidy_kind
from ritual.errors import InvalidValue, NotFound
from ritual.store.database import Database


class SupplyRepository:
    """Counts by kind; a kind never set is not tracked, and the plan says nothing about it."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def all(self) -> dict[str, int]:
        """Every tracked kind and how many are on hand."""
        return {row[0]: row[1] for row in self.db.query("SELECT kind, count FROM supplies ORDER BY kind")}

    def set(self, kind: str, count: int) -> int:
        """Say how many of `kind` are on hand."""
        ranges.COUNT.check(count, "count")
        check_text("supply kind", kind)
        with self.db.transaction() as conn:
            conn.execute(
                "INSERT INTO supplies (kind, count, updated_at) VALUES (?, ?, ?) "
                "ON CONFLICT (kind) DO UPDATE SET count = excluded.count, updated_at = excluded.updated_at",
                (supply_kind(kind), count, self.db.clock.stamp()),
            )
        return count

    def add(self, kind: str, delta: int) -> int:
        """Add (or, with a negative number, take away) some of `kind`; returns the new count."""
        key = supply_kind(check_text("supply kind", kind))
        with self.db.transaction():
            current = self.all().get(key, 0)
            if current + delta < 0:
                raise InvalidValue("count", delta, f"would leave fewer than none ({current} {key} on hand)")
            ranges.COUNT.check(current + delta, "count")
            return self.set(key, current + delta)

    def remove(self, kind: str) -> str:
        """Stop counting `kind` (a known kind, or one kept from before kinds were checked); the kind removed."""
        typed = tidy_kind(kind)
        counted = self.all()
        key = typed if typed in counted else supply_kind(kind)
        if key not in counted:
            listing = ", ".join(counted) or "nothing yet"
            raise NotFound(f"no supplies of kind {typed!r} are counted (counted: {listing})")
        with self.db.transaction() as conn:
            conn.execute("DELETE FROM supplies WHERE kind = ?", (key,))
        return key

    def use_stamp_for(self, friend_country: str, home_country: str) -> str | None:
        """Take one stamp of the kind a letter to `friend_country` needs; the kind, or None when none is counted."""
        kind = stamp_kind(friend_country, home_country)
        with self.db.transaction() as conn:
            used = conn.execute(
                "UPDATE supplies SET count = count - 1, updated_at = ? WHERE kind = ? AND count > 0",
                (self.db.clock.stamp(), kind),
            ).rowcount
        return kind if used else None
