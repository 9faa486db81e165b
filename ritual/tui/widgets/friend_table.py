"""A virtual list of friends: only the visible lines are drawn, so 10,000 rows scroll and filter fast."""

from __future__ import annotations

from datetime import date

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ritual.tui.formatting import short_date, since
from ritual.tui.friend_rows import FriendRow
from ritual.tui.messages import FriendChosen
from ritual.text.safe import one_line

# (heading, width) in the order shown; the name column takes what is left.
COLUMNS = (("Circles", 22), ("Where", 16), ("Next occasion", 25), ("Last letter", 14))
# Which columns a narrower terminal keeps, most wanted first; a column is shown whole or not at all.
KEPT_FIRST = ("Next occasion", "Last letter", "Where", "Circles")
NAME_MIN = 18


class FriendTable(ScrollView, can_focus=True):
    """Friends one per line under a fixed heading, with a cursor; enter or a double click opens one."""

    BINDINGS = [
        Binding("up", "move(-1)", "Up", show=False),
        Binding("down", "move(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "jump(0)", "First", show=False),
        Binding("end", "jump(-1)", "Last", show=False),
        Binding("enter", "choose", "Open profile"),
    ]
    COMPONENT_CLASSES = {"friend-table--heading", "friend-table--cursor", "friend-table--muted"}
    DEFAULT_CSS = """
    FriendTable { height: 1fr; }
    FriendTable > .friend-table--heading { text-style: bold; color: $text-muted; }
    FriendTable > .friend-table--cursor { background: $boost; text-style: bold; }
    FriendTable:focus > .friend-table--cursor { background: $accent 40%; }
    FriendTable > .friend-table--muted { color: $text-muted; }
    """
    cursor: reactive[int] = reactive(0, always_update=True)

    def __init__(self, today: date, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.today = today
        self.rows: list[FriendRow] = []

    def show_rows(self, rows: list[FriendRow]) -> None:
        """Replace the rows, keeping the cursor on the same friend when it is still there."""
        current = self.current_row
        self.rows = rows
        self._fit_virtual_size()
        index = next((i for i, r in enumerate(rows) if current and r.id == current.id), 0)
        self.cursor = index
        self.refresh()

    def _fit_virtual_size(self) -> None:
        """As tall as the rows; the screen is laid out again only when the scrollbar comes or goes."""
        size = Size(self.size.width, len(self.rows) + 1)
        if size == self.virtual_size:
            return
        scrollbar_stays = (size.height > self.size.height) == self.show_vertical_scrollbar
        if not self.size.height or not scrollbar_stays:
            self.virtual_size = size
            return
        # A search keystroke changes how many rows there are: the scrollbar follows without a layout of
        # everything on the screen, which would cost more than the filtering itself.
        self.set_reactive(FriendTable.virtual_size, size)
        self._scroll_update(size)

    @property
    def current_row(self) -> FriendRow | None:
        """The friend under the cursor."""
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    def validate_cursor(self, value: int) -> int:
        """Keep the cursor on a row."""
        return max(0, min(value, len(self.rows) - 1))

    def watch_cursor(self) -> None:
        """Scroll so the cursor line is visible below the heading."""
        visible = max(1, self.size.height - 1)
        top = round(self.scroll_offset.y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False)
        elif self.cursor >= top + visible:
            self.scroll_to(y=self.cursor - visible + 1, animate=False)
        self.refresh()

    def action_move(self, step: int) -> None:
        """Move the cursor by lines."""
        self.cursor += step

    def action_page(self, direction: int) -> None:
        """Move the cursor by a screenful."""
        self.cursor += direction * max(1, self.size.height - 2)

    def action_jump(self, index: int) -> None:
        """Go to the first or the last friend."""
        self.cursor = index if index >= 0 else len(self.rows) - 1

    def action_choose(self) -> None:
        """Open the friend under the cursor."""
        if self.current_row is not None:
            self.post_message(FriendChosen(self.current_row.id))

    def on_click(self, event: events.Click) -> None:
        """A click moves the cursor; a double click opens the friend."""
        offset = event.get_content_offset(self)
        if offset is None or offset.y == 0:
            return
        self.cursor = round(self.scroll_offset.y) + offset.y - 1
        if event.chain > 1:
            self.action_choose()

    def on_resize(self) -> None:
        """Keep the scrollable size in step with the width."""
        self.virtual_size = Size(self.size.width, len(self.rows) + 1)

    def render_line(self, y: int) -> Strip:
        """The heading on the first line, then the friends in view."""
        width = self.size.width
        if y == 0:
            return self._strip(self._heading_cells(), self._style("heading"), width)
        index = round(self.scroll_offset.y) + y - 1
        if index >= len(self.rows):
            return Strip.blank(width, self.rich_style)
        style = self.rich_style + (self._style("cursor") if index == self.cursor else Style())
        return self._strip(self._row_cells(self.rows[index]), style, width)

    def _heading_cells(self) -> list[tuple[str, str]]:
        return [("Name", ""), *((title, "") for title, _ in COLUMNS)]

    def _row_cells(self, row: FriendRow) -> list[tuple[str, str]]:
        name = f"{row.name} ({row.nickname})" if row.nickname else row.name
        where = ", ".join(p for p in (row.city, row.country) if p)
        upcoming = row.next_occasion
        next_text = f"{short_date(upcoming.day, self.today)} {upcoming.name}" if upcoming else ""
        return [(name, ""), (", ".join(row.tags), "muted"), (where, "muted"), (next_text, ""),
                (since(row.last_letter, self.today), "muted")]

    def _strip(self, cells: list[tuple[str, str]], base: Style, width: int) -> Strip:
        segments = [Segment(" ", base)]
        for (text, kind), cell in zip(cells, column_widths(width)):
            if cell:
                style = base + self._style(kind) if kind else base
                # Segments go to the terminal as they are: a smuggled ESC in a name is shown, not obeyed.
                segments.append(Segment(_fit(one_line(text), cell), style))
        return Strip(segments).adjust_cell_length(width, base).crop(0, width)

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"friend-table--{name}", partial=True)


def column_widths(width: int) -> list[int]:
    """Name first, then the columns that fit whole, most wanted first; 0 for a column left out."""
    room = width - 2 - NAME_MIN
    kept = set()
    for title in KEPT_FIRST:
        wanted = dict(COLUMNS)[title]
        if wanted <= room:
            kept.add(title)
            room -= wanted
    return [NAME_MIN + room, *(w if title in kept else 0 for title, w in COLUMNS)]


def _fit(text: str, width: int) -> str:
    """Text cut or padded to `width` cells, leaving a space between columns."""
    room = width - 1
    if len(text) > room:
        text = text[: room - 1] + "…"
    return text.ljust(room) + " "
