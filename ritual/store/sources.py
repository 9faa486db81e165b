"""Where imported friends came from: the file's own id and the values last imported, per source."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from ritual.clock import Clock


@dataclass(frozen=True, slots=True)
class SourceRecord:
    """One friend's link to an import source (vcard, csv) and what that source said last time."""

    friend_id: int
    source: str
    external_id: str | None
    imported: dict


class OpenTransaction:
    """A Database look-alike bound to a transaction already open, so repositories join it.

    Lets a whole import run through FriendRepository yet commit (or roll back) as one transaction.
    """

    def __init__(self, connection: sqlite3.Connection, clock: Clock | None = None) -> None:
        self.connection = connection
        self.clock = clock or Clock()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """The already-open transaction; committing is the owner's job."""
        yield self.connection

    def query(self, sql: str, params: tuple | dict = ()) -> list[sqlite3.Row]:
        """Run a query inside the open transaction."""
        return self.connection.execute(sql, params).fetchall()


class SourceStore:
    """Reads and writes friend_sources rows on an open connection."""

    def __init__(self, connection: sqlite3.Connection, clock: Clock | None = None) -> None:
        self.connection = connection
        self.clock = clock or Clock()

    def all(self) -> list[SourceRecord]:
        """Every source record."""
        rows = self.connection.execute("SELECT friend_id, source, external_id, imported FROM friend_sources")
        return [SourceRecord(r[0], r[1], r[2], json.loads(r[3])) for r in rows]

    def external_ids(self) -> dict[int, str]:
        """Friend id to the id their record had in its source file (vCard UIDs first)."""
        rows = self.connection.execute(
            "SELECT friend_id, external_id FROM friend_sources WHERE external_id IS NOT NULL "
            "ORDER BY source = 'vcard' DESC"
        )
        found: dict[int, str] = {}
        for friend_id, external_id in rows:
            found.setdefault(friend_id, external_id)
        return found

    def save(self, record: SourceRecord) -> None:
        """Insert or replace the record for this friend and source."""
        self.save_many([record])

    def save_many(self, records: list[SourceRecord]) -> None:
        """Insert or replace many records in one statement; a later record for the same friend and source wins."""
        now = self.clock.stamp()
        self.connection.executemany(
            "INSERT OR REPLACE INTO friend_sources (friend_id, source, external_id, imported, imported_at) "
            "VALUES (?, ?, ?, ?, ?)",
            [(r.friend_id, r.source, r.external_id, json.dumps(r.imported, ensure_ascii=False, sort_keys=True), now)
             for r in records],
        )
