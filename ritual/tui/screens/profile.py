"""Everything about one friend, with each occasion's write-by and post-by dates and the actions on them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from datetime import date

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import DataTable, Label, Static

from ritual.core.cards import PLANNED, WRITTEN
from ritual.core.model import BIRTHDAY, Friend, Occasion
from ritual.core.planner import OCCASION, AgendaItem
from ritual.errors import NotFound
from ritual.services.contacts.countries import country_name
from ritual.tui.card_actions import CARD_BINDINGS, CardActions, card_of
from ritual.tui.formatting import short_date, since
from ritual.tui.friend_actions import add_occasion, delete_friend, edit_friend
from ritual.tui.messages import FriendSaved, RitualRequested
from ritual.tui.screens.base import DataScreen
from ritual.tui.screens.confirm import ConfirmScreen
from ritual.tui.screens.occasion_form import OccasionFormScreen
from ritual.tui.widgets.fitting_footer import FittingFooter
from ritual.tui.widgets.letter_timeline import LetterTimeline
from ritual.tui.safe_text import markup_safe

if TYPE_CHECKING:
    from ritual.tui.data import RitualData

# Below this many columns the facts go above the occasions, so neither is squeezed into a narrow strip.
SIDE_BY_SIDE_WIDTH = 110
NAME_CELL = 22
FEB29_WORDS = {"feb28": "kept on 28 February", "mar1": "kept on 1 March"}


class ProfileScreen(CardActions, DataScreen):
    """One friend: facts, addresses, notes and occasions."""

    AUTO_FOCUS = "#occasion-table"
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("e", "edit", "Edit"),
        Binding("o", "add_occasion", "Add occasion"),
        Binding("x", "remove_occasion", "Remove occasion"),
        Binding("d", "delete", "Delete friend"),
        Binding("r", "ritual", "Ritual"),
        *CARD_BINDINGS,
    ]

    def __init__(self, data: RitualData, friend_id: int) -> None:
        super().__init__(data)
        self.friend_id = friend_id
        self.friend: Friend | None = None
        self.next_items: dict[str, AgendaItem] = {}

    def compose(self) -> ComposeResult:
        """Facts on the left, occasions on the right."""
        yield Static(id="profile-title", classes="screen-title")
        with Horizontal(id="profile-body"):
            with VerticalScroll(id="profile-facts"):
                yield Static(id="profile-fact-grid")
                yield Static(id="profile-details")
                yield LetterTimeline(id="profile-timeline")
            with Vertical(id="profile-plan"):
                yield Label("Occasions", classes="section-title")
                yield DataTable(id="occasion-table", cursor_type="row", zebra_stripes=True)
                yield Static("enter: change the occasion · o: add one", id="occasion-hint")
        yield FittingFooter()

    def on_mount(self) -> None:
        """Set up the occasion columns."""
        self.query_one(DataTable).add_columns("Occasion", "Next", "Write by", "Post by")
        self._fit_width()

    def on_resize(self) -> None:
        """Facts beside the occasions when there is room; above them on a narrow terminal."""
        self._fit_width()

    def _fit_width(self) -> None:
        self.set_class(self.size.width < SIDE_BY_SIDE_WIDTH, "-narrow")

    def load(self) -> None:
        """Read the friend now and plan their year in the background."""
        try:
            self.friend = self.data.friend(self.friend_id)
        except NotFound:
            self.app.notify("This friend is no longer in the address book.")
            self.dismiss()
            return
        self.query_one("#profile-title", Static).update(self._title(self.friend))
        self.query_one("#profile-fact-grid", Static).update(fact_grid(facts(self.friend, self.data.today())))
        conflicts = self.data.sync_conflicts(self.friend_id)
        self.query_one("#profile-details", Static).update(details_text(self.friend, conflicts))
        self._show_timeline()
        # One friend's year is planned in a few milliseconds: here, so the occasions are in the first frame and
        # the screen is laid out once, not again when a background plan arrives.
        self._show_plan(self.data.friend_plan(self.friend))

    def _show_timeline(self) -> None:
        letters, answers = self.data.timeline(self.friend_id)
        self.query_one(LetterTimeline).show(letters, answers, self.data.today(), self.friend.last_letter)

    def _show_plan(self, items: list[AgendaItem]) -> None:
        """Fill the occasion table with the planned dates."""
        first = {}
        for item in items:
            if item.kind == OCCASION:
                first.setdefault(item.occasion, item)
        self.next_items = first
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        for key, occasion in self._occasions():
            table.add_row(*self._cells(occasion, first.get(occasion.name)), key=key)
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))

    def _occasions(self) -> list[tuple[str, Occasion]]:
        friend = self.friend
        found = [(BIRTHDAY, Occasion(BIRTHDAY, friend.birthday, card=friend.birthday_card))] if friend.birthday else []
        return found + [(str(o.id), o) for o in friend.occasions]

    def _cells(self, occasion: Occasion, item: AgendaItem | None) -> tuple:
        today = self.data.today()
        name = occasion.name if len(occasion.name) <= NAME_CELL else occasion.name[: NAME_CELL - 1] + "…"
        name += "" if occasion.yearly else " · once"
        if item is None:
            return markup_safe(name), occasion.date.words(), "", ""
        if item.card_status is None:
            return markup_safe(name), short_date(item.date, today), "no card", ""
        if item.card_status not in (PLANNED, WRITTEN):
            return markup_safe(name), short_date(item.date, today), f"card {item.card_status}", ""
        written = "card written" if item.card_status == WRITTEN else short_date(item.write_by, today)
        # A DataTable reads a str as markup, and occasion names come from other people's files: escape them.
        return markup_safe(name), short_date(item.date, today), written, short_date(item.post_by, today)

    def _title(self, friend: Friend) -> Text:
        text = Text(friend.name, style="bold")
        if friend.nickname:
            text.append(f"  ({friend.nickname})")
        if friend.relationship:
            text.append(f"  · {friend.relationship}", style="dim")
        return text

    def _selected_occasion(self) -> Occasion | None:
        table = self.query_one(DataTable)
        if not table.row_count or self.friend is None:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return next((o for o in self.friend.occasions if str(o.id) == key), None)

    def chosen_card(self):
        """The next card of the occasion under the cursor."""
        table = self.query_one(DataTable)
        if not table.row_count or self.friend is None:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        name = BIRTHDAY if key == BIRTHDAY else next((o.name for o in self.friend.occasions if str(o.id) == key), None)
        return card_of(self, self.next_items.get(name))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on an occasion changes it; on the birthday, the friend form opens."""
        occasion = self._selected_occasion()
        if occasion is None:
            self.action_edit()
        else:
            self.app.push_screen(OccasionFormScreen(self.data, self.friend_id, occasion))

    def action_edit(self) -> None:
        """Change this friend."""
        if self.friend is not None:
            edit_friend(self, self.data, self.friend)

    def action_ritual(self) -> None:
        """Sit down to write to this friend."""
        self.post_message(RitualRequested(self.friend_id))

    def action_add_occasion(self) -> None:
        """Add an anniversary or another date."""
        add_occasion(self, self.data, self.friend_id)

    def action_remove_occasion(self) -> None:
        """Remove the chosen occasion, after asking."""
        occasion = self._selected_occasion()
        if occasion is None:
            self.app.notify("Choose an occasion in the list first (the birthday is changed with e).")
            return
        question = f"Remove {self.friend.name}'s {occasion.name} ({occasion.date.words()})?"
        self.app.push_screen(ConfirmScreen(question, "Remove"), lambda yes: yes and self._remove(occasion))

    def _remove(self, occasion: Occasion) -> None:
        self.data.remove_occasion(occasion.id)
        self.post_message(FriendSaved(self.data.friend(self.friend_id)))

    def action_delete(self) -> None:
        """Delete this friend, after asking."""
        if self.friend is not None:
            delete_friend(self, self.data, self.friend, after=self.dismiss)


