"""Logging a letter that came, or one you sent: friend, day, medium, occasion, a note and phrases, checked in place."""

from __future__ import annotations

from typing import TYPE_CHECKING

from datetime import date

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Select, Static

from ritual.core.date_words import parse_day_words
from ritual.core.letters import MEDIA, RECEIVED, SENT, Letter, check_quotes
from ritual.errors import InvalidValue, RitualError
from ritual.text.letters import logged_note
from ritual.tui.messages import LetterBoxChanged
from ritual.tui.screens.friend_form import describe
from ritual.tui.widgets.date_input import DateInput
from ritual.tui.widgets.field_grid import FieldGrid
from ritual.tui.widgets.form_field import FieldMessages, compact
from ritual.tui.widgets.friend_chooser import FriendChooser
from ritual.tui.screens.base import QuickOpening

if TYPE_CHECKING:
    from ritual.tui.data import RitualData

TITLES = {RECEIVED: "A letter that came", SENT: "A letter you sent"}
DAY_LABELS = {RECEIVED: "Received on", SENT: "Written on"}
FIELDS = ("friend", "day", "medium", "occasion", "note", "quotes")
QUOTE_SEPARATOR = "|"


class LetterFormScreen(QuickOpening, FieldMessages, ModalScreen[Letter | None]):
    """A modal form for one letter, either way; escape logs nothing."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save"),
    ]

    def __init__(self, data: RitualData, direction: str, friend_id: int | None = None) -> None:
        super().__init__()
        self.data = data
        self.direction = direction
        self.friend_id = friend_id

    def compose(self) -> ComposeResult:
        """Friend, day, medium, occasion and note, then Save and Cancel."""
        with Vertical(id="letter-form", classes="dialog form"):
            yield Static(TITLES[self.direction], classes="dialog-title")
            yield FieldGrid(self._fields(), hidden=() if self.direction == RECEIVED else ("quotes",),
                            focusable=False, classes="form-fields")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", id="form-save", variant="primary")
                yield Button("Cancel (esc)", id="form-cancel")

    def _fields(self) -> list[tuple[str, str, Widget]]:
        """(key, label, widget) for friend, day, medium, occasion, note and the phrases kept."""
        today = self.data.today()
        return [
            ("friend", "Friend", FriendChooser("type part of a name", id="field-friend")),
            ("day", DAY_LABELS[self.direction], DateInput(today.isoformat(), today=today, id="field-day",
                                                           placeholder="today, yesterday, 8 jan · F2 picks")),
            ("medium", "Medium", Select([(m, m) for m in MEDIA], value="letter", allow_blank=False, compact=True,
                                        id="field-medium")),
            ("occasion", "Occasion", compact(Input(placeholder="birthday, thank-you, … (optional)",
                                                   id="field-occasion"))),
            ("note", "Note", compact(Input(placeholder="anything worth remembering (optional)", id="field-note"))),
            ("quotes", "Phrases kept", compact(Input(placeholder="lines of theirs to answer, between | (optional)",
                                                     id="field-quotes"))),
        ]

    def on_mount(self) -> None:
        """Start with the friend, or with the day when the friend is already chosen."""
        if self.friend_id is not None:
            self.query_one(FriendChooser).value = self.friend_id
            self.query_one("#field-day").focus()
            self._read_friends()  # the chosen friend's name shows once the friends are read
        else:
            # The friends are read once a name is being typed: the first frame shows none of them.
            self.query_one(FriendChooser).query_one(Input).focus()

    @on(FriendChooser.RowsWanted)
    def _friends_wanted(self) -> None:
        self._read_friends()

    @work(thread=True, exclusive=True, group="letter-form-friends")
    def _read_friends(self) -> None:
        """*worker*: the light rows of every friend, so the form shows at once even with thousands."""
        rows = self.data.friend_rows()
        self.app.call_from_thread(self._friends_read, rows)

    def _friends_read(self, rows: list) -> None:
        if self.is_attached:  # the form may have been left while the friends were read
            self.query_one(FriendChooser).set_rows(rows)

    @on(Input.Blurred, "#field-day")
    def _check_day(self, event: Input.Blurred) -> None:
        self._show("day", check_day(event.input.value, self.data.today()))

    @on(Input.Submitted)
    @on(Button.Pressed, "#form-save")
    def action_save(self) -> None:
        """Log the letter when every field is right; otherwise show each message beside its field and stay."""
        letter, problems = build_letter(self.direction, self._values(), self.data.today())
        for key in FIELDS:
            self._show(key, problems.get(key, ""))
        if letter is None:
            first = self.query_one(f"#field-{next(iter(problems))}")
            (first.query_one(Input) if isinstance(first, FriendChooser) else first).focus()
            return
        try:
            logged = self.data.log_letter(letter)
        except RitualError as exc:
            self.notify(exc.message, title="Not saved")
            return
        stored = logged.letter
        way = f"to {stored.friend}" if stored.sent else f"from {stored.friend}"
        self.post_message(LetterBoxChanged(f"Logged a {stored.medium} {way}." + logged_note(logged)))
        self.dismiss(stored)

    @on(Button.Pressed, "#form-cancel")
    def action_cancel(self) -> None:
        """Close without logging anything."""
        self.dismiss(None)

    def _values(self) -> dict[str, object]:
        values: dict[str, object] = {key: self.query_one(f"#field-{key}", Input).value
                                     for key in ("day", "occasion", "note", "quotes")}
        values["friend"] = self.query_one(FriendChooser).value
        values["medium"] = self.query_one("#field-medium", Select).value
        return values


def check_day(text: str, today: date) -> str:
    """The message for the day's text, or an empty string when it is fine."""
    try:
        day = parse_day_words(text, today, "day")
    except InvalidValue as exc:
        return describe(exc)
    if day > today:
        return f"“{day.isoformat()}” is still to come; a letter is logged once it is written or has come."
    return ""


def build_letter(direction: str, values: dict, today: date) -> tuple[Letter | None, dict[str, str]]:
    """The letter the form describes, or the message for every field that is not right."""
    problems = {}
    if not isinstance(values["friend"], int):
        problems["friend"] = "Please choose who it is " + ("from." if direction == RECEIVED else "for.")
    if message := check_day(str(values["day"]), today):
        problems["day"] = message
    if values["medium"] not in MEDIA:
        problems["medium"] = "Please choose one of: " + ", ".join(MEDIA) + "."
    quotes = tuple(q for q in str(values.get("quotes", "")).split(QUOTE_SEPARATOR) if q.strip())
    try:
        check_quotes(quotes)
    except InvalidValue as exc:
        problems["quotes"] = describe(exc)
    if problems:
        return None, problems
    letter = Letter(values["friend"], direction, parse_day_words(str(values["day"]), today, "day"),
                    medium=str(values["medium"]), occasion=str(values["occasion"]).strip(),
                    note=str(values["note"]).strip(), quotes=quotes if direction == RECEIVED else ())
    return letter, {}
