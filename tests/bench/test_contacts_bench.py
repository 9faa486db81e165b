"""Importing and exporting 1,000 and 10,000 vCards, end to end through the CLI (medians of 3 runs)."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

RITUAL = str(Path(sys.executable).with_name("ritual"))
# Generous ceilings for a 2-core machine; khard needs ~1.2 s just to parse 2,000 cards.
TARGETS = {"import": 8.0, "export": 3.0}  # seconds, median wall, 10,000 cards


def timed(command: list[str], env: dict, before=None) -> float:
    if before:
        before()
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


@pytest.mark.bench
def test_vcard_import_and_export_speed(tmp_path):
    env = {**os.environ, "RITUAL_TODAY": "2026-11-25"}
    rows, results = [], {}
    for count in (1_000, 10_000):
        source, cards = tmp_path / f"source{count}", tmp_path / f"cards{count}.vcf"
        subprocess.run([RITUAL, "--home", str(source), "demo", "--friends", str(count)], env=env, check=True)
        export = [RITUAL, "--home", str(source), "export", "vcard", "--out", str(cards)]
        results[("export", count)] = statistics.median(timed(export, env) for _ in range(3))
        target = tmp_path / f"target{count}"
        fresh = lambda: shutil.rmtree(target, ignore_errors=True)  # noqa: E731 - each run imports into an empty home
        command = [RITUAL, "--home", str(target), "import", "vcard", str(cards)]
        results[("import", count)] = statistics.median(timed(command, env, fresh) for _ in range(3))
        again = statistics.median(timed(command, env) for _ in range(3))
        rows += [("export vcard", count, results[("export", count)]), ("import vcard", count, results[("import", count)]),
                 ("re-import (unchanged)", count, again)]
    print("\n{:<24} {:>8} {:>12} {:>14}".format("command", "cards", "median (s)", "cards / s"))
    for name, count, seconds in rows:
        print(f"{name:<24} {count:>8,} {seconds:>12.2f} {count / seconds:>14,.0f}")
    for label, ceiling in TARGETS.items():
        assert results[(label, 10_000)] < ceiling, f"{label}: {results[(label, 10_000)]:.1f}s > {ceiling}s"
