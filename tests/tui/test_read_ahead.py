"""While the app is idle it reads ahead what the friend list and the calendar first show; shared until it changes."""

from __future__ import annotations

import gc
import sys
from datetime import date, timedelta

from textual.widgets import Select

import ritual.tui.read_ahead as read_ahead_module
from ritual.paths import shipped_config_dir
from ritual.services.letters import decks
from ritual.core.dates import PartialDate
from ritual.core.model import Friend
from ritual.store.friends import FriendRepository
from ritual.store.supplies import SupplyRepository
from ritual.tui.data import RitualData
from ritual.tui.friend_rows import FriendRow, NextOccasion, with_next_occasions
from ritual.tui.screens.friends import FriendsScreen
from ritual.tui.widgets.friend_table import FriendTable
from tests.tui.conftest import MONDAY, SIZE, settle, workers_done


def data_of(context) -> RitualData:
    return RitualData(context.settings, context.db, context.clock)


def test_a_plan_asked_for_again_is_shared_until_something_it_is_made_from_changes(context):
    data = data_of(context)
    first = data.year_plan(2026)
    again = data.year_plan(2026)
    assert again == first and again is not first  # each asker gets a list of its own
    assert all(a is b for a, b in zip(first, again))  # made once: the very same items
    FriendRepository(context.db).add(Friend(name="Zoe Quinn", birthday=PartialDate(7, 1)))
    changed = data.year_plan(2026)
    assert any(item.friend == "Zoe Quinn" for item in changed)
    assert not any(item.friend == "Zoe Quinn" for item in first)


def test_the_calendars_year_is_grouped_by_day_once_and_again_after_a_change(context):
    data = data_of(context)
    first = data.calendar_year(2026)
    assert data.calendar_year(2026) is first
    assert [item.friend for _, item in first.by_day[date(2026, 3, 14)]][:1] == ["Ana Souza"]
    assert all(first.items[index] is item for pairs in first.by_day.values() for index, item in pairs)
    FriendRepository(context.db).add(Friend(name="Zoe Quinn", birthday=PartialDate(7, 1)))
    changed = data.calendar_year(2026)
    assert changed is not first and "Zoe Quinn" in {item.friend for _, item in changed.by_day[date(2026, 7, 1)]}


def test_a_plan_is_made_again_with_new_settings(context):
    data = data_of(context)
    first = data.year_plan(2026)
    data.settings = data.settings._replace()  # a new settings object, as choosing a home country makes
    assert not all(a is b for a, b in zip(first, data.year_plan(2026)))


def test_a_week_asked_for_again_is_shared_with_the_weekly_review_until_something_in_it_changes(context):
    data = data_of(context)
    shown = data.week(MONDAY)
    assert data.week(MONDAY + timedelta(days=2)) is shown  # any day of the week: the same week
    review, _ = data.weekly_review()
    assert review.plan is shown
    SupplyRepository(context.db).set("domestic", 3)  # supplies change a week's shortfalls
    again = data.week(MONDAY)
    assert again is not shown and again.monday == MONDAY
    data.settings = data.settings._replace()  # a new settings object, as choosing a home country makes
    assert data.week(MONDAY) is not again


def test_planned_rows_are_ready_once_made_and_not_after_a_change(context):
    data = data_of(context)
    assert data.ready_planned_friend_rows() is None
    planned = data.planned_friend_rows()
    assert data.ready_planned_friend_rows() is planned
    ana = next(row for row in planned if row.name == "Ana Souza")
    assert ana.next_occasion == NextOccasion(date(2026, 3, 14), "birthday")
    FriendRepository(context.db).add(Friend(name="Zoe Quinn"))
    assert data.ready_planned_friend_rows() is None


def test_next_occasions_fill_in_only_that_field():
    rows = [FriendRow(1, "Ana", "Aninha", ("school",), "Portland", "US", MONDAY, None, "ana", "ana"),
            FriendRow(2, "Ben", city="York")]
    found = {1: NextOccasion(MONDAY + timedelta(days=5), "birthday")}
    filled = with_next_occasions(rows, found)
    assert filled == [rows[0]._replace(next_occasion=found[1]), rows[1]]
    assert all(type(row) is FriendRow for row in filled)


async def test_after_a_moment_open_the_friend_list_and_calendar_are_read_and_the_screens_code_loaded(app, monkeypatch):
    monkeypatch.setattr(read_ahead_module, "READ_AHEAD_SECONDS", 0.05)
    monkeypatch.setattr(decks, "_read", {})  # no deck parsed yet in this run
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.pause(0.2)
        await workers_done(app)
        assert app.data.ready_planned_friend_rows() is not None
        assert {"ritual.tui.screens.calendar", "ritual.tui.screens.letter_box", "ritual.tui.screens.ritual",
                "ritual.tui.screens.review"} <= set(sys.modules)
        assert set((shipped_config_dir() / decks.PROMPTS_FOLDER).glob("*.toml")) <= set(decks._read)
        await pilot.press("f")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, FriendsScreen)
        # Read ahead, the rows come in one go: next occasions and the circles to filter by are there all the same.
        shown = {row.name: row for row in screen.query_one(FriendTable).rows}
        assert shown["Ana Souza"].next_occasion == NextOccasion(date(2026, 3, 14), "birthday")
        circles = [value for _, value in screen.query_one("#circle-filter", Select)._options if isinstance(value, str)]
        assert circles == ["book club", "choir", "pen pals", "school", "work"]


async def test_reading_ahead_waits_while_keys_come(app, monkeypatch):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        monkeypatch.setattr(read_ahead_module, "READ_AHEAD_SECONDS", 0.3)
        frozen = gc.get_freeze_count()
        app.start_reading_ahead()
        for _ in range(6):  # a key every 0.1 s for 0.6 s: never a quiet 0.3 s
            await pilot.press("down")
            await pilot.pause(0.1)
            assert app.data.ready_planned_friend_rows() is None
        await pilot.pause(0.5)
        await workers_done(app)
        assert app.data.ready_planned_friend_rows() is not None
        assert gc.get_freeze_count() > frozen  # what was read is set aside from later collections


async def test_while_idle_the_calendar_and_letter_box_are_built_off_screen_and_open_filled(app, monkeypatch):
    monkeypatch.setattr(read_ahead_module, "READ_AHEAD_SECONDS", 0.05)
    monkeypatch.setattr(read_ahead_module, "BUILD_GAP_SECONDS", 0.05)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        week = app.screen
        await pilot.pause(0.6)
        await settle(pilot)
        built = {mode: app._screen_stacks.get(mode, [None])[0] for mode in ("calendar", "box")}
        assert type(built["calendar"]).__name__ == "CalendarScreen" and type(built["box"]).__name__ == "LetterBoxScreen"
        assert app.screen is week and app.focused is not None and app.focused.screen is week
        await pilot.press("c")
        assert app.screen is built["calendar"] and app.screen.by_day  # shown as it was built: the year is there
        await settle(pilot)
        assert app.screen.query_one("#day-items").option_count > 0
        await pilot.press("b")
        await settle(pilot)
        assert app.screen is built["box"]
