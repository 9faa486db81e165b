"""Plain text of many lines, wrapped to its width and drawn a line at a time: only the lines in view are drawn."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from rich.cells import cell_len
from rich.console import Console
from rich.segment import Segment
from rich.text import Text
from textual.geometry import Size
from textual.strip import Strip
from textual.widget import Widget

from ritual.text.safe import visible

TAB_SIZE = 8


class LongText(Widget):
    """A page of plain text that may run to thousands of lines (the weekly review of 10,000 friends).

    A Static wraps and draws all of its text at every layout; this one wraps once per width, says its height
    from that, and draws only the rows the screen shows, so a page of two thousand lines opens as quickly as one.
    """

    DEFAULT_CSS = "LongText { height: auto; }"

    def __init__(self, text: str = "", *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._text = ""
        self._fit: Callable[[int], str] | None = None  # makes the text for a width, when it is wrapped by its maker
        self._rows: list[str] = []
        self._wrapped_for = -1  # the width the rows were wrapped to; -1 until they are
        self.update(text)

    @property
    def content(self) -> str:
        """The text shown (control characters as visible stand-ins)."""
        return self._text

    def update(self, text: str) -> None:
        """Show `text` instead."""
        self._fit = None
        self._text = visible(text).expandtabs(TAB_SIZE)
        self._wrapped_for = -1
        self.refresh(layout=True)

    def update_fitted(self, fit: Callable[[int], str]) -> None:
        """Show the text `fit(width)` gives, made again whenever the width changes: the maker wraps its own lines
        (a hanging indent under a label), which a plain wrap here would lose."""
        self._fit = fit
        self._text = visible(fit(max(self.size.width, 1))).expandtabs(TAB_SIZE)
        self._wrapped_for = -1
        self.refresh(layout=True)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        """As wide as its widest line, within the room there is."""
        return min(container.width, max((cell_len(line) for line in self._text.split("\n")), default=0))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """As many rows as the text takes wrapped to `width`."""
        return len(self._rows_at(width))

    def render_line(self, y: int) -> Strip:
        """One row of the wrapped text, in the widget's style."""
        width = self.size.width
        rows = self._rows_at(width)
        style = self.rich_style
        row = rows[y] if 0 <= y < len(rows) else ""
        return Strip([Segment(row, style)]).adjust_cell_length(width, style)

    def _rows_at(self, width: int) -> list[str]:
        """The rows at `width`, wrapped again only when the width or the text changed."""
        if width != self._wrapped_for:
            if self._fit is not None and width > 0:
                self._text = visible(self._fit(width)).expandtabs(TAB_SIZE)
            self._rows = wrapped_rows(self._text, width)
            self._wrapped_for = width
        return self._rows


def wrapped_rows(text: str, width: int) -> list[str]:
    """`text` wrapped at word boundaries to rows of `width` cells, a word longer than a row folded."""
    rows: list[str] = []
    for line in text.split("\n"):
        if cell_len(line) <= width or width <= 0:
            rows.append(line)
        else:
            rows += [str(part).rstrip() for part in Text(line).wrap(_console(), width, overflow="fold")]
    return rows


@cache
def _console() -> Console:
    """The console Rich wraps with; plain text wraps the same on any, so one quiet console serves every row."""
    return Console(width=1000, color_system=None)
