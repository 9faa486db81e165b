"""Small facts about this home kept as key/value pairs in the `meta` table."""

from __future__ import annotations

from ritual.store.database import Database


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
