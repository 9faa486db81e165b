"""kill -9 at any point of a real `ritual restore` leaves the old home or, once reopened, the full restored home."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ritual.paths import Paths
from ritual.services.backup.write import canonical_dump, write_backup
from ritual.services.demo.build import demo_friends
from ritual.store.database import open_database
from ritual.store.friends import FriendRepository
from tests.services.test_backup import NOW

# A few kills in the default suite; RITUAL_RESTORE_KILLS=80 for the long run by hand.
KILLS = int(os.environ.get("RITUAL_RESTORE_KILLS", "8"))
SETTINGS = {"config.toml": 'home_country = "DE"\n', "postal.toml": "[transit]\n"}


def _ritual(home: Path, *args: str) -> subprocess.Popen:
    command = [sys.executable, "-m", "ritual", "--home", str(home), "--today", "2026-11-25", *args]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.fixture(scope="module")
def source(tmp_path_factory):
    root = tmp_path_factory.mktemp("source")
    paths = Paths.under(root / "home")
    db = open_database(paths.database, paths.backups_dir)
    FriendRepository(db).add_many(demo_friends(400, 5, NOW.date()))
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    for name, text in SETTINGS.items():
        (paths.config_dir / name).write_text(text)
    backup = write_backup(db, paths, root / "backup.json", NOW)
    dump = canonical_dump(db)
    db.close()
    started = time.monotonic()
    assert _ritual(root / "timing", "restore", str(backup)).wait(120) == 0
    return backup, dump, time.monotonic() - started


def _state(home: Path) -> str:
    database = home / "data" / "ritual.db"
    if not database.exists():
        return "untouched"
    conn = sqlite3.connect(database)
    try:
        friends = conn.execute("SELECT count(*) FROM friends").fetchone()[0]
        pending = conn.execute("SELECT count(*) FROM meta WHERE key LIKE 'restore_pending%'").fetchone()[0]
    except sqlite3.Error:
        return "untouched"
    finally:
        conn.close()
    return "old" if friends == 0 else ("rows committed, settings pending" if pending else "restored")


def _assert_fully_restored(home: Path, dump: dict) -> None:
    paths = Paths.under(home)
    db = open_database(paths.database, paths.backups_dir)
    try:
        assert canonical_dump(db) == dump
    finally:
        db.close()
    for name, text in SETTINGS.items():
        assert (paths.config_dir / name).read_text() == text


def test_kill_9_at_random_points_never_leaves_half_a_home(source, tmp_path):
    backup, dump, duration = source
    rng = random.Random(13)
    seen: dict[str, int] = {}
    for number in range(KILLS):
        home = tmp_path / f"home{number}"
        process = _ritual(home, "restore", str(backup))
        # Half the kills anywhere, half in the last third, where the rows commit and the settings are written.
        time.sleep(rng.uniform(0.0, duration) if number % 2 else rng.uniform(duration * 0.7, duration * 1.05))
        process.send_signal(signal.SIGKILL)
        process.wait(30)
        state = _state(home)
        seen[state] = seen.get(state, 0) + 1
        if state in ("untouched", "old"):
            # Settings files are written only after the rows commit: an old home has none of them.
            assert not any((home / "config" / name).exists() for name in SETTINGS), state
        again = _ritual(home, "restore", str(backup))
        out, err = again.communicate(timeout=120)
        assert again.returncode == 0 or (again.returncode == 1 and "already holds data" in err), (out, err)
        assert "Traceback" not in out + err
        _assert_fully_restored(home, dump)
    print(f"\n{KILLS} kills during restore ({duration:.2f} s each): {seen}")
