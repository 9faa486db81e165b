"""The open app's reminder engine takes up settings saved while it runs: the welcome's country, config.toml edits."""

from __future__ import annotations

from datetime import datetime, time
from zoneinfo import ZoneInfo

from textual.widgets import Input

from ritual.core.dates import PartialDate
from ritual.core.model import Address, Friend
from ritual.core.planner import WRITE
from ritual.services.reminders.engine import ReminderEngine
from ritual.services.reminders.notifiers import NotifierChain
from ritual.settings.load import load_settings
from ritual.store.friends import FriendRepository
from ritual.tui.app import RitualApp
from tests.tui.conftest import SIZE, settle

BERLIN = ZoneInfo("Europe/Berlin")
MORNING = datetime(2026, 2, 20, 6, 0, tzinfo=BERLIN)
HEARTBEAT = 0.05
BERLIN_CONFIG = 'notifiers = ["toast"]\nreminder_timezone = "Europe/Berlin"\nreminder_quiet_hours = []\n'


def _app(context) -> RitualApp:
    return RitualApp(context.settings, context.db, context.clock, 3600, paths=context.paths,
                     heartbeat_seconds=HEARTBEAT, reminder_now=lambda: MORNING)


def _write_days(engine: ReminderEngine, db) -> dict[str, datetime]:
    return {r.friend: r.due for r in engine.upcoming(db, MORNING, 60) if r.kind == WRITE}


def _as_saved(context) -> ReminderEngine:
    """An engine started now on the settings files as they are: what a restart would give."""
    return ReminderEngine(load_settings(context.paths), context.db.path, NotifierChain([]), now=lambda: MORNING)


async def _rounds(pilot, count: int = 6) -> None:
    for _ in range(count):
        await pilot.pause(HEARTBEAT)


async def test_the_country_saved_in_the_welcome_moves_the_running_reminders(empty_context):
    empty_context.paths.config_file.write_text(BERLIN_CONFIG, encoding="utf-8")
    empty_context.__dict__.pop("settings", None)
    app = _app(empty_context)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        before = app.reminders.engine.settings.home_country
        field = app.screen.query_one("#home-country", Input)
        field.focus()
        field.value = "DE"  # typed keys are the welcome's own tests; each waits out the quick heartbeat here
        await pilot.press("enter")
        await settle(pilot)
        FriendRepository(empty_context.db).add(Friend("Jonas", birthday=PartialDate(3, 20, 1990),
                                                      addresses=(Address(("Hauptstr. 1",), "Berlin", "", "10115", "DE"),)))
        await _rounds(pilot)
        engine = app.reminders.engine
        assert (before, engine.settings.home_country) == ("US", "DE")
        running = _write_days(engine, empty_context.db)
    restarted = _write_days(_as_saved(empty_context), empty_context.db)
    assert running == restarted and "Jonas" in running
    from_us = ReminderEngine(empty_context.settings, empty_context.db.path, NotifierChain([]), now=lambda: MORNING)
    assert _write_days(from_us, empty_context.db)["Jonas"] < running["Jonas"], "posting at home takes fewer days"


async def test_reminder_settings_edited_in_config_toml_count_without_a_restart(context):
    context.paths.config_file.write_text(BERLIN_CONFIG, encoding="utf-8")
    context.__dict__.pop("settings", None)
    app = _app(context)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert {d.astimezone(BERLIN).time() for d in _write_days(app.reminders.engine, context.db).values()} == {time(9, 0)}
        context.paths.config_file.write_text(BERLIN_CONFIG + 'reminder_time = "07:15"\n', encoding="utf-8")
        await _rounds(pilot)
        assert app.reminders.engine.settings.reminder_time == time(7, 15)
        days = _write_days(app.reminders.engine, context.db)
        assert days and {d.astimezone(BERLIN).time() for d in days.values()} == {time(7, 15)}
