"""A month grid with a day cursor: the calendar widget Textual does not ship."""

from __future__ import annotations

from datetime import date

from rich.text import Text

from ritual.tui.widgets.date_grid import MONTH_LINES, DateGrid, month_weeks

CELL = 4


class MonthCalendar(DateGrid):
    """One month, Monday first; the month follows the cursor."""

    DEFAULT_CSS = """
    MonthCalendar { width: 31; height: 8; padding: 0 1; }  /* 28 for the days, the focus edge and padding */
    MonthCalendar > .date-grid--title { text-style: bold; }
    MonthCalendar > .date-grid--weekday { color: $text-muted; }
    MonthCalendar > .date-grid--occasion { color: $accent; text-style: bold; }
    MonthCalendar > .date-grid--action { text-style: underline; }
    MonthCalendar > .date-grid--holiday { color: $warning; text-style: italic; }
    MonthCalendar > .date-grid--today { background: $boost; text-style: bold italic; }
    MonthCalendar > .date-grid--cursor { background: $accent; color: $text; }
    """

    def render(self) -> Text:
        """The cursor's month."""
        return Text("\n").join(self.month_text(self.cursor.year, self.cursor.month, CELL))

    def day_at(self, x: int, y: int) -> date | None:
        """The day under a point, or None outside the days."""
        row, column = y - 2, x // CELL  # the title and the weekday headings come first
        if not (0 <= row < MONTH_LINES - 2 and 0 <= column < 7):
            return None
        return month_weeks(self.cursor.year, self.cursor.month)[row][column]
