"""Twelve small months of the cursor's year, sharing one day cursor, in as many columns as fit."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.geometry import Region, Size

from ritual.tui.widgets.date_grid import MONTH_LINES, DateGrid, month_weeks

CELL = 3
GAP = 3
BLOCK_WIDTH = 7 * CELL + GAP
BLOCK_HEIGHT = MONTH_LINES + 1


def columns_for(width: int) -> int:
    """How many months fit side by side in `width` cells (1 to 6)."""
    return max(1, min(6, (width + GAP) // BLOCK_WIDTH))


class YearOverview(DateGrid):
    """A year of months, laid out to the width it is given."""

    DEFAULT_CSS = """
    YearOverview { width: 1fr; height: auto; padding: 0 1; }
    YearOverview > .date-grid--title { text-style: bold; }
    YearOverview > .date-grid--weekday { color: $text-muted; }
    YearOverview > .date-grid--occasion { color: $accent; text-style: bold; }
    YearOverview > .date-grid--action { text-style: underline; }
    YearOverview > .date-grid--holiday { color: $warning; text-style: italic; }
    YearOverview > .date-grid--today { background: $boost; text-style: bold italic; }
    YearOverview > .date-grid--cursor { background: $accent; color: $text; }
    """

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """Rows of months times their height."""
        rows = -(-12 // columns_for(width))
        return rows * BLOCK_HEIGHT - 1

    @property
    def columns(self) -> int:
        """Months per row at the current width."""
        return columns_for(self.content_size.width)

    def watch_cursor(self, day: date) -> None:
        """Redraw, tell the screen, and keep the cursor's month on screen."""
        super().watch_cursor(day)
        self.call_after_refresh(self.show_cursor_month)

    def on_show(self) -> None:
        """Shown again: the cursor may have moved in the month view meanwhile."""
        self.call_after_refresh(self.show_cursor_month)

    def on_resize(self) -> None:
        """A new width regroups the months: find the cursor's again."""
        self.call_after_refresh(self.show_cursor_month)

    def show_cursor_month(self) -> None:
        """Scroll the view holding the year so the whole of the cursor's month is visible."""
        if not self.display or self.parent is None or not self.content_size.width:
            return
        top = (self.cursor.month - 1) // self.columns * BLOCK_HEIGHT
        month = Region(0, top, self.content_size.width, MONTH_LINES)
        self.parent.scroll_to_region(month.translate(self.virtual_region.offset), animate=False, immediate=True)

    def render(self) -> Text:
        """All twelve months of the cursor's year."""
        lines: list[Text] = []
        for first in range(1, 13, self.columns):
            months = [self.month_text(self.cursor.year, m, CELL) for m in range(first, min(first + self.columns, 13))]
            for row in range(MONTH_LINES):
                lines.append(Text(" " * GAP).join(month[row] for month in months))
            lines.append(Text())
        return Text("\n").join(lines[:-1])

    def day_at(self, x: int, y: int) -> date | None:
        """The day under a point, or None between the months."""
        block_row, inner_y = divmod(y, BLOCK_HEIGHT)
        block_column, inner_x = divmod(x, BLOCK_WIDTH)
        row, column = inner_y - 2, inner_x // CELL
        month = block_row * self.columns + block_column + 1
        if not (block_column < self.columns and 1 <= month <= 12 and 0 <= row < MONTH_LINES - 2 and column < 7):
            return None
        return month_weeks(self.cursor.year, month)[row][column]
