"""A private ritual home with a few fixed friends, a fixed Monday, and the app built on them."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from ritual.clock import Clock
from ritual.context import RitualContext
from ritual.core.dates import PartialDate
from ritual.core.model import ANNIVERSARY, Address, Friend, Occasion
from ritual.paths import Paths
from ritual.store.friends import FriendRepository
from ritual.tui import read_ahead
from ritual.tui.app import RitualApp, build_app
from textual.pilot import Pilot

MONDAY = date(2026, 3, 9)
SIZE = (110, 34)


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run `async def` tests on a fresh event loop, so Pilot tests need no extra plugin."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    arguments = {name: pyfuncitem.funcargs[name] for name in pyfuncitem._fixtureinfo.argnames}
    asyncio.run(pyfuncitem.obj(**arguments))
    return True


def fixed_friends() -> list[Friend]:
    """Five friends whose dates fall in and around the week of MONDAY (home country US)."""
    return [
        Friend(name="Ana Souza", nickname="Aninha", birthday=PartialDate(3, 14, 1990), tags=("school",),
               addresses=(Address(("12 Maple Street",), "Portland", "OR", "97205", "US", "home"),),
               relationship="friend", how_met="shared a flat at university", cadence_days=90,
               last_sent=date(2026, 1, 20), notes="Loves postcards with old maps."),
        Friend(name="Ben Carter", birthday=PartialDate(3, 20), tags=("choir",),
               addresses=(Address(("4 Mill Lane",), "York", "", "YO1 7HH", "GB", "home"),)),
        Friend(name="Chloé Martin", birthday=PartialDate(2, 29, 1988), tags=("book club", "school"),
               addresses=(Address(("8 rue des Lilas",), "Lyon", "", "69002", "FR", "home"),),
               occasions=(Occasion(ANNIVERSARY, PartialDate(6, 20, 2015)),), last_received=date(2025, 12, 1)),
        Friend(name="Dev Patel", tags=("work",), cadence_days=30, last_sent=date(2026, 1, 2),
               addresses=(Address(("MG Road 5",), "Bengaluru", "Karnataka", "560001", "IN", "home"),)),
        Friend(name="Eva Lima", birthday=PartialDate(3, 18), tags=("pen pals",),
               addresses=(Address(("Rua do Sol 40",), "Recife", "PE", "50030-230", "BR", "home"),)),
    ]


def open_context(home: Path, today: date = MONDAY) -> RitualContext:
    """A context on `home` with a fixed clock; reminders may only ever reach the app's own toasts."""
    paths = Paths.under(home)
    write_quiet_config(paths.config_file)
    return RitualContext(paths, Clock(today))


def write_quiet_config(config_file: Path) -> None:
    """Settings that keep a test from showing real desktop notifications, mailing, or running commands."""
    config_file.parent.mkdir(parents=True, exist_ok=True)
    if not config_file.exists():
        config_file.write_text('notifiers = ["toast"]\n', encoding="utf-8")


@pytest.fixture
def context(tmp_path: Path) -> Iterator[RitualContext]:
    """A home holding the fixed friends."""
    found = open_context(tmp_path / "home")
    FriendRepository(found.db).add_many(fixed_friends())
    yield found
    found.close()


@pytest.fixture
def empty_context(tmp_path: Path) -> Iterator[RitualContext]:
    """A home with nobody in it yet."""
    found = open_context(tmp_path / "empty")
    yield found
    found.close()


@pytest.fixture
def app(context: RitualContext) -> RitualApp:
    """The app on the fixed friends; the change check is slowed so tests drive it themselves."""
    return build_app(context, check_seconds=3600)


def friend_id(context: RitualContext, name: str) -> int:
    """The stored id of a fixed friend."""
    return FriendRepository(context.db).find(name).id


@pytest.fixture(autouse=True)
def no_reading_ahead(monkeypatch):
    """The app reads ahead only in the tests that ask for it (they set the delay again).

    Elsewhere its background work, coming a moment after the start, would make Pilot wait between the keys of a
    word it types: Pilot sends each key once the process looks idle.
    """
    monkeypatch.setattr(read_ahead, "READ_AHEAD_SECONDS", 3600)


@pytest.fixture(autouse=True)
def keys_pressed_as_one_burst(monkeypatch):
    """Each `pilot.press(...)` is one burst of keys, then a pause: a letter key held back at its end gets to act."""
    burst = Pilot.press

    async def press(pilot: Pilot, *keys: str) -> None:
        await burst(pilot, *keys)
        await pilot.pause()
        if getattr(pilot.app.screen, "waiting_key", None) is not None:
            while getattr(pilot.app.screen, "waiting_key", None) is not None:
                await pilot.pause(0.05)
            await pilot.pause()  # what the key opened gets composed

    monkeypatch.setattr(Pilot, "press", press)


async def settle(pilot) -> None:
    """Let a letter key held back for the typing gap act, then workers finish and their messages land."""
    while getattr(pilot.app.screen, "waiting_key", None) is not None:
        await pilot.pause(0.05)
    for _ in range(3):
        await workers_done(pilot.app)
        await pilot.pause()


async def workers_done(app) -> None:
    """Wait until no worker is pending or running.

    Textual's own `wait_for_complete` raises as soon as one worker it waits for was cancelled, as happens when a
    screen built ahead starts a newer reading of its group: a cancelled worker is done, and its successor is waited for.
    """
    from textual.worker import WorkerState

    while any(worker.state in (WorkerState.PENDING, WorkerState.RUNNING) for worker in app.workers):
        await asyncio.sleep(0.005)
