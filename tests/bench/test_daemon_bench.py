"""`ritual daemon` at rest on 10,000 friends: resident memory, wake-ups and CPU time per hour, from /proc.

Run by hand (Linux): `pytest tests/bench/test_daemon_bench.py -m bench -s`. RITUAL_BENCH_IDLE_SECONDS sets how
long each daemon is watched once it has settled (default 180; wake-ups are counted per minute and scaled).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

RITUAL = str(Path(sys.executable).with_name("ritual"))
FRIENDS = 10_000
TARGET_MB = 80  # issue 5: idle resident memory
SLICE = 60.0  # seconds: one heartbeat per slice
IDLE = float(os.environ.get("RITUAL_BENCH_IDLE_SECONDS", "180"))
CONFIG = """
notifiers = ["terminal"]
reminder_quiet_hours = []
"""


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time of the whole process."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int) -> float:
    """VmRSS in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


def runs_on_cpu(pid: int) -> int:
    """Times any thread of the process was put on a CPU (the third field of each thread's schedstat)."""
    total = 0
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            total += int((task / "schedstat").read_text().split()[2])
        except (FileNotFoundError, ProcessLookupError):
            pass  # a thread that ended while we looked
    return total


def settle(pid: int, at_least: float = 30.0, limit: float = 240.0) -> float:
    """Wait until the start-up work is over (the first export check comes 20 s in): CPU still for 5 s."""
    start, last, still_since = time.monotonic(), cpu_seconds(pid), time.monotonic()
    while time.monotonic() - start < limit:
        time.sleep(1)
        now = cpu_seconds(pid)
        if now - last > 0.02:
            last, still_since = now, time.monotonic()
        elif time.monotonic() - still_since >= 5 and time.monotonic() - start >= at_least:
            break
    return time.monotonic() - start


def watch(pid: int) -> dict[str, float]:
    """Median RSS over the watch, and wake-ups and CPU seconds per hour (median of one-minute slices)."""
    rss, wakes, cpu = [], [], []
    for _ in range(max(1, round(IDLE / SLICE))):
        runs, used, begun = runs_on_cpu(pid), cpu_seconds(pid), time.monotonic()
        while time.monotonic() - begun < SLICE:
            time.sleep(5)
            rss.append(rss_mb(pid))
        elapsed = time.monotonic() - begun
        wakes.append((runs_on_cpu(pid) - runs) * 3600 / elapsed)
        cpu.append((cpu_seconds(pid) - used) * 3600 / elapsed)
    return {"rss": statistics.median(rss), "wakes": statistics.median(wakes), "cpu": statistics.median(cpu)}


def measure(home: Path, config: str) -> dict[str, float]:
    """Start a daemon on `home` with `config`, let it settle, watch it, stop it."""
    (home / "config" / "config.toml").write_text(config)
    daemon = subprocess.Popen([RITUAL, "--home", str(home), "daemon"], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        time.sleep(2)
        settled = settle(daemon.pid)
        return {**watch(daemon.pid), "settle": settled}
    finally:
        daemon.terminate()
        daemon.wait(30)


@pytest.mark.bench
@pytest.mark.skipif(not Path("/proc/self/schedstat").exists(), reason="needs Linux /proc")
def test_daemon_idle_memory_and_wake_ups(tmp_path):
    home = tmp_path / "home"
    subprocess.run([RITUAL, "--home", str(home), "demo", "--friends", str(FRIENDS)], check=True, capture_output=True)
    (home / "config").mkdir(parents=True, exist_ok=True)
    kept = f'export_ics_files = ["{tmp_path / "kept.ics"}"]\n'
    rows = [("reminders only", measure(home, CONFIG)), ("+ one kept .ics file", measure(home, CONFIG + kept))]
    print(f"\nritual daemon, {FRIENDS:,} demo friends, idle {IDLE:.0f} s each (medians)")
    print("{:<22} {:>9} {:>14} {:>12} {:>10}".format("daemon", "RSS (MB)", "wake-ups/hour", "CPU s/hour", "settle s"))
    for name, m in rows:
        print(f"{name:<22} {m['rss']:>9.1f} {m['wakes']:>14.0f} {m['cpu']:>12.2f} {m['settle']:>10.0f}")
    assert rows[0][1]["rss"] < TARGET_MB, f"idle daemon holds {rows[0][1]['rss']:.1f} MB > {TARGET_MB} MB"
