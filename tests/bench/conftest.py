"""Benchmarks are run by hand: `make bench` (or `pytest tests/bench -m bench -s`)."""

from __future__ import annotations

import statistics
import subprocess
import time
from collections.abc import Sequence


def median_wall(command: Sequence[str], runs: int = 11, env: dict | None = None) -> float:
    """Median wall-clock seconds of a whole process over `runs` runs, after one warm-up."""
    subprocess.run(command, capture_output=True, env=env, check=True)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, env=env, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)
