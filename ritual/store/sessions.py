"""One-off writing sessions, skipped days and each friend's own minutes per letter, in the database."""

from __future__ import annotations

import sqlite3
from datetime import date, time

from ritual.core.sessions import Session, Skip
from ritual.errors import NotFound
from ritual.store.database import Database
from ritual.store.rows import from_iso

EXTRA = "extra"
SKIP = "skip"


class SessionDays:
    """Reads and writes the extra sessions and skipped days beside the weekly sessions in settings."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def add_extra(self, day: date, start: time, minutes: int) -> Session:
        """Keep a one-off session."""
        with self.db.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO writing_session_days (day, kind, start, minutes) VALUES (?, ?, ?, ?)",
                (day.isoformat(), EXTRA, f"{start:%H:%M}", minutes),
            )
        return Session(day, start, minutes, cursor.lastrowid)

    def add_skip(self, day: date, start: time | None = None) -> Skip:
        """Skip the weekly sessions on `day` (only the one at `start` when given)."""
        with self.db.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO writing_session_days (day, kind, start) VALUES (?, ?, ?)",
                (day.isoformat(), SKIP, f"{start:%H:%M}" if start else None),
            )
        return Skip(day, start, cursor.lastrowid)

    def remove(self, entry_id: int) -> None:
        """Remove an extra session or a skip by its id."""
        with self.db.transaction() as conn:
            if conn.execute("DELETE FROM writing_session_days WHERE id = ?", (entry_id,)).rowcount == 0:
                raise NotFound(f"no extra session or skipped day with id {entry_id}")

    def extras(self, start: date | None = None, end: date | None = None) -> list[Session]:
        """One-off sessions, optionally only those on days in [start, end]."""
        return [_session(row) for row in self._rows(EXTRA, start, end)]

    def skips(self, start: date | None = None, end: date | None = None) -> list[Skip]:
        """Skipped days, optionally only those in [start, end]."""
        return [Skip(from_iso(row["day"]), _time(row["start"]), row["id"]) for row in self._rows(SKIP, start, end)]

    def any(self) -> bool:
        """True when any extra session is kept (a cheap check before planning sessions at all)."""
        return bool(self.db.query("SELECT 1 FROM writing_session_days WHERE kind = ? LIMIT 1", (EXTRA,)))

    def _rows(self, kind: str, start: date | None, end: date | None) -> list[sqlite3.Row]:
        low = start.isoformat() if start else "0000-01-01"
        high = end.isoformat() if end else "9999-12-31"
        return self.db.query(
            "SELECT * FROM writing_session_days WHERE kind = ? AND day BETWEEN ? AND ? ORDER BY day, start, id",
            (kind, low, high),
        )


class WritingMinutes:
    """A friend's own minutes per letter (a long letter to a grandmother, a short card to a colleague)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def set(self, friend_id: int, minutes: int | None) -> None:
        """Keep the friend's own minutes, or go back to the default with None."""
        with self.db.transaction() as conn:
            if minutes is None:
                conn.execute("DELETE FROM writing_minutes WHERE friend_id = ?", (friend_id,))
            else:
                conn.execute(
                    "INSERT INTO writing_minutes (friend_id, minutes) VALUES (?, ?) "
                    "ON CONFLICT (friend_id) DO UPDATE SET minutes = excluded.minutes",
                    (friend_id, minutes),
                )

    def all(self) -> dict[int, int]:
        """Every friend's own minutes, by friend id."""
        return {row[0]: row[1] for row in self.db.query("SELECT friend_id, minutes FROM writing_minutes")}


def _session(row: sqlite3.Row) -> Session:
    return Session(from_iso(row["day"]), _time(row["start"]), row["minutes"], row["id"])


def _time(text: str | None) -> time | None:
    return time.fromisoformat(text) if text else None
