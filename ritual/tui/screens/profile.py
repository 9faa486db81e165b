"""Everything about one friend, with each occasion's write-by and post-by dates and the actions on them."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import DataTable, Footer, Label, Static

from ritual.core.cards import PLANNED, WRITTEN
from ritual.core.model import BIRTHDAY, Friend, Occasion
from ritual.core.planner import OCCASION, AgendaItem
from ritual.errors import NotFound
from ritual.services.contacts.countries import country_name
from ritual.store.letters import LetterRepository
from ritual.store.reflections import ReflectionRepository
from ritual.tui.card_actions import CARD_BINDINGS, CardActions, card_of
from ritual.tui.formatting import short_date, since
from ritual.tui.messages import FriendDeleted, FriendSaved, PlanReady, RitualRequested
from ritual.tui.screens.base import DataScreen
from ritual.tui.screens.confirm import ConfirmScreen
from ritual.tui.screens.friend_form import FriendFormScreen
from ritual.tui.screens.occasion_form import OccasionFormScreen
from ritual.tui.widgets.letter_timeline import LetterTimeline


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

    def __init__(self, data, friend_id: int) -> None:
        super().__init__(data)
        self.friend_id = friend_id
        self.friend: Friend | None = None
        self.next_items: dict[str, AgendaItem] = {}

    def compose(self) -> ComposeResult:
        """Facts on the left, occasions on the right."""
        yield Static(id="profile-title", classes="screen-title")
        with Horizontal(id="profile-body"):
            with VerticalScroll(id="profile-facts"):
                yield Static(id="profile-details")
                yield LetterTimeline(id="profile-timeline")
            with Vertical(id="profile-plan"):
                yield Label("Occasions", classes="section-title")
                yield DataTable(id="occasion-table", cursor_type="row", zebra_stripes=True)
                yield Static("enter: change the occasion · o: add one", id="occasion-hint")
        yield Footer()

    def on_mount(self) -> None:
        """Set up the occasion columns."""
        self.query_one(DataTable).add_columns("Occasion", "Date", "Next", "Write by", "Post by")

    def load(self) -> None:
        """Read the friend now and plan their year in the background."""
        try:
            self.friend = self.data.friend(self.friend_id)
        except NotFound:
            self.app.notify("This friend is no longer in the address book.")
            self.dismiss()
            return
        self.query_one("#profile-title", Static).update(self._title(self.friend))
        self.query_one("#profile-details", Static).update(details_text(self.friend, self.data.today()))
        self._show_timeline()
        self._plan(self.friend)

    def _show_timeline(self) -> None:
        letters = LetterRepository(self.data.db).list(self.friend_id)
        answers = ReflectionRepository(self.data.db).answers(self.friend_id)
        self.query_one(LetterTimeline).show(letters, answers, self.data.today())

    @work(thread=True, exclusive=True, group="profile-plan")
    def _plan(self, friend: Friend) -> None:
        items = self.data.friend_plan(friend)
        today = self.data.today()
        self.post_message(PlanReady(today, today, items))

    def on_plan_ready(self, message: PlanReady) -> None:
        """Fill the occasion table with the planned dates."""
        if self.friend is None:
            return
        first = {}
        for item in message.items:
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
        when = occasion.date.iso() + ("" if occasion.yearly else " (once)")
        if item is None:
            return occasion.name, when, "—", "", ""
        if item.card_status is None:
            return occasion.name, when, short_date(item.date, today), "no card", ""
        if item.card_status not in (PLANNED, WRITTEN):
            return occasion.name, when, short_date(item.date, today), f"card {item.card_status}", ""
        written = "card written" if item.card_status == WRITTEN else short_date(item.write_by, today)
        return occasion.name, when, short_date(item.date, today), written, short_date(item.post_by, today)

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
            self.app.push_screen(FriendFormScreen(self.data, self.friend))

    def action_ritual(self) -> None:
        """Sit down to write to this friend."""
        self.post_message(RitualRequested(self.friend_id))

    def action_add_occasion(self) -> None:
        """Add an anniversary or another date."""
        self.app.push_screen(OccasionFormScreen(self.data, self.friend_id))

    def action_remove_occasion(self) -> None:
        """Remove the chosen occasion, after asking."""
        occasion = self._selected_occasion()
        if occasion is None:
            self.app.notify("Choose an occasion in the list first (the birthday is changed with e).")
            return
        question = f"Remove {self.friend.name}'s {occasion.name} ({occasion.date.iso()})?"
        self.app.push_screen(ConfirmScreen(question, "Remove"), lambda yes: yes and self._remove(occasion))

    def _remove(self, occasion: Occasion) -> None:
        self.data.remove_occasion(occasion.id)
        self.post_message(FriendSaved(self.data.friend(self.friend_id)))

    def action_delete(self) -> None:
        """Delete this friend, after asking."""
        if self.friend is None:
            return
        count = len(self.friend.occasions)
        extra = f" and their {count} occasion{'s' if count != 1 else ''}" if count else ""
        question = f"Remove {self.friend.name}{extra} from ritual? This cannot be undone."
        self.app.push_screen(ConfirmScreen(question, "Remove"), lambda yes: yes and self._delete())

    def _delete(self) -> None:
        friend = self.friend
        self.data.delete_friend(friend.id)
        self.post_message(FriendDeleted(friend.id, friend.name))
        self.dismiss()


def details_text(friend: Friend, today) -> Text:
    """The facts, addresses and notes of a friend as one block of text."""
    facts = [
        ("Birthday", friend.birthday.iso() if friend.birthday else ""),
        ("29 February", friend.feb29 or ""),
        ("Circles", ", ".join(friend.tags)),
        ("How you met", friend.how_met),
        ("Keep in touch", f"every {friend.cadence_days} days" if friend.cadence_days else ""),
        ("Last letter", since(friend.last_letter, today) if friend.last_letter else ""),
    ]
    text = Text()
    for label, value in facts:
        if value:
            text.append(f"{label:<15}", style="dim").append(f"{value}\n")
    if friend.birthday and not friend.birthday_card:
        text.append("No birthday card wanted\n", style="dim italic")
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

