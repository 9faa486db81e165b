"""The profile: planned dates per occasion, and removing only after a clear yes."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable

from ritual.errors import NotFound
from ritual.store.friends import FriendRepository
from ritual.tui.screens.confirm import ConfirmScreen
from ritual.tui.screens.friends import FriendsScreen
from ritual.tui.screens.profile import ProfileScreen, facts
from tests.tui.conftest import MONDAY, SIZE, friend_id, settle


async def open_profile(app, pilot, friend: int) -> ProfileScreen:
    app.push_screen(ProfileScreen(app.data, friend))
    await settle(pilot)
    return app.screen


async def test_occasions_show_their_write_by_and_post_by(app, context):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_profile(app, pilot, friend_id(context, "Ana Souza"))
        table = screen.query_one("#occasion-table", DataTable)
        assert table.get_row_at(0) == ["birthday", "Sat 14 Mar", "Tue 10 Mar", "Thu 12 Mar"]
        assert ("Birthday", "14 March 1990") in facts(screen.friend, MONDAY)
        assert ("Keep in touch", "every 90 days") in facts(screen.friend, MONDAY)
        details = str(screen.query_one("#profile-details").content)
        assert "Portland" in details and "old maps" in details
        assert not screen.has_class("-narrow")


async def test_a_narrow_terminal_puts_the_occasions_above_the_facts_and_keeps_every_column(app, context):
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_profile(app, pilot, friend_id(context, "Chloé Martin"))
        assert screen.has_class("-narrow")
        table = screen.query_one("#occasion-table", DataTable)
        plan = screen.query_one("#profile-plan")
        assert plan.region.y < screen.query_one("#profile-facts").region.y
        assert table.virtual_size.width <= table.size.width
        assert ("Birthday", "29 February 1988") in facts(screen.friend, MONDAY)
        timeline = str(screen.query_one("#profile-timeline").content)
        assert "None logged in ritual yet; the last letter either way was 3 months ago" in timeline


async def test_focus_shows_which_list_has_the_keys(app, context):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_profile(app, pilot, friend_id(context, "Ana Souza"))
        table = screen.query_one("#occasion-table", DataTable)
        assert screen.focused is table
        lit = table.styles.border_left
        screen.set_focus(None)
        await pilot.pause()
        assert table.styles.border_left != lit


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


async def test_an_address_book_conflict_shows_both_values_in_the_profile(app, context):
    from datetime import datetime, timezone

    from ritual.store.vdir_state import Conflict, VdirState

    ana = friend_id(context, "Ana Souza")
    found = [Conflict("/books/friends", "ana.vcf", ana, "birthday", "1990-03-14", "1990-03-15")]
    VdirState(context.db).set_conflicts("/books/friends", "ana.vcf", found, datetime.now(timezone.utc))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_profile(app, pilot, ana)
        details = str(screen.query_one("#profile-details").content)
        assert "Address book conflict: birthday is 1990-03-14 here, 1990-03-15 on the card" in details
        assert "ritual sync conflicts" in details
