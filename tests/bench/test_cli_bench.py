"""`ritual week` and `ritual upcoming --days 365` on 1,000 and 10,000 friends, with `python -c pass` as the floor."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from tests.bench.conftest import demo_home, median_wall, print_medians

RITUAL = str(Path(sys.executable).with_name("ritual"))
TARGETS = {"week": 0.150, "upcoming 365": 0.400}  # seconds, median wall, 10,000 friends


@pytest.mark.bench
def test_cli_speed(tmp_path):
    env = {**os.environ, "RITUAL_TODAY": "2026-11-25"}
    floor = median_wall([sys.executable, "-c", "pass"], env=env)
    rows = [("python -c pass", "-", floor)]
    results = {}
    for count in (1_000, 10_000):
        home = tmp_path / f"home{count}"
        demo_home(RITUAL, home, count, env)
        for label, args in (("week", ["week"]), ("upcoming 365", ["upcoming", "--days", "365"])):
            seconds = median_wall([RITUAL, "--home", str(home), *args], env=env)
            rows.append((f"ritual {label}", f"{count:,}", seconds))
            results[(label, count)] = seconds
        shutil.rmtree(home)
    print_medians(rows, floor)
    for label, target in TARGETS.items():
        assert results[(label, 10_000)] < target, f"{label}: {results[(label, 10_000)]:.3f}s > {target}s"
