"""Everyone, searchable as you type, filtered by circle and sorted three ways."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Input, Label, Select, Static

from ritual.tui.friend_actions import add_occasion, delete_friend, edit_friend
from ritual.tui.friend_rows import SORT_ORDERS, FriendRow, RowSearch, circles
from ritual.tui.messages import FriendsLoaded, NextOccasionsFound
from ritual.tui.screens.base import DataScreen
from ritual.tui.widgets.fitting_footer import FittingFooter
from ritual.tui.widgets.friend_table import FriendTable

if TYPE_CHECKING:
    from ritual.tui.data import RitualData

ALL_CIRCLES = "__all__"


class FriendsScreen(DataScreen):
    """The friend list with incremental search."""

    AUTO_FOCUS = "#friend-table"
    has_search = True
    BINDINGS = [
        Binding("slash", "focus_search", "Search", key_display="/"),
        Binding("s", "next_sort", "Sort"),
        Binding("a", "app.add_friend", "Add friend"),
        Binding("e", "edit", "Edit"),
        Binding("o", "add_occasion", "Add occasion"),
        Binding("d", "delete", "Delete"),
        Binding("i", "app.import", "Import"),
        Binding("escape", "clear_search", "Clear search", show=False),
    ]

    def __init__(self, data: RitualData) -> None:
        super().__init__(data)
        self.rows: list[FriendRow] = []
        self.search = RowSearch([])
        self.order = SORT_ORDERS[0]
        self._circle_names: list[str] | None = None  # the circles the filter offers

    def compose(self) -> ComposeResult:
        """Search and filters above the list, in the order chosen last time."""
        if getattr(self.app, "choices", {}).get("friend_sort") in SORT_ORDERS:
            self.order = self.app.choices["friend_sort"]
        yield Static("Friends", id="friends-title", classes="screen-title")
        with Horizontal(id="friends-filters"):
            yield Input(placeholder="Search name, circle, city… (/)", id="friend-search", compact=True,
                        select_on_focus=False)
            yield Select([], prompt="All circles", id="circle-filter", allow_blank=True, compact=True)
            yield Label(self._sort_label(), id="sort-label")
        yield FriendTable(self.data.today(), id="friend-table")
        yield Static(id="friends-status")
        yield FittingFooter()

    def load(self) -> None:
        """Read the friends, then their next occasions, in the background."""
        self._read_rows()

    @work(thread=True, exclusive=True, group="friend-rows")
    def _read_rows(self) -> None:
        # Names first, next occasions after, unless both are ready (read ahead while the app was idle).
        if (ready := self.data.ready_planned_friend_rows()) is None:
            self.post_message(FriendsLoaded(self.data.friend_rows()))
            ready = self.data.planned_friend_rows()
        self.post_message(NextOccasionsFound(ready))

    def on_friends_loaded(self, message: FriendsLoaded) -> None:
        """Show the names at once; next occasions follow."""
        self._show_rows(message.rows)

    def on_next_occasions_found(self, message: NextOccasionsFound) -> None:
        """Show the rows with each friend's next occasion."""
        self._show_rows(message.rows)

    def _show_rows(self, rows: list[FriendRow]) -> None:
        self.rows = rows
        self.search = RowSearch(self.rows)
        circle_filter = self.query_one("#circle-filter", Select)
        chosen = circle_filter.value
        names = circles(self.rows)
        if names != self._circle_names:
            # Circle names are data: shown as text, never read as markup.
            circle_filter.set_options([(Text(name), name) for name in names])
            self._circle_names = names
            if chosen in names:
                circle_filter.value = chosen
        self.refilter()

    @on(Input.Changed, "#friend-search")
    @on(Select.Changed, "#circle-filter")
    def refilter(self) -> None:
        """Apply the search, the circle and the order to the list."""
        query = self.query_one("#friend-search", Input).value
        circle = self.query_one("#circle-filter", Select).value
        chosen = self.search.select(query, circle if isinstance(circle, str) else None, self.order)
        self.query_one(FriendTable).show_rows(chosen)
        # One line of fixed size: a new count needs no layout of the whole screen, a keystroke stays cheap.
        self.query_one("#friends-status", Static).update(self._status(len(chosen)), layout=False)

    def _status(self, shown: int) -> str:
        total = len(self.rows)
        if total == 0:
            return "No friends yet. Press a to add someone."
        if shown == total:
            return f"{total:,} {'friend' if total == 1 else 'friends'} · sorted by {self.order}"
        return f"{shown:,} of {total:,} friends · sorted by {self.order}"

    def _sort_label(self) -> str:
        return f"sort: {self.order} (s)"

    @on(Input.Submitted, "#friend-search")
    def _to_list(self) -> None:
        self.set_focus(self.query_one(FriendTable))

    def action_focus_search(self) -> None:
        """Jump to the search field at once, so keys typed right after land in it."""
        self.set_focus(self.query_one("#friend-search", Input))

    def action_clear_search(self) -> None:
        """Empty the search, show everyone, and go back to the list."""
        self.query_one("#friend-search", Input).value = ""
        self.set_focus(self.query_one(FriendTable))

    def action_next_sort(self) -> None:
        """Cycle name → next occasion → longest silence; the choice is kept for the next start."""
        self.order = SORT_ORDERS[(SORT_ORDERS.index(self.order) + 1) % len(SORT_ORDERS)]
        self.app.keep_choice("friend_sort", self.order)
        self.query_one("#sort-label", Label).update(self._sort_label())
        self.refilter()

    def typed(self, character: str) -> None:
        """A letter typed on the list starts the search with it."""
        search = self.query_one("#friend-search", Input)
        search.value += character
        search.cursor_position = len(search.value)
        # The letters already typed stay: the next one goes after them, not over a selection of them.
        search.select_on_focus = False
        self.set_focus(search)

    def _chosen_friend(self):
        row = self.query_one(FriendTable).current_row
        if row is None:
            self.notify("There is nobody in the list to choose yet.")
            return None
        return self.data.friend(row.id)

    def action_edit(self) -> None:
        """Change the friend under the cursor."""
        friend = self._chosen_friend()
        if friend is not None:
            edit_friend(self, self.data, friend)

    def action_add_occasion(self) -> None:
        """Add an anniversary or another date to the friend under the cursor."""
        friend = self._chosen_friend()
        if friend is not None:
            add_occasion(self, self.data, friend.id)

    def action_delete(self) -> None:
        """Remove the friend under the cursor, after asking."""
        friend = self._chosen_friend()
        if friend is not None:
            delete_friend(self, self.data, friend)
