"""The TUI on 10,000 friends: first frame from process start (in tmux), one search keystroke, and a burst of keys."""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from tests.tui.conftest import workers_done

RITUAL = str(Path(sys.executable).with_name("ritual"))
TODAY = "2026-03-09"
FRIENDS = 10_000
TARGETS = {"first frame": 0.8, "search keystroke": 0.050}  # seconds, median
BURST = 15  # quick backspaces, all in the queue at once as when a key is held down
FIRST_FRAME_TEXT = "Also this week"  # drawn by the week's first frame, before the plan is read
PLANNED_TEXT = "Still open from earlier"  # drawn once the week is planned
# A tmux server of the bench's own: no other tmux user is touched, and one idle pane keeps it running between
# measurements (a server exiting after the last pane closed would refuse the next one).
SOCKET = f"ritual-bench-{os.getpid()}"


def tmux(*args: str, **kwargs) -> subprocess.CompletedProcess:
    """Run a tmux command on the bench's own server."""
    return subprocess.run(["tmux", "-L", SOCKET, *args], **kwargs)


@contextlib.contextmanager
def own_tmux_server():
    """The bench's tmux server, up for the whole measurement and gone after it."""
    tmux("new-session", "-d", "-s", "keeper", "sleep 3600", check=True)
    try:
        yield
    finally:
        tmux("kill-server", capture_output=True)


def make_home(tmp_path: Path) -> Path:
    home = tmp_path / "home10k"
    env = {**os.environ, "RITUAL_TODAY": TODAY}
    subprocess.run([RITUAL, "--home", str(home), "demo", "--friends", str(FRIENDS)], env=env, check=True,
                   capture_output=True)
    return home


def time_to_text(home: Path, text: str) -> float:
    """Seconds from starting `ritual` in a fresh tmux pane until `text` is drawn on it."""
    name = f"ritual-bench-{uuid.uuid4().hex[:8]}"
    # Byte-code caching on, as on a user's machine (see tests/bench/conftest.py): else every start compiles again.
    command = f"env -u COLUMNS -u LINES -u PYTHONDONTWRITEBYTECODE RITUAL_TODAY={TODAY} {RITUAL} --home {home}"
    start = time.perf_counter()
    tmux("new-session", "-d", "-s", name, "-x", "120", "-y", "40", command, check=True)
    try:
        while time.perf_counter() - start < 20:
            shown = tmux("capture-pane", "-p", "-t", name, capture_output=True, text=True).stdout
            if text in shown:
                return time.perf_counter() - start
            time.sleep(0.005)
        raise AssertionError(f"{text!r} never appeared")
    finally:
        tmux("kill-session", "-t", name, capture_output=True)


async def keystroke_times(home: Path) -> list[float]:
    """CPU seconds per search keystroke (key handled, 10,000 friends re-filtered, screen redrawn).

    CPU time rather than wall time: Pilot waits in fixed 20 ms slices for the app to go idle, which would
    hide the work itself; the process's CPU time counts exactly what the keystroke cost.
    """
    from datetime import date

    from ritual.clock import Clock
    from ritual.context import RitualContext
    from ritual.paths import Paths
    from ritual.tui.app import build_app
    from ritual.tui.read_ahead import READ_AHEAD_SECONDS

    context = RitualContext(Paths.under(home), Clock(date.fromisoformat(TODAY)))
    app = build_app(context, check_seconds=3600)
    times = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f")
        # The app reads ahead in the background once no key came for a moment: let that happen first, or the
        # process's CPU time would count it against the keystrokes.
        await asyncio.sleep(READ_AHEAD_SECONDS + 0.5)
        for _ in range(3):
            await workers_done(app)
            await pilot.pause()
        await pilot.press("slash")
        keys = [*"lena", *["backspace"] * 4, *"berlin", *["backspace"] * 6]
        for key in keys * 2:
            start = time.process_time()
            await pilot.press(key)
            await pilot.pause()
            times.append(time.process_time() - start)
    context.close()
    return times


async def burst_seconds(home: Path) -> float:
    """Wall seconds from BURST backspaces arriving together in the search until the list shows everyone again.

    Typing never queues when this stays near one keystroke's time rather than BURST times it.
    """
    from datetime import date

    from textual import events
    from textual.widgets import Input

    from ritual.clock import Clock
    from ritual.context import RitualContext
    from ritual.paths import Paths
    from ritual.tui.app import build_app
    from ritual.tui.widgets.friend_table import FriendTable

    context = RitualContext(Paths.under(home), Clock(date.fromisoformat(TODAY)))
    app = build_app(context, check_seconds=3600)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f")
        for _ in range(3):
            await workers_done(app)
            await pilot.pause()
        await pilot.press("slash", *"lena berlin schmi"[:BURST])
        search = app.screen.query_one("#friend-search", Input)
        start = time.perf_counter()
        for _ in range(BURST):
            app.post_message(events.Key("backspace", None))
        while search.value or len(app.screen.query_one(FriendTable).rows) < FRIENDS:
            await asyncio.sleep(0.001)
        await pilot.pause()
        took = time.perf_counter() - start
    context.close()
    return took


@pytest.mark.bench
@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is needed to see the first frame")
def test_tui_speed(tmp_path):
    from tests.bench.conftest import load_note, python_floor

    home = make_home(tmp_path)
    floor = python_floor()
    with own_tmux_server():
        time_to_text(home, PLANNED_TEXT)  # warm the file cache and the holiday cache once
        frames = [time_to_text(home, FIRST_FRAME_TEXT) for _ in range(7)]
        weeks = [time_to_text(home, PLANNED_TEXT) for _ in range(7)]
    keys = asyncio.run(keystroke_times(home))
    bursts = [asyncio.run(burst_seconds(home)) for _ in range(3)]
    results = {"first frame": statistics.median(frames), "week planned": statistics.median(weeks),
               "search keystroke": statistics.median(keys)}
    print(f"\n{load_note()}; python -c pass {floor * 1000:.1f} ms")
    print(f"{'measure (10,000 friends)':<28} {'median (ms)':>12} {'max (ms)':>10}")
    for label, samples in (("first frame", frames), ("week planned", weeks), ("search keystroke (CPU)", keys),
                           (f"{BURST} queued backspaces", bursts)):
        print(f"{label:<28} {statistics.median(samples) * 1000:>12.1f} {max(samples) * 1000:>10.1f}")
    for label, target in TARGETS.items():
        assert results[label] < target, f"{label}: {results[label]:.3f}s > {target}s"
    assert statistics.median(bursts) < BURST * TARGETS["search keystroke"], "queued keys built a backlog"
