"""The calendar: a month that follows the cursor, the year overview, and the chosen day's items."""

from __future__ import annotations

from datetime import date

from textual.widgets import OptionList

from ritual.tui.screens.calendar import CalendarScreen
from ritual.tui.screens.profile import ProfileScreen
from ritual.core.date_words import add_months
from ritual.tui.widgets.date_grid import ACTION_MARK, MONTH_LINES, OCCASION_MARK, month_weeks
from ritual.tui.widgets.month_calendar import MonthCalendar
from ritual.tui.widgets.year_overview import BLOCK_HEIGHT, YearOverview
from tests.tui.conftest import MONDAY, SIZE, settle


async def open_calendar(app, pilot) -> CalendarScreen:
    await settle(pilot)
    await pilot.press("c")
    await settle(pilot)
    assert isinstance(app.screen, CalendarScreen)
    return app.screen


def day_prompts(screen: CalendarScreen) -> list[str]:
    """The day's items as read, their wrapped lines joined again."""
    options = screen.query_one("#day-items", OptionList)
    return [" ".join(str(options.get_option_at_index(i).prompt).split()) for i in range(options.option_count)]


async def test_keys_move_the_cursor_by_day_week_and_month(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_calendar(app, pilot)
        month = screen.query_one(MonthCalendar)
        assert month.cursor == MONDAY and month.has_focus
        await pilot.press("right", "down")
        assert month.cursor == date(2026, 3, 17)
        await pilot.press("pagedown")
        assert month.cursor == date(2026, 4, 17)
        await pilot.press("[", "[", "left")
        assert month.cursor == date(2026, 2, 16)
        await pilot.press("t")
        assert screen.cursor == MONDAY


async def test_busy_days_are_marked_and_the_day_lists_its_items(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_calendar(app, pilot)
        month = screen.query_one(MonthCalendar)
        assert month.marks[date(2026, 3, 14)] == OCCASION_MARK
        assert month.marks[date(2026, 3, 10)] == ACTION_MARK
        await pilot.press("right", "right", "right", "right", "right")
        assert screen.cursor == date(2026, 3, 14)
        assert any("Ana Souza's birthday (36)" in p for p in day_prompts(screen))
        await pilot.press("enter")
        assert screen.query_one("#day-items").has_focus
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ProfileScreen) and app.screen.friend.name == "Ana Souza"


async def test_year_overview_opens_the_month_of_the_chosen_day(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_calendar(app, pilot)
        await pilot.press("y")
        year = screen.query_one(YearOverview)
        assert year.display and year.has_focus
        await pilot.press("pagedown", "pagedown", "pagedown")
        assert year.cursor == date(2026, 6, 9)
        assert year.marks[date(2026, 6, 20)] == OCCASION_MARK
        await pilot.press("enter")
        month = screen.query_one(MonthCalendar)
        assert month.display and month.has_focus and month.cursor == date(2026, 6, 9)


async def test_moving_into_another_year_plans_that_year(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_calendar(app, pilot)
        for _ in range(10):
            await pilot.press("pagedown")
        await settle(pilot)
        assert screen.cursor == date(2027, 1, 9) and screen.planned_year == 2027
        assert screen.query_one(MonthCalendar).marks[date(2027, 3, 14)] == OCCASION_MARK


async def test_clicking_a_day_moves_the_cursor(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_calendar(app, pilot)
        # Padding 1, then four cells per day: Friday is column 4; the row of 20 March is the fourth week.
        await pilot.click(MonthCalendar, offset=(1 + 4 * 4 + 2, 2 + 3))
        assert screen.cursor == date(2026, 3, 20)


def test_month_grid_has_six_monday_first_weeks():
    weeks = month_weeks(2026, 2)
    assert len(weeks) == 6 and weeks[0][6] == date(2026, 2, 1) and weeks[0][0] is None
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2024, 3, 31), -13) == date(2023, 2, 28)


def month_on_screen(year: YearOverview) -> bool:
    """True when every line of the cursor's month is inside the scrolled view."""
    view = year.parent
    top = year.virtual_region.y + (year.cursor.month - 1) // year.columns * BLOCK_HEIGHT
    shown = view.scroll_offset.y
    return shown <= top and top + MONTH_LINES <= shown + view.scrollable_content_region.height


async def test_the_year_at_80_columns_shows_months_side_by_side_and_scrolls_to_the_chosen_one(app):
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_calendar(app, pilot)
        await pilot.press("y")
        await settle(pilot)
        year = screen.query_one(YearOverview)
        assert year.columns >= 2
        assert month_on_screen(year)
        await pilot.press(*["pagedown"] * 8)
        await settle(pilot)
        assert year.cursor.month == 11 and month_on_screen(year)
        await pilot.press(*["pageup"] * 10)
        await settle(pilot)
        assert year.cursor.month == 1 and month_on_screen(year)


async def test_a_calendar_made_before_midnight_shows_the_new_day_as_today_when_it_comes_back(app):
    from datetime import timedelta

    from ritual.clock import Clock

    async with app.run_test(size=SIZE) as pilot:
        screen = await open_calendar(app, pilot)
        await pilot.press("w")
        await settle(pilot)
        tomorrow = MONDAY + timedelta(days=1)
        app.data.clock = Clock(tomorrow)  # the app stayed open past midnight
        await pilot.press("c")
        await settle(pilot)
        assert app.screen is screen
        assert {(g.today, g.cursor) for g in screen.query("DateGrid")} == {(tomorrow, tomorrow)}
        assert screen.cursor == tomorrow
