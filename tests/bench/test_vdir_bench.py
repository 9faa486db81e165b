"""Contacts sync of a 2,000-card vdir: nothing changed, 50 cards changed, 50 friends changed (medians of 5)."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ritual.paths import Paths
from ritual.services.contacts.vdir_sync import sync_folder
from ritual.settings.contacts import ContactSyncSettings
from ritual.store.database import open_database
from ritual.store.friends import FriendRepository
from tests.services.vdir_books import NOW

RITUAL = str(Path(sys.executable).with_name("ritual"))
CARDS = 2_000
CHANGED = 50
TARGETS = {"nothing changed": 0.5, "50 cards changed": 1.0, "50 friends changed": 1.0}  # seconds, in-process median


def _timed(action, prepare=None, runs: int = 5) -> float:
    times = []
    for run in range(runs):
        if prepare:
            prepare(run)
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


@pytest.mark.bench
def test_vdir_sync_speed(tmp_path):
    env = {**os.environ, "RITUAL_TODAY": "2026-11-25"}
    home, folder = tmp_path / "home", tmp_path / "contacts"
    folder.mkdir()
    subprocess.run([RITUAL, "--home", str(home), "demo", "--friends", str(CARDS)], env=env, check=True,
                   capture_output=True)
    db = open_database(Paths.under(home).database)
    options = ContactSyncSettings((folder,), False)
    first = time.perf_counter()
    sync_folder(db, folder, options, NOW)
    first = time.perf_counter() - first
    cards = sorted(folder.iterdir())[:CHANGED]
    repo = FriendRepository(db)
    friends = repo.all()[-CHANGED:]

    def edit_cards(run: int) -> None:
        for path in cards:
            lines = [ln for ln in path.read_bytes().split(b"\r\n") if not ln.startswith(b"NICKNAME:")]
            path.write_bytes(b"\r\n".join(lines[:-2] + [f"NICKNAME:bench {run}".encode()] + lines[-2:]))

    def edit_friends(run: int) -> None:
        for friend in friends:
            repo.update(repo.get(friend.id)._replace(nickname=f"ritual {run}"))

    sync = lambda: sync_folder(db, folder, options, NOW)  # noqa: E731
    results = {"nothing changed": _timed(sync), "50 cards changed": _timed(sync, edit_cards),
               "50 friends changed": _timed(sync, edit_friends)}
    assert not sync().changed
    command = [RITUAL, "--home", str(home), "sync", "contacts", str(folder)]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr
    wall = _timed(lambda: subprocess.run(command, env=env, check=True, capture_output=True))
    db.close()
    print(f"\n{'contacts sync, ' + format(CARDS, ',') + ' cards':<34} {'median (s)':>10}")
    print(f"{'first sync (writes every card)':<34} {first:>10.3f}")
    for label, seconds in results.items():
        print(f"{label:<34} {seconds:>10.3f}")
    print(f"{'CLI, nothing changed (wall)':<34} {wall:>10.3f}")
    for label, ceiling in TARGETS.items():
        assert results[label] <= ceiling, f"{label}: {results[label]:.2f}s > {ceiling}s"
