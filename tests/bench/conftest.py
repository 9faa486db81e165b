"""Benchmarks are run by hand: `make bench` (or `pytest tests/bench -m bench -s`)."""

from __future__ import annotations

import os
import statistics
import subprocess
import time
from collections.abc import Sequence


def median_wall(command: Sequence[str], runs: int = 11, env: dict | None = None) -> float:
    """Median wall-clock seconds of a whole process over `runs` runs, after one warm-up.

    Byte-code caching is forced on, as on a user's machine: otherwise every run would compile
    every module from source again and measure that instead.
    """
    env = {k: v for k, v in (env or os.environ).items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(command, capture_output=True, env=env, check=True)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, env=env, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def demo_home(ritual: str, home, count: int, env: dict) -> None:
    """Fill `home` with `count` demo friends."""
    subprocess.run([ritual, "--home", str(home), "demo", "--friends", str(count)], env=env, check=True, capture_output=True)


def print_medians(rows: list[tuple[str, str, float]], floor: float) -> None:
    """A table of medians in milliseconds, and each as a multiple of the `python -c pass` floor."""
    print("\n{:<22} {:>8} {:>12} {:>10}".format("command", "friends", "median (ms)", "x floor"))
    for name, friends, seconds in rows:
        print(f"{name:<22} {friends:>8} {seconds * 1000:>12.1f} {seconds / floor:>10.1f}")


def load_note() -> str:
    """The machine's load averages (1, 5, 15 minutes), printed beside every figure: on a shared machine they say
    how much of a figure is the machine rather than ritual."""
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores"


def python_floor() -> float:
    """Median wall seconds of `python -c pass`, the least any process can take here."""
    import sys

    return median_wall([sys.executable, "-c", "pass"], runs=7)
