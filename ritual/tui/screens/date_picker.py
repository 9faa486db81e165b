"""The small date picker opened from a date field: one month, arrows to move, enter to choose."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from ritual.tui.widgets.date_grid import DateGrid
from ritual.tui.widgets.month_calendar import MonthCalendar
from ritual.tui.screens.base import QuickOpening

HINT = "arrows move · [ ] a month\nenter chooses · esc leaves"


class DatePickerScreen(QuickOpening, ModalScreen[date | None]):
    """A month grid over the form; enter chooses the day under the cursor, escape keeps the field as it was."""

    DEFAULT_CSS = """
    DatePickerScreen { align: center middle; }
    DatePickerScreen > Vertical { width: 35; height: auto; border: round $accent; background: $panel; }
    DatePickerScreen .picker-hint { color: $text-muted; padding: 0 1; }
    """
    BINDINGS = [Binding("escape", "cancel", "Leave")]

    def __init__(self, start: date, today: date) -> None:
        super().__init__()
        self.start = start
        self.today = today

    def compose(self) -> ComposeResult:
        """The month of the field's day, and how to use it."""
        with Vertical():
            yield MonthCalendar(self.start, self.today, id="date-picker")
            yield Static(HINT, classes="picker-hint")

    def on_mount(self) -> None:
        """The arrows move the cursor at once."""
        self.query_one(MonthCalendar).focus()

    @on(DateGrid.Selected)
    def _chosen(self, event: DateGrid.Selected) -> None:
        event.stop()
        self.dismiss(event.day)

    def action_cancel(self) -> None:
        """Leave the field as it was."""
        self.dismiss(None)
