"""Opening the database safely: refusing foreign files, private permissions, migrations with a copy first."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ritual.errors import StoreError
from ritual.paths import make_private_dir
from ritual.store.schema import APPLICATION_ID, MIGRATIONS
from ritual.clock import Clock

SCHEMA_VERSION = len(MIGRATIONS)


class Database:
    """One open ritual database; every write goes through `transaction()`."""

    def __init__(self, connection: sqlite3.Connection, path: Path, clock: Clock | None = None) -> None:
        self.connection = connection
        self.path = path
        # Repositories stamp what they store with this clock's instant, so time comes in from outside.
        self.clock = clock or Clock()
        self._savepoints = 0

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT, rolled back on any error (Ctrl-C included).

        Nested calls become savepoints, so a whole import can wrap many repository writes in one transaction.
        """
        if self.connection.in_transaction:
            yield from self._savepoint()
            return
        self.connection.execute("BEGIN IMMEDIATE")
        try:
            yield self.connection
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise
        self.connection.execute("COMMIT")

    def _savepoint(self) -> Iterator[sqlite3.Connection]:
        self._savepoints += 1
        name = f"nested_{self._savepoints}"
        self.connection.execute(f"SAVEPOINT {name}")
        try:
            yield self.connection
        except BaseException:
            self.connection.execute(f"ROLLBACK TO {name}")
            self.connection.execute(f"RELEASE {name}")
            raise
        finally:
            self._savepoints -= 1
        self.connection.execute(f"RELEASE {name}")

    def query(self, sql: str, params: tuple | dict = ()) -> list[sqlite3.Row]:
        """Run a read-only query and return all rows."""
        return self.connection.execute(sql, params).fetchall()

    def query_tuples(self, sql: str, params: tuple | dict = ()) -> list[tuple]:
        """Run a read-only query and return plain tuples (faster than named rows for thousands of them)."""
        cursor = self.connection.cursor()
        cursor.row_factory = None
        return cursor.execute(sql, params).fetchall()

    def close(self) -> None:
        """Close the connection."""
        self.connection.close()


def open_database(path: Path, backups_dir: Path | None = None, clock: Clock | None = None) -> Database:
    """Open (creating if absent) a ritual database at `path`, migrating it to the current schema."""
    make_private_dir(path.parent)
    if not path.exists():
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    # Only SQLite itself reads the file: closing any other handle on it would drop this process's
    # POSIX locks, and another process could then delete the WAL under a connection still open here.
    connection = sqlite3.connect(path, isolation_level=None, timeout=10.0)
    try:
        connection.row_factory = sqlite3.Row
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("PRAGMA busy_timeout = 10000")
        version = _identify(connection, path)
        if version < SCHEMA_VERSION:
            if version > 0:
                _copy_before_migration(connection, path, version, backups_dir or path.parent / "backups", clock or Clock())
            _migrate(connection, version)
        connection.execute("PRAGMA journal_mode = WAL")
    except BaseException as exc:
        connection.close()
        if isinstance(exc, sqlite3.DatabaseError):
            raise _refusal(path, exc) from None
        raise
    return Database(connection, path, clock)


def _refusal(path: Path, exc: sqlite3.DatabaseError) -> StoreError:
    if "file is not a database" in str(exc):
        return StoreError(f"{path}: is not a SQLite database; ritual will not overwrite it")
    return StoreError(f"{path}: not a usable ritual database ({exc}); it was left untouched")


def _identify(connection: sqlite3.Connection, path: Path) -> int:
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    app_id = connection.execute("PRAGMA application_id").fetchone()[0]
    tables = connection.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
    if app_id != APPLICATION_ID and (app_id != 0 or tables or version):
        raise StoreError(f"{path}: is a SQLite database of another program; ritual will not touch it")
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{path}: was written by a newer ritual (schema {version}, this one knows {SCHEMA_VERSION}); "
            "upgrade ritual to open it"
        )
    return version


def _copy_before_migration(connection: sqlite3.Connection, path: Path, version: int, backups_dir: Path,
                           clock: Clock) -> None:
    make_private_dir(backups_dir)
    stamp = clock.stamp().replace("-", "").replace(":", "").replace("+0000", "Z")
    target = backups_dir / f"{path.stem}-schema{version}-{stamp}.db"
    os.close(os.open(target, os.O_CREAT | os.O_WRONLY, 0o600))
    copy = sqlite3.connect(target)
    try:
        connection.backup(copy)
    finally:
        copy.close()


def _migrate(connection: sqlite3.Connection, version: int) -> None:
    connection.execute("BEGIN IMMEDIATE")
    try:
        for number in range(version, SCHEMA_VERSION):
            for statement in _statements(MIGRATIONS[number]):
                connection.execute(statement)
        connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def _statements(script: str) -> list[str]:
    # executescript() would commit our transaction; split on complete statements instead.
    statements, buffer = [], ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    return [s for s in statements if s]
