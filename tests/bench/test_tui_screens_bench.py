"""Every screen and form of the app on 10,000 friends: wall seconds from the key to the screen's first frame."""

from __future__ import annotations

import asyncio
import statistics
import time
from datetime import date

import pytest

from tests.bench.test_tui_bench import TODAY, make_home

TARGET = 0.3  # seconds, median, from the key to the screen drawn
# (name, keys to get there from the week, keys that open it, the screen class name that must be showing)
OPENINGS = (
    ("friends", (), ("f",), "FriendsScreen"),
    ("calendar", (), ("c",), "CalendarScreen"),
    ("letter box", (), ("b",), "LetterBoxScreen"),
    ("log received form", ("b",), ("r",), "LetterFormScreen"),
    ("add friend form", ("f",), ("a",), "FriendFormScreen"),
    ("profile", ("f",), ("enter",), "ProfileScreen"),
    ("export dialog", ("w",), ("e",), "ExportScreen"),
    ("supplies", ("w",), ("u",), "SuppliesScreen"),
    ("projects", ("w",), ("p",), "ProjectsScreen"),
)


async def opening_times(home, rounds: int = 5, cpu: dict | None = None) -> dict[str, list[float]]:
    """For each screen: press the keys before, let everything settle, then time the opening key to a drawn frame.

    Wall seconds are returned; `cpu`, when given, collects the app thread's CPU seconds for the same openings,
    which a busy machine inflates far less than wall time.
    """
    from ritual.clock import Clock
    from ritual.context import RitualContext
    from ritual.paths import Paths
    from ritual.tui.app import build_app
    from ritual.tui.screens import base

    # A letter's key waits a moment in case a word is being typed (TYPING_GAP_SECONDS): that wait is by design
    # and the same for every screen, so it is set aside here to time the opening itself.
    base.TYPING_GAP_SECONDS = 0.001

    context = RitualContext(Paths.under(home), Clock(date.fromisoformat(TODAY)))
    app = build_app(context, check_seconds=3600)
    found: dict[str, list[float]] = {name: [] for name, *_ in OPENINGS}
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        for _ in range(rounds):
            for name, before, keys, screen in OPENINGS:
                await pilot.press("escape", "escape", "w", *before)
                await app.workers.wait_for_complete()
                await pilot.pause()
                start, thread_start = time.perf_counter(), time.thread_time()
                await pilot.press(*keys)
                while type(app.screen).__name__ != screen and time.perf_counter() - start < 10:
                    await asyncio.sleep(0.001)
                await pilot.pause()
                found[name].append(time.perf_counter() - start)
                if cpu is not None:
                    cpu.setdefault(name, []).append(time.thread_time() - thread_start)
                assert type(app.screen).__name__ == screen, name
    context.close()
    return found


@pytest.mark.bench
def test_every_screen_and_form_opens_quickly(tmp_path):
    from tests.bench.conftest import load_note, python_floor

    home = make_home(tmp_path)
    floor = python_floor()
    cpu: dict[str, list[float]] = {}
    times = asyncio.run(opening_times(home, cpu=cpu))
    print(f"\n{load_note()}; python -c pass {floor * 1000:.1f} ms")
    print(f"{'opening (10,000 friends)':<28} {'median (ms)':>12} {'max (ms)':>10} {'app CPU (ms)':>13}")
    for name, samples in times.items():
        print(f"{name:<28} {statistics.median(samples) * 1000:>12.1f} {max(samples) * 1000:>10.1f}"
              f" {statistics.median(cpu[name]) * 1000:>13.1f}")
    slow = {name: statistics.median(s) for name, s in times.items() if statistics.median(s) > TARGET}
    assert not slow, f"slower than {TARGET}s: {slow}"
