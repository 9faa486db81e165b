"""A month (or the whole year) with busy days marked; the chosen day's items beside it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from datetime import date

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ritual.core.planner import AgendaItem
from ritual.tui.formatting import LABEL_WIDTH, day_heading, hanging, item_text
from ritual.tui.messages import FriendChosen, YearPlanned
from ritual.tui.screens.base import DataScreen
from ritual.tui.widgets.date_grid import DateGrid
from ritual.tui.widgets.fitted_lines import FittedLines
from ritual.tui.widgets.fitting_footer import FittingFooter
from ritual.tui.widgets.month_calendar import MonthCalendar
from ritual.tui.widgets.year_overview import YearOverview
from ritual.tui.widgets.wrapping_list import WrappingOptionList

if TYPE_CHECKING:
    from ritual.tui.data import RitualData


class CalendarScreen(DataScreen):
    """Month view by default; `y` shows the year."""

    # Below 100 columns the day panel slims down so the year shows two months a row.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    BINDINGS = [
        Binding("y", "toggle_year", "Year / month"),
        Binding("t", "today", "Today"),
    ]

    def __init__(self, data: RitualData) -> None:
        super().__init__(data)
        today = data.today()
        self.cursor = today
        self.planned_year: int | None = None
        self.by_day: dict[date, list[tuple[int, AgendaItem]]] = {}
        self.items: list[AgendaItem] = []
        self.holidays: dict[date, str] = {}

    def compose(self) -> ComposeResult:
        """The grids on the left, the day on the right."""
        today = self.data.today()
        yield Static("Calendar", id="calendar-title", classes="screen-title")
        with Horizontal(id="calendar-body"):
            with VerticalScroll(id="calendar-grids"):
                yield MonthCalendar(today, today, id="month-calendar")
                yield YearOverview(today, today, id="year-overview")
                yield Static(id="calendar-legend")
            with Vertical(id="calendar-day"):
                yield Static(id="day-title", classes="section-title")
                yield WrappingOptionList(id="day-items")
        yield FittingFooter()

    def on_screen_resume(self) -> None:
        """Show today as today: a calendar built ahead while the app was idle may have been built before midnight."""
        today = self.data.today()
        for grid in self.query(DateGrid):
            if grid.today != today:
                if grid.cursor == grid.today:
                    grid.cursor = today  # a cursor still on the day it was built for moves on to the new day
                grid.today = today
                grid.refresh()
        super().on_screen_resume()

    def on_mount(self) -> None:
        """Start with the month, focused."""
        self.query_one("#year-overview").display = False
        self.query_one("#month-calendar").focus()
        self.call_after_refresh(self._show_legend)

    def _show_legend(self) -> None:
        self.query_one("#calendar-legend", Static).update(self.grid.legend())

    @property
    def grid(self) -> DateGrid:
        """The grid being shown."""
        year = self.query_one("#year-overview", YearOverview)
        return year if year.display else self.query_one("#month-calendar", MonthCalendar)

    def load(self) -> None:
        """Plan the cursor's year in the background."""
        self.planned_year = self.cursor.year
        self._plan(self.cursor.year)

    @work(thread=True, exclusive=True, group="calendar-plan")
    def _plan(self, year: int) -> None:
        """*worker*: the year's plan, grouped by day and its days marked here rather than on the event loop."""
        self.post_message(YearPlanned(year, self.data.calendar_year(year), self.data.holidays(year)))

    def on_year_planned(self, message: YearPlanned) -> None:
        """Mark the days and show the chosen day's items."""
        if message.year != self.planned_year:
            return
        self.items, self.by_day, self.holidays = message.planned.items, message.planned.by_day, message.holidays
        for grid in self.query(DateGrid):
            grid.set_marks(message.planned.marks)
            grid.set_holidays(message.holidays)
        self._show_day(self.cursor)

    def on_date_grid_highlighted(self, message: DateGrid.Highlighted) -> None:
        """Follow the cursor: the other grid, the day panel, and the plan when the year changes."""
        self.cursor = message.day
        for grid in self.query(DateGrid):
            if grid is not message.grid:
                grid.set_reactive(DateGrid.cursor, message.day)
                grid.refresh(layout=True)
        if message.day.year != self.planned_year:
            self.load()
        self._show_day(message.day)

    def on_date_grid_selected(self, message: DateGrid.Selected) -> None:
        """Enter on a day: from the year, open its month; in a month, go to its items."""
        if message.grid.id == "year-overview":
            self.action_toggle_year()
        elif self.by_day.get(message.day):
            items = self.query_one("#day-items", OptionList)
            items.highlighted = items.highlighted or 0
            items.focus()

    def _show_day(self, day: date) -> None:
        heading = day_heading(day, self.data.today())
        if day in self.holidays:
            heading = Text.assemble(heading, Text(f"\n{self.holidays[day]} (public holiday)", style="italic"))
        self.query_one("#day-title", Static).update(heading)
        options = self.query_one("#day-items", WrappingOptionList)
        pairs = self.by_day.get(day, [])
        shown = _wrapped(pairs, options)
        options.clear_options()
        if not options.line_width:
            return  # not laid out yet: the items come once it has its width (WidthChanged), wrapped only once
        options.wrapped_for = options.size.width
        options.add_options([Option(FittedLines(text), id=str(i)) for (i, _), text in zip(pairs, shown)]
                            or [Option(Text("Nothing on this day.", style="dim italic"), disabled=True)])

    def on_wrapping_option_list_width_changed(self, _: WrappingOptionList.WidthChanged) -> None:
        """Wrap the day's items again to the panel's new width, unless they were wrapped for it meanwhile."""
        if self.query_one("#day-items", WrappingOptionList).needs_wrapping:
            self._show_day(self.cursor)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter on an item opens the friend."""
        if event.option_id and event.option_id.isdigit():
            self.post_message(FriendChosen(self.items[int(event.option_id)].friend_id))

    def action_toggle_year(self) -> None:
        """Switch between the month and the year."""
        year = self.query_one("#year-overview", YearOverview)
        year.display = not year.display
        self.query_one("#month-calendar").display = not year.display
        self.grid.focus()

    def action_today(self) -> None:
        """Put the cursor on today."""
        self.grid.cursor = self.data.today()


def _wrapped(pairs: list[tuple[int, AgendaItem]], options: WrappingOptionList) -> list[Text]:
    """The day's items wrapped to the width the list has once they are in it, its scrollbar shown or not."""
    width = options.width_for(len(pairs))  # each item takes a line at least
    texts = [hanging(item_text(item), width, LABEL_WIDTH) for _, item in pairs] if width else []
    lines = sum(text.plain.count("\n") + 1 for text in texts)
    if texts and options.width_for(lines) != width:  # wrapped, they overflow after all: a scrollbar takes its cells
        return [hanging(item_text(item), options.width_for(lines), LABEL_WIDTH) for _, item in pairs]
    return texts
