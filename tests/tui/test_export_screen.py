"""Exporting the calendar from the app: the .ics file, CalDAV when set, and calm words when something fails."""

from __future__ import annotations

import socket

import icalendar
import pytest
from textual.widgets import Button, Checkbox, Input, ProgressBar

from ritual.tui.app import RitualApp
from ritual.tui.screens.export import NO_CALDAV, ExportScreen
from ritual.tui.screens.week import WeekScreen
from tests.tui.conftest import SIZE, settle


async def open_export(pilot, file) -> ExportScreen:
    """Open the dialog from the week with `e` and point it at `file`."""
    await settle(pilot)
    await pilot.press("e")
    screen = pilot.app.screen
    assert isinstance(screen, ExportScreen)
    screen.query_one("#export-file", Input).value = str(file)
    return screen


def summaries(path) -> set[str]:
    """Every event title in an .ics file."""
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    return {str(event["SUMMARY"]) for event in calendar.walk("VEVENT")}


async def test_e_on_the_week_writes_the_ics_file_and_says_so(app, tmp_path):
    target = tmp_path / "out" / "ritual.ics"
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_export(pilot, target)
        assert str(screen.query_one("#export-caldav-hint").content) == NO_CALDAV
        assert not screen.query("#export-caldav")
        await pilot.press("ctrl+s")
        await settle(pilot)
        bar = screen.query_one("#export-progress", ProgressBar)
        assert bar.progress == bar.total == 2
        assert screen.status_text.startswith("Wrote ") and screen.status_text.endswith(f"to {target}.")
        assert [n.title for n in app._notifications] == ["Calendar exported"]
        await pilot.press("escape")
        assert isinstance(app.screen, WeekScreen)
    assert oct(target.stat().st_mode & 0o777) == "0o600"
    titles = summaries(target)
    assert "Ana Souza's birthday" in titles and any(t.startswith("Write to Ana Souza") for t in titles)


async def test_a_file_that_cannot_be_written_is_told_calmly_and_can_be_tried_again(app, tmp_path):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_export(pilot, tmp_path)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert screen.status_text.startswith(f"Nothing was exported. {tmp_path} could not be written (is a folder")
        assert screen.query_one("#export-status").has_class("-problem")
        assert not screen.query_one("#export-go", Button).disabled and app.screen is screen
        screen.query_one("#export-file", Input).value = str(tmp_path / "second-try.ics")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert screen.status_text.startswith("Wrote ")
    assert (tmp_path / "second-try.ics").is_file()


async def test_the_command_palette_offers_export_on_every_screen(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        command = next(c for c in app.get_system_commands(app.screen) if c.title == "Export the calendar")
        command.callback()
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)


def caldav_app(context, url: str, user: str = "") -> RitualApp:
    """The app with a CalDAV calendar set in its settings."""
    settings = context.settings._replace(caldav_url=url, caldav_user=user)
    return RitualApp(settings, context.db, context.clock, 3600, paths=context.paths)


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


async def test_an_unreachable_caldav_server_leaves_the_file_written_and_says_why(context, tmp_path):
    url = f"http://127.0.0.1:{closed_port()}/ana/ritual/"
    app = caldav_app(context, url)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_export(pilot, tmp_path / "ritual.ics")
        assert screen.query_one("#export-caldav", Checkbox).value
        await pilot.press("ctrl+s")
        await settle(pilot)
        done, problem = screen.status_text.splitlines()
        assert done.startswith("Wrote ") and problem.startswith("The CalDAV calendar was left as it was: cannot reach")
        assert screen.query_one("#export-progress", ProgressBar).progress == 3
    assert (tmp_path / "ritual.ics").is_file()


async def test_publishing_to_a_real_caldav_server_creates_every_event(context, tmp_path, monkeypatch):
    caldav = pytest.importorskip("caldav", reason="the caldav extra is not installed")
    pytest.importorskip("radicale", reason="radicale is not installed")
    from ritual.services.calendar.caldav_auth import PASSWORD_ENV, CalDavTarget
    from ritual.services.calendar.caldav_sync import sync_calendar
    from tests.services.test_caldav_sync import start_radicale

    monkeypatch.setenv(PASSWORD_ENV, "any")
    server, base = start_radicale(tmp_path, "--auth-type", "none")
    try:
        url = f"{base}/ana/ritual/"
        sync_calendar(CalDavTarget(url, "ana"), [], create=True)
        app = caldav_app(context, url, "ana")
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_export(pilot, tmp_path / "ritual.ics")
            await pilot.press("ctrl+s")
            await settle(pilot)
            lines = screen.status_text.splitlines()
        events = caldav.Calendar(client=caldav.DAVClient(url=url, username="ana"), url=url).events()
    finally:
        server.terminate()
        server.wait(10)
    written = len(icalendar.Calendar.from_ical((tmp_path / "ritual.ics").read_bytes()).walk("VEVENT"))
    assert lines == [f"Wrote {written} events to {tmp_path / 'ritual.ics'}.",
                     f"Synced {url}: {written} created, 0 updated, 0 deleted, 0 unchanged."]
    assert len(events) == written
