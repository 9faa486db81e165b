"""`ritual export ics` on 1,000 and 10,000 friends, with `python -c pass` as the floor."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from tests.bench.conftest import demo_home, median_wall, print_medians

RITUAL = str(Path(sys.executable).with_name("ritual"))
TARGET = 3.0  # seconds, median wall, 10,000 friends (issue 6)


@pytest.mark.bench
def test_ics_export_speed(tmp_path):
    env = {**os.environ, "RITUAL_TODAY": "2026-11-25"}
    floor = median_wall([sys.executable, "-c", "pass"], env=env)
    rows = [("python -c pass", "-", floor)]
    results = {}
    for count in (1_000, 10_000):
        home = tmp_path / f"home{count}"
        demo_home(RITUAL, home, count, env)
        command = [RITUAL, "--home", str(home), "export", "ics", "--out", str(tmp_path / "out.ics")]
        results[count] = median_wall(command, runs=5, env=env)
        rows.append(("ritual export ics", f"{count:,}", results[count]))
        shutil.rmtree(home)
    print_medians(rows, floor)
    assert results[10_000] < TARGET, f"export of 10,000 friends took {results[10_000]:.2f}s > {TARGET}s"
