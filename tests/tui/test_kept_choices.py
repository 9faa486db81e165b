"""Theme and friend sort kept across restarts; ctrl+c quits, asking first when a form holds unsaved changes."""

from __future__ import annotations

import stat

from ritual.tui.app import build_app
from ritual.tui.screens.confirm import ConfirmScreen
from ritual.tui.screens.friend_form import FriendFormScreen
from ritual.tui.screens.friends import FriendsScreen
from tests.tui.conftest import SIZE, settle
from tests.tui.test_forms import type_into


async def test_theme_and_sort_come_back_after_a_restart(context):
    first = build_app(context, check_seconds=3600)
    async with first.run_test(size=SIZE) as pilot:
        await settle(pilot)
        first.theme = "nord"
        await pilot.press("f")
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        assert first.screen.order == "next occasion"
    kept = context.paths.state_dir / "app-choices.json"
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    second = build_app(context, check_seconds=3600)
    async with second.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert second.theme == "nord"
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(second.screen, FriendsScreen)
        assert second.screen.order == "next occasion"
        assert "sorted by next occasion" in str(second.screen.query_one("#friends-status").content)


async def test_a_broken_choices_file_is_ignored(context):
    context.paths.state_dir.mkdir(parents=True, exist_ok=True)
    (context.paths.state_dir / "app-choices.json").write_text('{"theme": "no such theme", "friend_sort": 3', "utf-8")
    app = build_app(context, check_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.theme != "no such theme"


async def test_ctrl_c_quits_at_once_without_a_form(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert app.return_code == 0 and not app.is_running


async def test_ctrl_c_asks_first_when_a_form_has_unsaved_changes(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        await type_into(pilot, "name", "Half typed")
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen) and app.is_running
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, FriendFormScreen)
        assert app.screen.query_one("#field-name").value == "Half typed"
        await pilot.press("ctrl+c")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert not app.is_running


async def test_ctrl_c_in_an_untouched_form_quits_at_once(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert not app.is_running
