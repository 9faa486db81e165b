"""Small facts about this home in the `meta` table: its first use, and settings files a restore still owes."""

from __future__ import annotations

import sqlite3

from ritual.store.database import Database

_PENDING = "restore_pending_settings"


class Meta:
    """Read and write single values of the `meta` table."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, key: str) -> str | None:
        """The value kept under `key`, or None."""
        rows = self.db.query("SELECT value FROM meta WHERE key = ?", (key,))
        return rows[0]["value"] if rows else None

    def keep_first(self, key: str, value: str) -> str:
        """Keep `value` under `key` unless one is there already; returns the value that stays."""
        with self.db.transaction() as conn:
            conn.execute("INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)", (key, value))
        return self.get(key) or value

    def put(self, key: str, value: str) -> None:
        """Keep `value` under `key`, replacing what was there."""
        with self.db.transaction() as conn:
            conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))



def keep_pending_settings(conn: sqlite3.Connection, files: dict[str, str]) -> None:
    """Inside the restore's transaction: the settings files (path to text) to write once it has committed."""
    import json  # a restore is rare; every command opening the store only asks whether one is pending

    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (_PENDING, json.dumps(files)))


def pending_settings(db: Database) -> dict[str, str]:
    """Settings files a committed restore has not finished writing (empty when none)."""
    rows = db.query("SELECT value FROM meta WHERE key = ?", (_PENDING,))
    if not rows:
        return {}
    import json

    return json.loads(rows[0][0])


def clear_pending_settings(db: Database) -> None:
    """Forget the pending settings once every file is written."""
    with db.transaction() as conn:
        conn.execute("DELETE FROM meta WHERE key = ?", (_PENDING,))
