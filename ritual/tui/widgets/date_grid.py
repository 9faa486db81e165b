"""A keyboard- and mouse-driven grid of days: the base of the month calendar and the year overview."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from ritual.core.date_words import add_months
from ritual.tui.formatting import month_title

WEEKDAY_HEADINGS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
OCCASION_MARK = "occasion"
ACTION_MARK = "action"
HOLIDAY_MARK = "holiday"
# What each mark means, in the order the legend names them; the sample day is drawn in the mark's own style.
LEGEND = ((OCCASION_MARK, "occasion"), (ACTION_MARK, "write or post"), (HOLIDAY_MARK, "public holiday"),
          ("today", "today"))
MONTH_LINES = 8  # title, weekday headings and six weeks, so every month has the same height


def month_weeks(year: int, month: int) -> list[list[date | None]]:
    """Six Monday-first weeks; days outside the month are None."""
    weeks = [[d if d.month == month else None for d in week]
             for week in calendar.Calendar(0).monthdatescalendar(year, month)]
    return weeks + [[None] * 7] * (6 - len(weeks))


class DateGrid(Widget, can_focus=True):
    """Days laid out as months, with a cursor, marks for busy days and today."""

    BINDINGS = [
        Binding("left", "move(-1)", "Previous day", show=False),
        Binding("right", "move(1)", "Next day", show=False),
        Binding("up", "move(-7)", "Previous week", show=False),
        Binding("down", "move(7)", "Next week", show=False),
        Binding("pageup,[", "move_month(-1)", "Previous month"),
        Binding("pagedown,]", "move_month(1)", "Next month"),
        Binding("enter", "select", "Show the day"),
    ]
    COMPONENT_CLASSES = {"date-grid--title", "date-grid--weekday", "date-grid--occasion",
                         "date-grid--action", "date-grid--holiday", "date-grid--today", "date-grid--cursor"}
    cursor: reactive[date] = reactive(date(2000, 1, 1))

    class Highlighted(Message):
        """The cursor moved to a day."""

        def __init__(self, grid: DateGrid, day: date) -> None:
            super().__init__()
            self.grid = grid
            self.day = day

    class Selected(Highlighted):
        """A day was chosen with enter or a click."""

    def __init__(self, cursor: date, today: date, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.set_reactive(DateGrid.cursor, cursor)
        self.today = today
        self.marks: dict[date, str] = {}
        self.holidays: dict[date, str] = {}

    def set_marks(self, marks: dict[date, str]) -> None:
        """Mark days that hold occasions or things to do."""
        self.marks = marks
        self.refresh()

    def set_holidays(self, holidays: dict[date, str]) -> None:
        """Mark the public holidays of the home country."""
        self.holidays = holidays
        self.refresh()

    def legend(self) -> Text:
        """What the marks mean, each beside a sample day in its style, two to a line."""
        text = Text()
        for index, (mark, meaning) in enumerate(LEGEND):
            text.append("\n" if index == 2 else ("   " if index else ""))
            text.append(" 8 ", style=self._style(mark))
            text.append(f" {meaning:<14}" if index % 2 == 0 else f" {meaning}")
        return text

    def watch_cursor(self, day: date) -> None:
        """Redraw and tell the screen where the cursor is."""
        self.refresh(layout=True)
        self.post_message(self.Highlighted(self, day))

    def action_move(self, days: int) -> None:
        """Move the cursor by days."""
        self.cursor += timedelta(days=days)

    def action_move_month(self, months: int) -> None:
        """Move the cursor by months."""
        self.cursor = add_months(self.cursor, months)

    def action_select(self) -> None:
        """Choose the day under the cursor."""
        self.post_message(self.Selected(self, self.cursor))

    def on_click(self, event: events.Click) -> None:
        """Put the cursor on the clicked day; a double click chooses it."""
        offset = event.get_content_offset(self)
        day = self.day_at(offset.x, offset.y) if offset else None
        if day is not None:
            self.cursor = day
            if event.chain > 1:
                self.action_select()

    def day_at(self, x: int, y: int) -> date | None:
        """The day drawn at a point of the widget, if any."""
        raise NotImplementedError

    def month_text(self, year: int, month: int, cell: int) -> list[Text]:
        """One month as lines of text, each `7 * cell` wide."""
        width = 7 * cell
        lines = [Text(month_title(year, month).center(width), style=self._style("title"))]
        lines.append(Text("".join(f"{w:>{cell}}" for w in WEEKDAY_HEADINGS), style=self._style("weekday")))
        for week in month_weeks(year, month):
            line = Text()
            for day in week:
                label = f"{day.day:>{cell - 1}}" if day else " " * (cell - 1)
                line.append(" ")
                line.append(label, style=self._day_style(day) if day else "")
            lines.append(line)
        return lines

    def _day_style(self, day: date) -> Style:
        style = Style()
        if day in self.holidays:
            style += self._style(HOLIDAY_MARK)
        mark = self.marks.get(day)
        if mark:
            style += self._style(mark)
        if day == self.today:
            style += self._style("today")
        if day == self.cursor and self.has_focus:
            style += self._style("cursor")
        elif day == self.cursor:
            style += Style(underline=True)
        return style

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"date-grid--{name}", partial=True)

    def on_focus(self) -> None:
        """Show the cursor in full when focused."""
        self.refresh()

    def on_blur(self) -> None:
        """Show the cursor quietly when not focused."""
        self.refresh()
