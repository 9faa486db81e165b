"""Every screen at a fixed size, clock and data; each picture is paired with a check of the state behind it."""

from __future__ import annotations

from datetime import date

from ritual.tui.app import build_app
from ritual.tui.screens.calendar import CalendarScreen
from ritual.tui.screens.confirm import ConfirmScreen
from ritual.tui.screens.friend_form import FriendFormScreen
from ritual.tui.screens.friends import FriendsScreen
from ritual.tui.screens.help import HelpScreen
from ritual.tui.screens.onboarding import OnboardingScreen
from ritual.tui.screens.profile import ProfileScreen
from ritual.tui.screens.week import WeekScreen
from ritual.tui.widgets.friend_table import FriendTable
from ritual.tui.widgets.year_overview import YearOverview
from tests.tui.conftest import SIZE, settle


async def tables_laid_out(pilot) -> None:
    """Wait until every table has measured its new rows (DataTable sizes its columns when the app is idle)."""
    from textual.widgets import DataTable

    def measuring() -> bool:
        return any(t._require_update_dimensions or t._updated_cells for t in pilot.app.screen.query(DataTable))

    for _ in range(100):
        if not measuring():
            break
        await pilot.pause(0.05)
    # New widths repaint on the next refresh: let it land, so the header is never drawn at its old widths.
    for table in pilot.app.screen.query(DataTable):
        table.refresh()
    await pilot.pause()
    await pilot.pause()


def still_cursors(app) -> None:
    """Stop every text cursor blinking (shown hidden), so a picture never depends on when the half-second fell."""
    for widget in app.screen.query("Input, TextArea"):
        widget.cursor_blink = False


def snap(snap_compare, app, keys: tuple[str, ...], check, size: tuple[int, int] = SIZE) -> bool:
    """Press the keys (settling after each), check the state behind the picture, then compare the picture."""
    checked = []

    async def before(pilot) -> None:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)
        # A loaded machine can land a worker's result after the settle: wait (boundedly) for the state checked.
        for _ in range(50):
            if check(pilot.app.screen):
                break
            await pilot.pause(0.1)
            await settle(pilot)
        assert check(pilot.app.screen)
        checked.append(True)
        await tables_laid_out(pilot)
        still_cursors(pilot.app)

    matches = snap_compare(app, terminal_size=size, run_before=before)
    assert checked, "the state check did not run"
    return matches


def is_week_of(day: str):
    return lambda screen: isinstance(screen, WeekScreen) and screen.monday.isoformat() == day


def test_week(snap_compare, app):
    assert snap(snap_compare, app, (), is_week_of("2026-03-09"))


def test_next_week(snap_compare, app):
    assert snap(snap_compare, app, ("right",), is_week_of("2026-03-16"))


def test_friends(snap_compare, app):
    assert snap(snap_compare, app, ("f",), lambda screen: isinstance(screen, FriendsScreen) and len(screen.rows) == 5)


def test_friends_search(snap_compare, app):
    def found(screen) -> bool:
        return [r.name for r in screen.query_one(FriendTable).rows] == ["Ana Souza", "Chloé Martin"]

    assert snap(snap_compare, app, ("f", "slash", "s", "c", "h"), found)


def profile_planned(screen) -> bool:
    """Ana's profile is shown and its occasion table holds the planned dates."""
    return (isinstance(screen, ProfileScreen) and screen.friend is not None and screen.friend.name == "Ana Souza"
            and bool(screen.next_items))


def test_profile(snap_compare, app):
    assert snap(snap_compare, app, ("f", "enter"), profile_planned)


def test_friend_form_with_a_message(snap_compare, app):
    assert snap(snap_compare, app, ("a", "ctrl+s"),
                lambda screen: "Please fill this in" in screen.field_message("name"))


def test_confirm_delete(snap_compare, app):
    assert snap(snap_compare, app, ("f", "enter", "d"),
                lambda screen: isinstance(screen, ConfirmScreen) and "Ana Souza" in screen.question)


def test_calendar_month(snap_compare, app):
    assert snap(snap_compare, app, ("c", *["right"] * 5),
                lambda screen: isinstance(screen, CalendarScreen) and screen.cursor == date(2026, 3, 14))


def test_calendar_year(snap_compare, app):
    assert snap(snap_compare, app, ("c", "y"), lambda screen: screen.query_one(YearOverview).display)


def test_help(snap_compare, app):
    assert snap(snap_compare, app, ("question_mark",),
                lambda screen: isinstance(screen, HelpScreen) and screen.title_text == "The week")


def test_light_theme(snap_compare, context):
    app = build_app(context, check_seconds=3600)
    app.theme = "textual-light"
    assert snap(snap_compare, app, ("f",), lambda screen: screen.app.current_theme.name == "textual-light")


def test_onboarding(snap_compare, empty_context, monkeypatch):
    monkeypatch.setenv("LC_ALL", "C.UTF-8")  # the country field shows the locale's guess: none, whatever the machine
    app = build_app(empty_context, check_seconds=3600)
    assert snap(snap_compare, app, (), lambda screen: isinstance(screen, OnboardingScreen))
