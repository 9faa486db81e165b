"""The calendar's legend for its marks, and the home country's public holidays marked and named."""

from __future__ import annotations

from datetime import date

from textual.widgets import Static

from ritual.tui.widgets.month_calendar import MonthCalendar
from ritual.tui.widgets.year_overview import YearOverview
from tests.tui.conftest import SIZE, settle
from tests.tui.test_calendar_screen import open_calendar


async def test_public_holidays_of_the_home_country_are_marked_and_named(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_calendar(app, pilot)
        month = screen.query_one(MonthCalendar)
        assert month.holidays.get(date(2026, 5, 25)) == "Memorial Day"
        assert date(2026, 7, 4) in screen.query_one(YearOverview).holidays
        month.cursor = date(2026, 5, 25)
        await settle(pilot)
        assert "Memorial Day (public holiday)" in str(screen.query_one("#day-title", Static).content)
        month.cursor = date(2026, 5, 26)
        await settle(pilot)
        assert "public holiday" not in str(screen.query_one("#day-title", Static).content)


async def test_the_legend_names_every_mark(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_calendar(app, pilot)
        legend = str(screen.query_one("#calendar-legend", Static).content)
        for meaning in ("occasion", "write or post", "public holiday", "today"):
            assert meaning in legend


def test_the_calendar_with_its_legend_at_80_columns(app, snap_compare):
    async def before(pilot):
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=before)
