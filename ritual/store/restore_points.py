"""Rows as they stood before a change, put back exactly on undo: any table, any key, rows added since removed."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from ritual.store.database import Database
from ritual.store.tables import defer_links, quoted_name

ROWID = "rowid"


@dataclass(frozen=True, slots=True)
class Scope:
    """The rows of one table a change may touch: `WHERE` text and its parameters."""

    table: str
    where: str
    params: tuple = ()


@dataclass(frozen=True, slots=True)
class RestorePoint:
    """Each scope's rows, with their keys, as they were when captured."""

    scopes: tuple[Scope, ...]
    rows: tuple[tuple[tuple[str, ...], tuple[str, ...], tuple[tuple, ...]], ...]  # (key, columns, rows) per scope


def key_columns(conn: sqlite3.Connection, table: str) -> tuple[str, ...]:
    """The primary key's columns in key order, or the rowid for a table without one."""
    info = conn.execute(f"PRAGMA table_info({quoted_name(table)})").fetchall()
    keyed = sorted((row[5], row[1]) for row in info if row[5])
    return tuple(name for _, name in keyed) or (ROWID,)


def _columns(conn: sqlite3.Connection, table: str) -> tuple[str, ...]:
    return tuple(row[1] for row in conn.execute(f"PRAGMA table_info({quoted_name(table)})"))


def _select(conn: sqlite3.Connection, scope: Scope, names: tuple[str, ...]) -> list[tuple]:
    listed = ", ".join(quoted_name(n) if n != ROWID else ROWID for n in names)
    return [tuple(r) for r in conn.execute(f"SELECT {listed} FROM {quoted_name(scope.table)} WHERE {scope.where}",
                                           scope.params)]


def capture(db: Database, scopes: list[Scope]) -> RestorePoint:
    """The rows of every scope now, to put back later."""
    conn = db.connection
    kept = []
    for scope in scopes:
        key, columns = key_columns(conn, scope.table), _columns(conn, scope.table)
        extra = (ROWID,) if key == (ROWID,) else ()
        kept.append((key, columns, tuple(_select(conn, scope, extra + columns))))
    return RestorePoint(tuple(scopes), tuple(kept))


def restore(db: Database, point: RestorePoint) -> None:
    """Every scope back as captured, in one transaction: rows added since go, changed rows and removed rows return."""
    with db.transaction() as conn:
        defer_links(conn)
        for scope, (key, columns, rows) in reversed(list(zip(point.scopes, point.rows))):
            _remove_added(conn, scope, key, columns, rows)
        for scope, (key, columns, rows) in zip(point.scopes, point.rows):
            _put_back(conn, scope.table, key, columns, rows)


def _key_of(row: tuple, key: tuple[str, ...], columns: tuple[str, ...]) -> tuple:
    names = ((ROWID,) + columns) if key == (ROWID,) else columns
    return tuple(row[names.index(k)] for k in key)


def _key_test(key: tuple[str, ...]) -> str:
    return " AND ".join(f"{quoted_name(k) if k != ROWID else ROWID} IS ?" for k in key)


def _remove_added(conn, scope: Scope, key, columns, rows) -> None:
    kept = {_key_of(r, key, columns) for r in rows}
    for found in _select(conn, scope, key):
        if tuple(found) not in kept:
            conn.execute(f"DELETE FROM {quoted_name(scope.table)} WHERE {_key_test(key)}", found)


def _put_back(conn, table: str, key, columns, rows) -> None:
    names = ((ROWID,) + columns) if key == (ROWID,) else columns
    listed = ", ".join(quoted_name(n) if n != ROWID else ROWID for n in names)
    settings = ", ".join(f"{quoted_name(c)} = ?" for c in columns)
    for row in rows:
        values = row[1:] if key == (ROWID,) else row
        where = _key_of(row, key, columns)
        updated = conn.execute(f"UPDATE {quoted_name(table)} SET {settings} WHERE {_key_test(key)}", (*values, *where))
        if updated.rowcount == 0:
            conn.execute(f"INSERT INTO {quoted_name(table)} ({listed}) VALUES ({', '.join('?' * len(names))})", row)


def tables_with_column(db: Database, column: str) -> list[str]:
    """Every table of the user's data that has `column` (for a friend: all that hang on them)."""
    from ritual.store.tables import table_names

    return [t for t in table_names(db) if column in _columns(db.connection, t)]
