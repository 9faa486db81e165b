"""The profile: planned dates per occasion, and removing only after a clear yes."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable

from ritual.errors import NotFound
from ritual.store.friends import FriendRepository
from ritual.tui.screens.confirm import ConfirmScreen
from ritual.tui.screens.friends import FriendsScreen
from ritual.tui.screens.profile import ProfileScreen
from tests.tui.conftest import SIZE, friend_id, settle


async def open_profile(app, pilot, friend: int) -> ProfileScreen:
    app.push_screen(ProfileScreen(app.data, friend))
    await settle(pilot)
    return app.screen


async def test_occasions_show_their_write_by_and_post_by(app, context):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_profile(app, pilot, friend_id(context, "Ana Souza"))
        table = screen.query_one("#occasion-table", DataTable)
        assert table.get_row_at(0) == ["birthday", "1990-03-14", "Sat 14 Mar", "Tue 10 Mar", "Thu 12 Mar"]
        details = str(screen.query_one("#profile-details").content)
        assert "every 90 days" in details and "Portland" in details and "old maps" in details


async def test_delete_asks_first_and_no_keeps_the_friend(app, context):
    repo = FriendRepository(context.db)
    dev = friend_id(context, "Dev Patel")
    async with app.run_test(size=SIZE) as pilot:
        await open_profile(app, pilot, dev)
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        assert "Remove Dev Patel" in app.screen.question
        await pilot.press("n")
        assert isinstance(app.screen, ProfileScreen)
        assert repo.get(dev).name == "Dev Patel"
        await pilot.press("d", "enter")
        assert isinstance(app.screen, ProfileScreen) and repo.count() == 5


async def test_delete_with_yes_removes_and_goes_back(app, context):
    repo = FriendRepository(context.db)
    chloe = friend_id(context, "Chloé Martin")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        await open_profile(app, pilot, chloe)
        await pilot.press("d")
        assert "with their birthday and 1 other occasion," in app.screen.question
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, FriendsScreen)
        with pytest.raises(NotFound):
            repo.get(chloe)
        assert [r.name for r in app.screen.rows] == ["Ana Souza", "Ben Carter", "Dev Patel", "Eva Lima"]


async def test_removing_an_occasion_after_confirming(app, context):
    repo = FriendRepository(context.db)
    chloe = friend_id(context, "Chloé Martin")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_profile(app, pilot, chloe)
        await pilot.press("x")
        assert isinstance(app.screen, ProfileScreen)
        await pilot.press("down", "x")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot)
        assert repo.get(chloe).occasions == ()
        assert screen.query_one("#occasion-table", DataTable).row_count == 1
