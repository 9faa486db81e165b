"""Onboarding on an empty home, help for the current screen, the command palette and themes."""

from __future__ import annotations

from textual.widgets import Button, DataTable

from ritual.store.friends import FriendRepository
from ritual.tui.app import build_app
from ritual.tui.data import DEMO_COUNT
from ritual.tui.screens.friend_form import FriendFormScreen
from ritual.tui.screens.help import HelpScreen
from ritual.tui.screens.onboarding import OnboardingScreen
from ritual.tui.screens.week import WeekScreen
from tests.tui.conftest import SIZE, settle
from tests.tui.test_forms import type_into


async def test_an_empty_home_opens_on_the_welcome_and_loads_demo_friends(empty_context):
    app = build_app(empty_context, check_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, OnboardingScreen)
        assert not app.screen.query_one("#onboard-import", Button).disabled
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, WeekScreen)
        assert FriendRepository(empty_context.db).count() == DEMO_COUNT
        assert app.screen.query_one("#week-open").option_count > 0


async def test_the_welcome_can_add_the_first_friend(empty_context):
    app = build_app(empty_context, check_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.click("#onboard-add")
        assert isinstance(app.screen, FriendFormScreen)
        await type_into(pilot, "name", "Mia Weber")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, WeekScreen)
        assert [f.name for f in FriendRepository(empty_context.db).all()] == ["Mia Weber"]


async def test_help_lists_the_keys_of_the_screen_underneath(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        rows = [tuple(r) for r in app.screen.keys]
        assert ("← [", "Previous week") in rows and ("→ ]", "Next week") in rows
        assert {"Next week", "Today", "Add friend", "Friends", "Calendar", "Quit"} <= {d for _, d in rows}
        assert app.screen.query_one(DataTable).row_count == len(rows)
        await pilot.press("escape")
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("question_mark")
        assert {"Year / month", "Next month", "Show the day"} <= {d for _, d in app.screen.keys}


async def test_the_command_palette_offers_every_screen_action(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert {"Previous week", "Next week", "Today", "Friends", "Calendar", "Add friend", "Theme"} <= titles
        command = next(c for c in app.get_system_commands(app.screen) if c.title == "Next week")
        await command.callback()
        await settle(pilot)
        assert str(app.screen.monday) == "2026-03-16"


async def test_themes_apply_without_losing_the_screen(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.theme = "textual-light"
        await pilot.pause()
        assert app.current_theme.name == "textual-light" and isinstance(app.screen, WeekScreen)


async def test_a_section_key_always_shows_the_section_itself(app):
    from ritual.tui.screens.friends import FriendsScreen
    from ritual.tui.screens.profile import ProfileScreen

    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ProfileScreen)
        await pilot.press("w")
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, FriendsScreen)
        await pilot.press("w")
        await pilot.press("e")
        assert type(app.screen).__name__ == "ExportScreen"


async def test_letters_typed_on_the_week_are_not_taken_for_its_keys(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        # "h" means nothing on the week, so what follows it is typing: the "a", "d" and "y" of it do nothing either.
        await pilot.press(*"holiday")
        await settle(pilot)
        assert isinstance(app.screen, WeekScreen)
        assert app.screen.monday.isoformat() == "2026-03-09"


async def test_toasts_never_pile_up(app):
    from ritual.tui.app import MOST_TOASTS

    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for n in range(MOST_TOASTS + 2):
            app.notify(f"note {n}")
        await pilot.pause()
        assert [n.message for n in app._notifications] == [f"note {n}" for n in range(2, MOST_TOASTS + 2)]


async def test_the_palette_has_each_action_once_and_no_cursor_moves(app):
    from ritual.tui.screens.friends import FriendsScreen

    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for key in ("w", "f"):
            await pilot.press(key)
            await settle(pilot)
            titles = [command.title for command in app.get_system_commands(app.screen)]
            assert len(titles) == len(set(titles))
            assert not {"Down", "Up", "Focus Next", "Focus Previous", "Keys", "Screenshot"} & set(titles)
            assert ("Add a friend" in titles) != ("Add friend" in titles)
            assert {"Theme", "Quit"} <= set(titles)
        assert isinstance(app.screen, FriendsScreen)
        assert {"Edit", "Add occasion", "Delete", "Search", "Sort"} <= set(titles)


async def test_the_open_app_is_known_to_remind_status_and_forgotten_on_quitting(app, context):
    import os

    from ritual.services.reminders.app_presence import app_open_pid

    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app_open_pid(context.paths.state_dir) == os.getpid()
    assert app_open_pid(context.paths.state_dir) is None
