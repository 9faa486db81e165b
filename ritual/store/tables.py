"""Every table read and written generically, for backups: names, columns, ordered rows and bulk inserts."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from ritual.store.database import Database


def quoted_name(name: str) -> str:
    """A table or column name quoted for SQL."""
    return '"' + name.replace('"', '""') + '"'


# Bookkeeping, not the user's data: the change counter is rebuilt by its triggers, never backed up.
BOOKKEEPING = {"change_count"}


def table_names(db: Database) -> list[str]:
    """Every table of the user's data, in name order (SQLite's own tables and bookkeeping left out)."""
    rows = db.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")
    return sorted(row[0] for row in rows if row[0] not in BOOKKEEPING)


def table_columns(db: Database | sqlite3.Connection, table: str) -> list[str]:
    """The columns of `table`, in schema order."""
    run = db.query if isinstance(db, Database) else (lambda sql: db.execute(sql).fetchall())
    return [row[1] for row in run(f"PRAGMA table_info({quoted_name(table)})")]


def ordered_rows(db: Database, table: str, width: int) -> list[tuple]:
    """Every row of `table`, sorted by all its columns: a fixed order whatever order they were written in."""
    order = ", ".join(str(i) for i in range(1, width + 1))
    return [tuple(row) for row in db.query(f"SELECT * FROM {quoted_name(table)} ORDER BY {order}")]


def schema_version(db: Database) -> int:
    """How many migrations have run on this database."""
    return db.query("PRAGMA user_version")[0][0]


def has_rows(db: Database, table: str) -> bool:
    """True when `table` holds at least one row."""
    return bool(db.query(f"SELECT 1 FROM {quoted_name(table)} LIMIT 1"))


def defer_links(conn: sqlite3.Connection) -> None:
    """Check foreign keys once at commit, so related tables can arrive in any order."""
    conn.execute("PRAGMA defer_foreign_keys = ON")


def insert_rows(conn: sqlite3.Connection, table: str, columns: list[str], rows: Iterable[Iterable]) -> None:
    """Insert rows given as values in `columns` order."""
    names = ", ".join(quoted_name(c) for c in columns)
    marks = ", ".join("?" * len(columns))
    conn.executemany(f"INSERT INTO {quoted_name(table)} ({names}) VALUES ({marks})", rows)
