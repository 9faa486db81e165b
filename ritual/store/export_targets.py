"""The record of kept-current calendars: each target's last refresh, last change and last error."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timezone

from ritual.store.database import Database

# Everything an export is made of. Every row is read: counters such as max(updated_at) miss two edits within
# one second, and reading 10,000 friends' rows costs about 50 ms, once per check.
_SIGNED_TABLES = ("friends", "occasions", "addresses", "cards")


@dataclass(frozen=True, slots=True)
class TargetRecord:
    """What the store remembers about one target."""

    target: str
    fingerprint: str | None = None
    refreshed_at: datetime | None = None
    changed_at: datetime | None = None
    events: int | None = None
    last_error: str | None = None
    failed_at: datetime | None = None

    @property
    def failing(self) -> bool:
        """True when the latest attempt failed."""
        return self.failed_at is not None and (self.refreshed_at is None or self.failed_at > self.refreshed_at)


class ExportTargetLog:
    """Reads and writes the export_targets table."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def all(self) -> dict[str, TargetRecord]:
        """Every target ever refreshed, by its key."""
        return {row["target"]: _record(row) for row in self.db.query("SELECT * FROM export_targets")}

    def get(self, target: str) -> TargetRecord:
        """One target's record (empty when it was never refreshed)."""
        rows = self.db.query("SELECT * FROM export_targets WHERE target = ?", (target,))
        return _record(rows[0]) if rows else TargetRecord(target)

    def succeeded(self, target: str, fingerprint: str, now: datetime, changed: bool, events: int) -> None:
        """A refresh went through; the last error stays on record, older than this refresh."""
        params = {"target": target, "fingerprint": fingerprint, "now": _iso(now), "changed": int(changed),
                  "events": events}
        with self.db.transaction() as conn:
            conn.execute(
                "INSERT INTO export_targets (target, fingerprint, refreshed_at, changed_at, events) "
                "VALUES (:target, :fingerprint, :now, CASE WHEN :changed THEN :now END, :events) "
                "ON CONFLICT (target) DO UPDATE SET fingerprint = :fingerprint, refreshed_at = :now, events = :events, "
                "changed_at = CASE WHEN :changed THEN :now ELSE changed_at END",
                params,
            )

    def failed(self, target: str, error: str, now: datetime) -> None:
        """A refresh failed: forget the fingerprint, so the next check tries again."""
        with self.db.transaction() as conn:
            conn.execute(
                "INSERT INTO export_targets (target, last_error, failed_at) VALUES (?, ?, ?) "
                "ON CONFLICT (target) DO UPDATE SET fingerprint = NULL, last_error = excluded.last_error, "
                "failed_at = excluded.failed_at",
                (target, error[:500], _iso(now)),
            )


def data_signature(db: Database) -> str:
    """A digest of every row of friends, occasions and addresses: it changes whenever one of them does."""
    digest = hashlib.sha256()
    cursor = db.connection.cursor()
    cursor.row_factory = None  # plain tuples: their repr is the row's values
    for table in _SIGNED_TABLES:
        digest.update(table.encode())
        for row in cursor.execute(f"SELECT * FROM {table} ORDER BY id"):
            digest.update(repr(row).encode())
    return digest.hexdigest()


def _record(row) -> TargetRecord:
    return TargetRecord(row["target"], row["fingerprint"], _from_iso(row["refreshed_at"]),
                        _from_iso(row["changed_at"]), row["events"], row["last_error"], _from_iso(row["failed_at"]))


def _iso(moment: datetime) -> str:
    # UTC with a fixed width, so text order is time order.
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _from_iso(text: str | None) -> datetime | None:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=timezone.utc) if text else None