def facts(friend: Friend, today: date) -> list[tuple[str, str]]:
    """The short facts of a friend as (label, value), only those known."""
    found = [
        ("Birthday", friend.birthday.words() if friend.birthday else ""),
        ("29 February", FEB29_WORDS.get(friend.feb29 or "", "") if friend.birthday and friend.birthday.is_feb29 else ""),
        ("Circles", ", ".join(friend.tags)),
        ("How you met", friend.how_met),
        ("Keep in touch", f"every {friend.cadence_days} days" if friend.cadence_days else ""),
        ("Last letter", since(friend.last_letter, today) if friend.last_letter else ""),
    ]
    if friend.birthday and not friend.birthday_card:
        found.append(("Card", "no birthday card wanted"))
    return [(label, value) for label, value in found if value]


def fact_grid(rows: list[tuple[str, str]]) -> Table:
    """Labels in one column and values beside them, so a long value wraps under itself."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="dim", no_wrap=True)
    grid.add_column(overflow="fold")
    for label, value in rows:
        # A str cell of a Rich table is read as markup; circles and how you met are the user's (or a file's) text.
        grid.add_row(label, Text(value))
    return grid


def details_text(friend: Friend, conflicts: list | tuple = ()) -> Text:
    """Address-book conflicts first, then the addresses and notes of a friend, as one block of text."""
    text = conflicts_text(conflicts)
    for address in friend.addresses:
        text.append(f"\n{(address.label or 'address').capitalize()}\n", style="bold")
        for line in (*address.lines, " ".join(p for p in (address.postal_code, address.city) if p), address.region):
            if line:
                text.append(f"  {line}\n")
        if address.country:
            text.append(f"  {country_name(address.country)}\n")
    if friend.notes:
        text.append("\nNotes\n", style="bold").append(friend.notes)
    return text



def conflicts_text(conflicts: list | tuple) -> Text:
    """One line per field changed both here and in the address book, with both values."""
    from ritual.text.contacts_sync import FIELD_LABELS, value_text

    text = Text()
    for conflict in conflicts:
        text.append("Address book conflict", style="bold yellow").append(
            f": {FIELD_LABELS[conflict.field]} is {value_text(conflict.field, conflict.ritual_value)} here, "
            f"{value_text(conflict.field, conflict.card_value)} on the card\n")
    if conflicts:
        text.append("Keep one with `ritual sync conflicts NAME --keep ritual` or `--keep card`\n\n", style="dim")
    return text
