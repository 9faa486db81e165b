"""The letter box: every letter sent and received, filtered by friend, direction and year, and the year's picture."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import DataTable, Label, Select, Static

from ritual.core.letters import POSTED, RECEIVED, SENT, WRITTEN, Letter, replies_owed
from ritual.core.text import plural
from ritual.errors import RitualError
from ritual.services.cards.steps import mark_letter
from ritual.store.letters import LetterRepository
from ritual.text.cards import card_note
from ritual.store.supplies import use_stamp_for
from ritual.tui.formatting import short_date, since
from ritual.tui.messages import FriendChosen, LetterBoxChanged
from ritual.tui.screens.base import DataScreen
from ritual.tui.screens.letter_form import LetterFormScreen
from ritual.tui.widgets.fitting_footer import FittingFooter
from ritual.tui.widgets.letter_timeline import STATUS_WORDS
from ritual.tui.widgets.year_letters import YearLetters

DIRECTION_CHOICES = [("Both ways", "both"), ("Sent", SENT), ("Received", RECEIVED)]
# Which mark each status may move on to, and the key that does it.
NEXT_STEPS = {"mark_posted": (WRITTEN,), "mark_arrived": (WRITTEN, POSTED), "mark_answered": (RECEIVED,)}
OWED_SHOWN = 12


class LetterBoxScreen(DataScreen):
    """Letters both ways, replies waiting, and a week-by-week picture of the year."""

    AUTO_FOCUS = "#letter-table"
    BINDINGS = [
        Binding("[", "shift_year(-1)", "Previous year"),
        Binding("]", "shift_year(1)", "Next year"),
        Binding("p", "mark('posted')", "Posted"),
        Binding("a", "mark('arrived')", "Arrived"),
        Binding("n", "mark('answered')", "Answered"),
        Binding("r", "log_letter('received')", "Log received"),
        Binding("l", "log_letter('sent')", "Log sent"),
    ]

    def __init__(self, data) -> None:
        super().__init__(data)
        self.year = data.today().year
        self.letters: list[Letter] = []
        self.friends: dict[int, str] = {}

    def compose(self) -> ComposeResult:
        """Filters, the log beside the replies waiting, the year's picture below."""
        yield Static(id="box-title", classes="screen-title")
        with Horizontal(id="box-filters"):
            yield Select([], prompt="Everyone", id="box-friend", allow_blank=True, compact=True)
            yield Select(DIRECTION_CHOICES, value="both", id="box-direction", allow_blank=False, compact=True)
            yield Label(id="box-year")
        with Horizontal(id="box-body"):
            yield DataTable(id="letter-table", cursor_type="row", zebra_stripes=True)
            with Vertical(id="box-aside"):
                yield Label("Waiting for your reply", classes="section-title")
                yield VerticalScroll(Static(id="owed-list"), id="owed-scroll")
        yield YearLetters(self.year, id="year-letters")
        yield FittingFooter()

    def on_mount(self) -> None:
        """Set up the columns."""
        self.query_one(DataTable).add_columns("Date", "Way", "Friend", "Medium", "Occasion", "Where it is")

    def load(self) -> None:
        """Read the letters; the filters narrow what shows."""
        everything = LetterRepository(self.data.db).list()
        self.friends = {x.friend_id: x.friend for x in sorted(everything, key=lambda x: x.friend.casefold())}
        chooser = self.query_one("#box-friend", Select)
        chosen = chooser.value
        with chooser.prevent(Select.Changed):
            chooser.set_options([(name, friend_id) for friend_id, name in self.friends.items()])
            if chosen in self.friends:
                chooser.value = chosen
        self.query_one("#owed-list", Static).update(self._owed_text(everything))
        self.show_letters()

    @on(Select.Changed)
    def show_letters(self) -> None:
        """Fill the log and the year's picture for the chosen friend, direction and year."""
        friend_id, direction = self._friend_filter(), self._direction_filter()
        self.letters = LetterRepository(self.data.db).list(friend_id, self.year, direction)
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        for letter in reversed(self.letters):
            table.add_row(*self._cells(letter), key=str(letter.id))
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))
        self.query_one(YearLetters).show(self.year, self.letters, self.data.today())
        self.query_one("#box-title", Static).update(self._title())
        self.query_one("#box-year", Label).update(Text(f"{self.year}  ([ and ] change the year)"))
        self.refresh_bindings()

    def _friend_filter(self) -> int | None:
        value = self.query_one("#box-friend", Select).value
        return value if isinstance(value, int) else None

    def _direction_filter(self) -> str | None:
        value = self.query_one("#box-direction", Select).value
        return value if value in (SENT, RECEIVED) else None

    def _cells(self, letter: Letter) -> tuple:
        today = self.data.today()
        way = Text("to", style="cyan") if letter.sent else Text("from", style="magenta")
        return (short_date(letter.day, today), way, letter.friend, letter.medium, letter.occasion or "—",
                STATUS_WORDS.get(letter.status, letter.status))

    def _title(self) -> str:
        sent = sum(1 for x in self.letters if x.sent)
        received = len(self.letters) - sent
        return f"Letter box · {self.year} · {plural(sent, 'letter')} sent, {received} received"

    def _owed_text(self, everything: list[Letter]) -> Text:
        today = self.data.today()
        waiting = replies_owed(everything, today)
        if not waiting:
            return Text("Nothing is waiting. Every letter has had its answer.", style="dim italic")
        text = Text()
        for letter in waiting[:OWED_SHOWN]:
            text.append(f"{letter.friend}\n", style="bold")
            text.append(f"  wrote {short_date(letter.day, today)} · {since(letter.day, today)}\n", style="dim")
        if len(waiting) > OWED_SHOWN:
            text.append(f"and {len(waiting) - OWED_SHOWN} more", style="dim italic")
        return text

    def current_letter(self) -> Letter | None:
        """The letter under the cursor."""
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return next((x for x in self.letters if str(x.id) == key), None)

    def on_data_table_row_highlighted(self) -> None:
        """Only the marks that fit the chosen letter are offered."""
        self.refresh_bindings()

    def on_data_table_row_selected(self) -> None:
        """Enter opens the friend the letter went between."""
        letter = self.current_letter()
        if letter is not None:
            self.post_message(FriendChosen(letter.friend_id))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Posted, arrived and answered show only when they fit the letter under the cursor."""
        if action != "mark" or not self.is_mounted:
            return True
        letter = self.current_letter()
        return letter is not None and letter.status in NEXT_STEPS[f"mark_{parameters[0]}"]

    def action_mark(self, status: str) -> None:
        """Move the chosen letter on, dated today."""
        letter = self.current_letter()
        if letter is None:
            return
        try:
            moved, card = mark_letter(self.data.db, letter.id, status, self.data.today())
        except RitualError as exc:
            self.notify(exc.message, title="Not changed")
            return
        stamp = ""
        if moved.posted and not letter.posted:
            country = self.data.friend(moved.friend_id).country
            stamp = use_stamp_for(self.data.db, country, self.data.settings.home_country)
        way = f"to {moved.friend}" if moved.sent else f"from {moved.friend}"
        self.post_message(LetterBoxChanged(f"The letter {way} is now {STATUS_WORDS[moved.status]}.{stamp}"
                                           + card_note(card)))

    def action_log_letter(self, direction: str) -> None:
        """Open the form for a letter that came or one sent, for the friend chosen above if any."""
        self.app.push_screen(LetterFormScreen(self.data, direction, self._friend_filter()), self._logged)

    def _logged(self, letter: Letter | None) -> None:
        # Show the year the new letter belongs to, so it is there to see.
        if letter is not None and letter.day.year != self.year:
            self.year = letter.day.year
            self.show_letters()

    def action_shift_year(self, years: int) -> None:
        """An earlier or a later year."""
        self.year += years
        self.show_letters()

