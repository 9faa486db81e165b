"""Opening the database: permissions, refusing foreign files, migrations, transactions."""

from __future__ import annotations

import sqlite3
import stat

import pytest

from ritual.core.model import Friend
from ritual.errors import StoreError
from ritual.store import database as database_module
from ritual.store.database import SCHEMA_VERSION, open_database
from ritual.store.friends import FriendRepository
from ritual.store.schema import APPLICATION_ID


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_database_and_its_folder_are_private(tmp_path):
    path = tmp_path / "data" / "ritual.db"
    db = open_database(path)
    FriendRepository(db).add(Friend(name="Ana"))
    db.close()
    assert mode(path) == 0o600
    assert mode(path.parent) == 0o700
    for sidecar in path.parent.glob("ritual.db-*"):
        assert mode(sidecar) & 0o077 == 0, sidecar


def test_schema_pragmas_are_set(tmp_path):
    db = open_database(tmp_path / "r.db")
    conn = db.connection
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == 10000


def test_a_text_file_at_the_database_path_is_refused_and_kept(tmp_path):
    path = tmp_path / "ritual.db"
    path.write_text("my shopping list\n")
    with pytest.raises(StoreError, match="is not a SQLite database"):
        open_database(path)
    assert path.read_text() == "my shopping list\n"


def test_a_corrupt_database_is_refused_and_kept(tmp_path):
    path = tmp_path / "ritual.db"
    open_database(path).close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError, match="left untouched"):
        open_database(path)
    assert path.read_bytes() == bytes(data)


def test_another_programs_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="another program"):
        open_database(path)
    assert path.read_bytes() == before


def test_a_newer_schema_is_refused(tmp_path):
    path = tmp_path / "ritual.db"
    open_database(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer ritual"):
        open_database(path)


def test_a_migration_first_copies_the_database(tmp_path, monkeypatch):
    path = tmp_path / "ritual.db"
    db = open_database(path, tmp_path / "backups")
    FriendRepository(db).add(Friend(name="Ana"))
    db.close()
    extra = "CREATE TABLE later_feature (id INTEGER PRIMARY KEY);"
    monkeypatch.setattr(database_module, "MIGRATIONS", (*database_module.MIGRATIONS, extra))
    monkeypatch.setattr(database_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    db = open_database(path, tmp_path / "backups")
    assert db.query("PRAGMA user_version")[0][0] == SCHEMA_VERSION + 1
    db.close()
    copies = list((tmp_path / "backups").glob(f"ritual-schema{SCHEMA_VERSION}-*.db"))
    assert len(copies) == 1 and mode(copies[0]) == 0o600
    copy = sqlite3.connect(copies[0])
    assert copy.execute("SELECT name FROM friends").fetchall() == [("Ana",)]
    assert copy.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_a_failed_write_leaves_nothing_behind(tmp_path):
    db = open_database(tmp_path / "ritual.db")
    repo = FriendRepository(db)
    with pytest.raises(sqlite3.IntegrityError):
        # The second friend breaks a CHECK constraint: the first must not stay either.
        repo.add_many([Friend(name="Ana"), _blank()])
    assert repo.count() == 0


def _blank() -> Friend:
    # Made straight from its fields, bypassing validation, to reach the database's own check.
    return tuple.__new__(Friend, ("   ", *Friend(name="placeholder")[1:]))


def test_nested_transactions_commit_or_roll_back_as_one(tmp_path):
    db = open_database(tmp_path / "ritual.db")
    repo = FriendRepository(db)
    with pytest.raises(RuntimeError):
        with db.transaction():
            repo.add(Friend(name="Ana"))
            repo.add(Friend(name="Bo"))
            raise RuntimeError("interrupted")
    assert repo.count() == 0
    with db.transaction():
        repo.add(Friend(name="Ana"))
        with pytest.raises(sqlite3.IntegrityError):
            repo.add(_blank())  # the inner failure undoes only its own part
    assert [f.name for f in repo.all()] == ["Ana"]


def test_opening_again_in_one_process_keeps_the_other_connections_safe(tmp_path):
    # Reading the file outside SQLite would drop this process's locks; another process closing its
    # last connection would then delete the WAL under the first connection (a "disk I/O error").
    import subprocess
    import sys

    path = tmp_path / "ritual.db"
    first = open_database(path)
    FriendRepository(first).add(Friend(name="Ana"))
    open_database(path).close()
    child = f"import sqlite3; c = sqlite3.connect({str(path)!r}); c.execute('select count(*) from friends').fetchall(); c.close()"
    subprocess.run([sys.executable, "-c", child], check=True)
    FriendRepository(first).add(Friend(name="Bo"))
    again = open_database(path)
    assert [f.name for f in FriendRepository(again).all()] == ["Ana", "Bo"]
    again.close()
    first.close()
