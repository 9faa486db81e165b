"""Checking a 10,000-friend backup before restoring it (schema, then every value): at most 2 s.

Run by hand: `pytest tests/bench/test_restore_check_bench.py -m bench -s`. The check runs in process five
times on one document; the median is checked. A whole `ritual restore` of the same file is timed too.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from ritual.paths import Paths
from ritual.services.backup.schema_check import check_backup_document
from ritual.services.backup.validate import BadBackup, check_document
from ritual.services.backup.write import backup_document
from ritual.services.demo.build import demo_friends
from ritual.store.database import open_database
from ritual.store.friends import FriendRepository

RITUAL = str(Path(sys.executable).with_name("ritual"))
NOW = datetime(2026, 11, 25, 9, 30, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def big_backup(tmp_path_factory) -> Path:
    paths = Paths.under(tmp_path_factory.mktemp("big") / "home")
    db = open_database(paths.database)
    FriendRepository(db).add_many(demo_friends(10_000, 5, date(2026, 11, 25)))
    file = paths.data_dir / "b.json"
    file.write_text(json.dumps(backup_document(db, paths, NOW)))
    db.close()
    return file


def _check(file: Path) -> float:
    document = json.loads(file.read_text())
    start = time.perf_counter()
    check_backup_document(document, file)
    check_document(document, file)
    return time.perf_counter() - start


@pytest.mark.bench
def test_a_10000_friend_backup_is_checked_within_2_seconds(big_backup):
    times = [_check(big_backup) for _ in range(5)]
    print(f"\ncheck of a 10,000-friend backup: median {statistics.median(times):.2f} s "
          f"({' '.join(f'{t:.2f}' for t in times)})")
    assert statistics.median(times) <= 2


@pytest.mark.bench
def test_a_bad_value_in_the_last_row_is_still_found(big_backup):
    document = json.loads(big_backup.read_text())
    friends = document["tables"]["friends"]
    friends["rows"][-1][friends["columns"].index("cadence_days")] = 10**12
    start = time.perf_counter()
    with pytest.raises(BadBackup, match=r"tables\.friends\[9999\]\.cadence_days"):
        check_backup_document(document, big_backup)
        check_document(document, big_backup)
    print(f"\nrefusal of a bad last row: {time.perf_counter() - start:.2f} s")


@pytest.mark.bench
def test_a_whole_restore_of_it(big_backup, tmp_path):
    start = time.perf_counter()
    done = subprocess.run([RITUAL, "--home", str(tmp_path / "fresh"), "restore", str(big_backup)],
                          capture_output=True, text=True)
    print(f"\nritual restore, 10,000 friends: {time.perf_counter() - start:.2f} s")
    assert done.returncode == 0, done.stderr
