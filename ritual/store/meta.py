"""The meta table's one job so far: settings files a restore still has to write, kept inside its transaction."""

from __future__ import annotations

import json
import sqlite3

from ritual.store.database import Database

_PENDING = "restore_pending_settings"


def keep_pending_settings(conn: sqlite3.Connection, files: dict[str, str]) -> None:
    """Inside the restore's transaction: the settings files (path to text) to write once it has committed."""
    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (_PENDING, json.dumps(files)))


def pending_settings(db: Database) -> dict[str, str]:
    """Settings files a committed restore has not finished writing (empty when none)."""
    rows = db.query("SELECT value FROM meta WHERE key = ?", (_PENDING,))
    return json.loads(rows[0][0]) if rows else {}


def clear_pending_settings(db: Database) -> None:
    """Forget the pending settings once every file is written."""
    with db.transaction() as conn:
        conn.execute("DELETE FROM meta WHERE key = ?", (_PENDING,))
