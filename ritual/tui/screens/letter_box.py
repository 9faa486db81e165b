"""The letter box: every letter sent and received, filtered by friend, direction and year, and the year's picture."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import DataTable, Input, Label, Select, Static

from ritual.core.letters import POSTED, RECEIVED, SENT, WRITTEN, Letter, replies_owed
from ritual.core.text import now_is
from ritual.errors import RitualError
from ritual.text.letters import logged_note
from ritual.tui.formatting import short_date, since
from ritual.tui.letter_rows import (NARROW_BELOW, NARROW_COLUMNS, NARROW_RESERVED, WIDE_COLUMNS, fits, narrow_cells,
                                    wide_cells)
from ritual.tui.messages import FriendChosen, LetterBoxChanged, RitualRequested
from ritual.tui.screens.base import DataScreen
from ritual.tui.screens.letter_form import LetterFormScreen
from ritual.tui.widgets.fitting_footer import FittingFooter
from ritual.tui.widgets.friend_chooser import FriendChooser
from ritual.tui.widgets.letter_table import LetterTable
from ritual.tui.widgets.letter_timeline import STATUS_WORDS
from ritual.tui.widgets.year_letters import YearLetters

if TYPE_CHECKING:
    from ritual.tui.data import RitualData

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
        Binding("s", "reply", "Sit down to reply"),
        Binding("x,delete", "delete_letter", "Delete letter", show=False),
    ]

    def __init__(self, data: RitualData) -> None:
        super().__init__(data)
        self.year = data.today().year
        self.letters: list[Letter] = []
        self.friends: dict[int, str] = {}
        self.answered: dict[str, int] = {}
        self.narrow = False
        self._filled_width = 0

    def compose(self) -> ComposeResult:
        """Filters, the log beside the replies waiting, the year's picture below."""
        yield Static(id="box-title", classes="screen-title")
        with Horizontal(id="box-filters"):
            yield FriendChooser("everyone (type a name)", id="box-friend")
            yield Select(DIRECTION_CHOICES, value="both", id="box-direction", allow_blank=False, compact=True)
            yield Label(id="box-year")
        with Horizontal(id="box-body"):
            yield LetterTable(id="letter-table", cursor_type="row", zebra_stripes=True)
            with Vertical(id="box-aside"):
                yield Label("Waiting for your reply", classes="section-title")
                yield VerticalScroll(Static(id="owed-list"), id="owed-scroll")
        yield YearLetters(self.year, id="year-letters")
        yield FittingFooter()

    def on_resize(self) -> None:
        """A slimmer side list on a narrow terminal, and the log laid out again for the new width."""
        self.set_class(self.app.size.width < NARROW_BELOW, "-narrow")
        if self.letters:
            self.call_after_refresh(self._refill_if_resized)

    def load(self) -> None:
        """Read the letters in the background; the filters narrow what shows."""
        self._read_everything()

    @work(thread=True, exclusive=True, group="letter-box-all")
    def _read_everything(self) -> None:
        """*worker*: every letter (for the replies owed and the friend chooser) and the friends they name."""
        everything = self.data.letters()
        with_letters = {x.friend_id for x in everything}
        rows = [row for row in self.data.friend_rows() if row.id in with_letters]
        self.app.call_from_thread(self._show_everything, everything, rows)

    def _show_everything(self, everything: list[Letter], rows) -> None:
        self.friends = {row.id: row.name for row in rows}
        self.query_one(FriendChooser).set_rows(rows)
        self.query_one("#owed-list", Static).update(self._owed_text(everything))
        self.show_letters()

    @on(Select.Changed)
    @on(FriendChooser.Changed)
    def show_letters(self) -> None:
        """Fill the log and the year's picture for the chosen friend, direction and year, in the background."""
        self._read_shown(self._friend_filter(), self.year, self._direction_filter())

    @work(thread=True, exclusive=True, group="letter-box-shown")
    def _read_shown(self, friend_id: int | None, year: int, direction: str | None) -> None:
        letters = self.data.letters(friend_id, year, direction)
        answered = self.data.answered_counts(letters)
        self.app.call_from_thread(self._show_letters, letters, answered, year)

    def _show_letters(self, letters: list[Letter], answered: dict[str, int], year: int) -> None:
        if year != self.year:
            return
        self.letters, self.answered = letters, answered
        self._fill_table()
        self.query_one(YearLetters).show(self.year, self.letters, self.data.today())
        self.query_one("#box-title", Static).update(self._title())
        self.query_one("#box-year", Label).update(Text(f"{self.year}  ([ ] year)"))
        self.refresh_bindings()

    def _friend_filter(self) -> int | None:
        return self.query_one(FriendChooser).value

    def _direction_filter(self) -> str | None:
        value = self.query_one("#box-direction", Select).value
        return value if value in (SENT, RECEIVED) else None

    def _fill_table(self) -> None:
        """The shown letters, newest first, in six columns when they fit, else two lines each."""
        table = self.query_one(DataTable)
        row = table.cursor_row
        today = self.data.today()
        answered = [self.answered.get(x.sitting, 0) if x.sitting else 0 for x in self.letters]
        wide = [wide_cells(letter, today, count) for letter, count in zip(self.letters, answered)]
        self._set_columns(table, not fits(wide, table.scrollable_content_region.width or self.app.size.width))
        table.clear()
        width = table.scrollable_content_region.width - NARROW_RESERVED
        for letter, count, cells in reversed(list(zip(self.letters, answered, wide))):
            if self.narrow:
                table.add_row(*narrow_cells(letter, today, count, width), key=str(letter.id), height=2)
            else:
                table.add_row(*cells, key=str(letter.id))
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))
        self._filled_width = table.scrollable_content_region.width
        self.call_after_refresh(self._refill_if_resized)

    def _refill_if_resized(self) -> None:
        # The table's width settles a frame after a resize or a slimmer side list: lay it out for the final one.
        if self.letters and self.query_one(DataTable).scrollable_content_region.width != self._filled_width:
            self._fill_table()

    def on_letter_table_width_changed(self) -> None:
        """The table was laid out at another width: its rows follow once the layout is done."""
        self.call_after_refresh(self._refill_if_resized)

    def _set_columns(self, table: DataTable, narrow: bool) -> None:
        if narrow != self.narrow or not table.columns:
            self.narrow = narrow
            table.clear(columns=True)
            table.add_columns(*(NARROW_COLUMNS if narrow else WIDE_COLUMNS))

    def _title(self) -> str:
        sent = sum(1 for x in self.letters if x.sent)
        received = len(self.letters) - sent
        return f"Letters · {self.year} · {sent} sent, {received} received"

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
        if action == "reply" and self.is_mounted:
            letter = self.current_letter()
            return letter is not None and not letter.sent
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
            logged, point = self.data.move_letter_undoable(letter.id, status)
        except RitualError as exc:
            self.notify(exc.message, title="Not changed")
            return
        moved = logged.letter
        way = f"to {moved.friend}" if moved.sent else f"from {moved.friend}"
        self.app.offer_undo(f"The letter {way} {now_is(STATUS_WORDS[moved.status])}." + logged_note(logged), point)

    def action_delete_letter(self) -> None:
        """Remove the letter under the cursor; z takes it back for a few seconds."""
        letter = self.current_letter()
        if letter is None:
            return
        point = self.data.delete_letter(letter.id)
        way = f"to {letter.friend}" if letter.sent else f"from {letter.friend}"
        self.app.offer_undo(f"Deleted the letter {way} of {short_date(letter.day, self.data.today())}", point)

    def action_reply(self) -> None:
        """Sit down to answer the letter under the cursor: the ritual's briefing shows it."""
        letter = self.current_letter()
        if letter is not None and not letter.sent:
            self.post_message(RitualRequested(letter.friend_id, answering=letter.id))

    def action_log_letter(self, direction: str) -> None:
        """Open the form for a letter that came or one sent, for the friend chosen above if any."""
        self.app.push_screen(LetterFormScreen(self.data, direction, self._friend_filter()), self._logged)

    def _logged(self, letter: Letter | None) -> None:
        # Show the year the new letter belongs to, so it is there to see.
        if letter is not None and letter.day.year != self.year:
            self.year = letter.day.year
            self.show_letters()

    def typed(self, character: str) -> None:
        """A letter typed on the box starts choosing a friend by name with it."""
        search = self.query_one("#box-friend", FriendChooser).query_one(Input)
        search.value += character
        search.cursor_position = len(search.value)
        # The letters already typed stay: the next one goes after them, not over a selection of them.
        search.select_on_focus = False
        self.set_focus(search)

    def action_shift_year(self, years: int) -> None:
        """An earlier or a later year."""
        self.year += years
        self.show_letters()

