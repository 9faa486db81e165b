"""The record of delivered reminders: claim a key, deliver, then mark it, once and only once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from ritual.store.database import Database

# A failed delivery may be tried again after this long. A claim still open after it belongs to a process that
# died while a notifier ran: the reminder may have gone out, so it becomes 'uncertain' and is never re-sent.
CLAIM_LEASE = timedelta(minutes=5)
INTERRUPTED = "the delivery was interrupted; it may or may not have reached you"

_CLAIM = """
INSERT INTO reminder_deliveries (key, kind, friend_id, due_at, state, claimed_by, claimed_at, late)
VALUES (:key, :kind, :friend_id, :due_at, 'claimed', :owner, :now, :late)
ON CONFLICT (key) DO UPDATE SET
    state = 'claimed', claimed_by = :owner, claimed_at = :now, attempts = attempts + 1, late = :late
WHERE state = 'failed' AND claimed_at <= :stale
"""


@dataclass(frozen=True, slots=True)
class Delivery:
    """One delivered reminder, as the record keeps it."""

    key: str
    kind: str
    friend_id: int | None
    due_at: datetime
    delivered_at: datetime
    notifier: str
    late: bool


@dataclass(frozen=True, slots=True)
class Uncertain:
    """A reminder whose delivery was interrupted: it may have reached the user or not."""

    key: str
    kind: str
    due_at: datetime
    tried_at: datetime


class DeliveryLog:
    """Claims and records reminder deliveries in one database; safe across processes."""

    def __init__(self, db: Database, owner: str) -> None:
        self.db = db
        self.owner = owner

    def claim(self, key: str, kind: str, friend_id: int | None, due: datetime, now: datetime, late: bool) -> bool:
        """Take the right to deliver `key`; False when it was delivered or another process holds it."""
        params = {
            "key": key, "kind": kind, "friend_id": friend_id, "due_at": _iso(due), "owner": self.owner,
            "now": _iso(now), "stale": _iso(now - CLAIM_LEASE), "late": int(late),
        }
        with self.db.transaction() as conn:
            return conn.execute(_CLAIM, params).rowcount == 1

    def mark_delivered(self, key: str, notifier: str, now: datetime) -> None:
        """Record that a notifier succeeded for a key this process claimed."""
        with self.db.transaction() as conn:
            conn.execute(
                "UPDATE reminder_deliveries SET state = 'delivered', delivered_at = ?, notifier = ?, last_error = NULL "
                "WHERE key = ? AND claimed_by = ?",
                (_iso(now), notifier, key, self.owner),
            )

    def mark_failed(self, key: str, reason: str) -> None:
        """Keep the failure's reason; the claim lapses after the lease, so a later round tries again."""
        with self.db.transaction() as conn:
            conn.execute(
                "UPDATE reminder_deliveries SET state = 'failed', last_error = ? WHERE key = ? AND claimed_by = ?",
                (reason[:500], key, self.owner),
            )

    def settle_interrupted(self, now: datetime) -> int:
        """Mark claims whose process died mid-delivery as uncertain; how many were."""
        with self.db.transaction() as conn:
            return conn.execute(
                "UPDATE reminder_deliveries SET state = 'uncertain', last_error = ? "
                "WHERE state = 'claimed' AND claimed_at <= ?",
                (INTERRUPTED, _iso(now - CLAIM_LEASE)),
            ).rowcount

    def uncertain(self, unreported_only: bool = False) -> list[Uncertain]:
        """Reminders that may or may not have reached the user, oldest first."""
        extra = " AND reported_at IS NULL" if unreported_only else ""
        rows = self.db.query(
            f"SELECT key, kind, due_at, claimed_at FROM reminder_deliveries WHERE state = 'uncertain'{extra} "
            "ORDER BY due_at"
        )
        return [Uncertain(r["key"], r["kind"], _from_iso(r["due_at"]), _from_iso(r["claimed_at"])) for r in rows]

    def mark_reported(self, keys: list[str], now: datetime) -> None:
        """Record that these uncertain reminders were told about in a digest."""
        with self.db.transaction() as conn:
            conn.executemany(
                "UPDATE reminder_deliveries SET reported_at = ? WHERE key = ? AND state = 'uncertain'",
                [(_iso(now), key) for key in keys],
            )

    def delivered_keys(self, keys: list[str]) -> set[str]:
        """Which of `keys` have been delivered, or may have been (uncertain): neither is sent again."""
        found: set[str] = set()
        for start in range(0, len(keys), 500):
            chunk = keys[start:start + 500]
            marks = ", ".join("?" * len(chunk))
            rows = self.db.query(
                f"SELECT key FROM reminder_deliveries WHERE state IN ('delivered', 'uncertain') AND key IN ({marks})",
                tuple(chunk),
            )
            found.update(row["key"] for row in rows)
        return found

    def keep_in_touch_times(self, friend_id: int) -> list[datetime]:
        """When this friend was suggested for a letter, oldest first."""
        rows = self.db.query(
            "SELECT delivered_at FROM reminder_deliveries "
            "WHERE friend_id = ? AND kind = 'keep_in_touch' AND state = 'delivered' ORDER BY delivered_at",
            (friend_id,),
        )
        return [_from_iso(row["delivered_at"]) for row in rows]

    def recent(self, limit: int = 10) -> list[Delivery]:
        """The latest deliveries, newest first."""
        rows = self.db.query(
            "SELECT * FROM reminder_deliveries WHERE state = 'delivered' ORDER BY delivered_at DESC LIMIT ?", (limit,)
        )
        return [
            Delivery(r["key"], r["kind"], r["friend_id"], _from_iso(r["due_at"]), _from_iso(r["delivered_at"]),
                     r["notifier"] or "", bool(r["late"]))
            for r in rows
        ]


def _iso(moment: datetime) -> str:
    # UTC with a fixed width, so text order is time order in SQL comparisons.
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _from_iso(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=timezone.utc)
