"""Imports that scale: 50,000 cards, a card with a 10 MB photo, 500,000 CSV rows; time and peak memory each.

Run by hand: `pytest tests/bench/test_import_scale_bench.py -m bench -s`. Each import runs once, in its own
process, into an empty home; the peak resident memory is that process's own.
"""

from __future__ import annotations

import base64
import os
import subprocess
import sys
from pathlib import Path

import pytest

RITUAL = str(Path(sys.executable).with_name("ritual"))
MEMORY_MB = 300


def _measured(command: list[str]) -> tuple[float, float, subprocess.CompletedProcess]:
    """Wall seconds and peak memory (MB) of one child process."""
    env = {**os.environ, "RITUAL_TODAY": "2026-11-25"}
    code = ("import resource, subprocess, sys, time; s = time.perf_counter(); "
            "p = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
            "print(time.perf_counter() - s, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024); "
            "print(p.returncode); sys.stderr.write(p.stderr[-2000:])")
    done = subprocess.run([sys.executable, "-c", code, *command], capture_output=True, text=True, env=env)
    lines = done.stdout.splitlines()
    seconds, peak = map(float, lines[0].split())
    return seconds, peak, subprocess.CompletedProcess(command, int(lines[1]), "", done.stderr)


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
    seconds, peak, done = _measured([RITUAL, "--home", str(tmp_path / "home"), "import", "vcard", str(path)])
    _report("import vcard, 50,000 cards", seconds, peak, 15)
    assert done.returncode == 0, done.stderr
    assert seconds <= 15 and peak <= MEMORY_MB


@pytest.mark.bench
def test_a_card_with_a_10_mb_photo_imports_within_2_seconds(tmp_path):
    path = tmp_path / "photo.vcf"
    path.write_text(_photo_card(10))
    seconds, peak, done = _measured([RITUAL, "--home", str(tmp_path / "home"), "import", "vcard", str(path)])
    _report("import vcard, one 10 MB photo", seconds, peak, 2)
    assert done.returncode == 0, done.stderr
    assert seconds <= 2 and peak <= MEMORY_MB


@pytest.mark.bench
def test_half_a_million_csv_rows_import_or_are_refused_within_30_seconds(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text("Name,Birthday\n" + "".join(f"F{n},\n" for n in range(500_000)))
    seconds, peak, done = _measured([RITUAL, "--home", str(tmp_path / "home"), "import", "csv", str(path)])
    _report(f"import csv, 500,000 rows (exit {done.returncode})", seconds, peak, 30)
    assert done.returncode in (0, 2) and "Traceback" not in done.stderr, done.stderr
    assert seconds <= 30 and peak <= MEMORY_MB
