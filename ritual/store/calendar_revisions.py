"""The stored revision of every exported calendar event, and when each friend last changed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timezone

from ritual.store.database import Database


@dataclass(frozen=True, slots=True)
class Revision:
    """What an event's content was last time (its digest), its SEQUENCE and its LAST-MODIFIED."""

    uid: str
    digest: str
    sequence: int
    modified: datetime


class CalendarRevisions:
    """Reads and writes the calendar_revisions table."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def all(self) -> dict[str, Revision]:
        """Every event's revision, by UID."""
        rows = self.db.query("SELECT uid, digest, sequence, modified FROM calendar_revisions")
        return {row["uid"]: Revision(row["uid"], row["digest"], row["sequence"], _moment(row["modified"]))
                for row in rows}

    def save(self, revisions: Iterable[Revision]) -> None:
        """Record new and changed revisions in one transaction."""
        with self.db.transaction() as conn:
            conn.executemany(
                "INSERT INTO calendar_revisions (uid, digest, sequence, modified) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (uid) DO UPDATE SET digest = excluded.digest, modified = excluded.modified, "
                # Never lower: two exports racing must not hand out a smaller number than one already written.
                "sequence = max(calendar_revisions.sequence, excluded.sequence)",
                [(r.uid, r.digest, r.sequence, r.modified.isoformat(timespec="seconds")) for r in revisions],
            )

    def friends_changed_at(self) -> dict[int, datetime]:
        """When each friend (with their occasions) was last written."""
        return {row["id"]: _moment(row["updated_at"]) for row in self.db.query("SELECT id, updated_at FROM friends")}


def _moment(text: str) -> datetime:
    value = datetime.fromisoformat(text)
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
