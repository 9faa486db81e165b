"""`ritual week` and `ritual upcoming --days 365` on 1,000 and 10,000 friends, each run paired with `python -c pass`."""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.bench.conftest import demo_home, load_note

RITUAL = str(Path(sys.executable).with_name("ritual"))
FLOOR = [sys.executable, "-c", "pass"]
# The targets on 10,000 friends: median wall seconds, and for the week also a multiple of the floor.
TARGETS = {"week": 0.100, "upcoming 365": 0.300}
WEEK_TIMES_FLOOR = 8.0
COMMANDS = (("week", ["week"]), ("upcoming 365", ["upcoming", "--days", "365"]))


def timed(command: list[str], env: dict) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system) of one whole process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, capture_output=True, env=env, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def paired(command: list[str], env: dict, runs: int = 11) -> dict[str, float]:
    """Medians of `command` run after `python -c pass` each time, so a busy moment weighs on both alike."""
    timed(FLOOR, env)
    timed(command, env)  # warm-up: byte code written, files in the page cache
    samples: dict[str, list[float]] = {"floor": [], "wall": [], "cpu": [], "ratio": []}
    for _ in range(runs):
        floor, _ = timed(FLOOR, env)
        wall, cpu = timed(command, env)
        for key, value in (("floor", floor), ("wall", wall), ("cpu", cpu), ("ratio", wall / floor)):
            samples[key].append(value)
    return {key: statistics.median(values) for key, values in samples.items()}


def table(rows: list[tuple[str, str, dict[str, float]]]) -> str:
    """Medians in milliseconds with the pair-by-pair multiple of the floor, and the machine's load."""
    lines = [load_note(), "{:<20} {:>8} {:>10} {:>10} {:>10} {:>8}".format(
        "command", "friends", "wall ms", "cpu ms", "floor ms", "x floor")]
    for name, friends, m in rows:
        lines.append(f"{name:<20} {friends:>8} {m['wall'] * 1000:>10.1f} {m['cpu'] * 1000:>10.1f} "
                     f"{m['floor'] * 1000:>10.1f} {m['ratio']:>8.1f}")
    return "\n".join(lines)


@pytest.mark.bench
def test_cli_speed(tmp_path):
    # Byte-code caching is on, as on a user's machine; the day is fixed so every run plans the same items.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {"RITUAL_TODAY": "2026-11-25"}
    rows, results = [], {}
    for count in (1_000, 10_000):
        home = tmp_path / f"home{count}"
        demo_home(RITUAL, home, count, env)
        for label, args in COMMANDS:
            results[(label, count)] = paired([RITUAL, "--home", str(home), *args], env)
            rows.append((f"ritual {label}", f"{count:,}", results[(label, count)]))
        shutil.rmtree(home)
    print("\n" + table(rows))
    week = results[("week", 10_000)]
    assert week["ratio"] <= WEEK_TIMES_FLOOR, f"week: {week['ratio']:.1f}x python -c pass > {WEEK_TIMES_FLOOR}x"
    for label, target in TARGETS.items():
        assert results[(label, 10_000)]["wall"] <= target, f"{label}: {results[(label, 10_000)]['wall']:.3f}s > {target}s"
