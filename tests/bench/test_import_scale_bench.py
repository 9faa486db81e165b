"""Imports that scale: 50,000 cards, a card with a 10 MB photo, 500,000 CSV rows; time and peak memory each.

Run by hand: `pytest tests/bench/test_import_scale_bench.py -m bench -s`. Each import runs RUNS times
(`RITUAL_BENCH_RUNS`, default 3), each in its own process into an empty home; the median wall time is checked
and printed with the median CPU time and the ratio to `python -c pass`. Peak memory is the largest
`ru_maxrss` of those processes. Byte-code caching is on, as on a user's machine.
"""

from __future__ import annotations

import base64
import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

import pytest

RITUAL = str(Path(sys.executable).with_name("ritual"))
MEMORY_MB = 300
RUNS = int(os.environ.get("RITUAL_BENCH_RUNS", "3"))
_ENV = {**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}, "RITUAL_TODAY": "2026-11-25"}
# Runs one command and prints its wall seconds, CPU seconds and peak memory (MB), then its exit code.
_MEASURE = ("import resource, subprocess, sys, time; s = time.perf_counter(); "
            "p = subprocess.run(sys.argv[1:], capture_output=True, text=True); w = time.perf_counter() - s; "
            "u = resource.getrusage(resource.RUSAGE_CHILDREN); "
            "print(w, u.ru_utime + u.ru_stime, u.ru_maxrss / 1024); print(p.returncode); "
            "sys.stderr.write(p.stderr[-2000:])")


def _once(command: list[str]) -> tuple[float, float, float, subprocess.CompletedProcess]:
    done = subprocess.run([sys.executable, "-c", _MEASURE, *command], capture_output=True, text=True, env=_ENV)
    lines = done.stdout.splitlines()
    wall, cpu, peak = map(float, lines[0].split())
    return wall, cpu, peak, subprocess.CompletedProcess(command, int(lines[1]), "", done.stderr)


def _floor() -> float:
    """Median wall seconds of `python -c pass`, the cost of any process at all on this machine now."""
    return statistics.median(_once([sys.executable, "-c", "pass"])[0] for _ in range(5))


def _measured(command: list[str], home) -> tuple[float, float, subprocess.CompletedProcess]:
    """Median wall seconds and peak memory (MB) of RUNS runs, each into a fresh `home`; prints the figures."""
    runs = []
    for _ in range(RUNS):
        shutil.rmtree(home, ignore_errors=True)
        runs.append(_once(command))
    wall, cpu = statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)
    print(f"\n  walls {' '.join(f'{r[0]:.2f}' for r in runs)} s; median CPU {cpu:.2f} s; "
          f"median wall = {wall / _floor():.0f} x python -c pass")
    return wall, max(r[2] for r in runs), runs[-1][3]


def _cards(count: int) -> str:
    return "".join(
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nUID:card-{n}\r\nFN:Friend {n}\r\nN:{n};Friend;;;\r\n"
        f"BDAY:{1950 + n % 50}-{1 + n % 12:02d}-{1 + n % 28:02d}\r\n"
        f"ADR;TYPE=home:;;{n} Long Street;Berlin;;10115;Germany\r\nEND:VCARD\r\n"
        for n in range(count)
    )


def _photo_card(megabytes: int) -> str:
    body = base64.b64encode(os.urandom(megabytes * 1024 * 1024 * 3 // 4)).decode()
    folded = "\r\n ".join(body[i:i + 74] for i in range(0, len(body), 74))
    return ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Photo\r\nBDAY:1990-05-01\r\n"
            f"PHOTO;ENCODING=b;TYPE=JPEG:{folded}\r\nEND:VCARD\r\n")


def _report(label: str, seconds: float, peak: float, ceiling: float) -> None:
    print(f"\n{label:<34} {seconds:8.2f} s (ceiling {ceiling:.0f} s)   peak {peak:6.0f} MB (ceiling {MEMORY_MB} MB)")


@pytest.mark.bench
def test_fifty_thousand_cards_import_within_15_seconds(tmp_path):
    path = tmp_path / "cards.vcf"
    path.write_text(_cards(50_000))
    seconds, peak, done = _measured([RITUAL, "--home", str(tmp_path / "home"), "import", "vcard", str(path)],
                                    tmp_path / "home")
    _report("import vcard, 50,000 cards", seconds, peak, 15)
    assert done.returncode == 0, done.stderr
    assert seconds <= 15 and peak <= MEMORY_MB


@pytest.mark.bench
def test_a_card_with_a_10_mb_photo_imports_within_2_seconds(tmp_path):
    path = tmp_path / "photo.vcf"
    path.write_text(_photo_card(10))
    seconds, peak, done = _measured([RITUAL, "--home", str(tmp_path / "home"), "import", "vcard", str(path)],
                                    tmp_path / "home")
    _report("import vcard, one 10 MB photo", seconds, peak, 2)
    assert done.returncode == 0, done.stderr
    assert seconds <= 2 and peak <= MEMORY_MB


@pytest.mark.bench
def test_half_a_million_csv_rows_import_or_are_refused_within_30_seconds(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text("Name,Birthday\n" + "".join(f"F{n},\n" for n in range(500_000)))
    seconds, peak, done = _measured([RITUAL, "--home", str(tmp_path / "home"), "import", "csv", str(path)],
                                    tmp_path / "home")
    _report(f"import csv, 500,000 rows (exit {done.returncode})", seconds, peak, 30)
    assert done.returncode in (0, 2) and "Traceback" not in done.stderr, done.stderr
    assert seconds <= 30 and peak <= MEMORY_MB
