"""Adding or changing an anniversary or another date worth a card."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Static

from ritual.core.date_words import parse_partial_words
from ritual.core.model import Occasion
from ritual.errors import InvalidValue, RitualError
from ritual.tui.messages import FriendSaved
from ritual.tui.screens.friend_form import describe
from ritual.tui.widgets.date_input import YEARLY, DateInput
from ritual.tui.widgets.form_field import FieldMessages, FormField
from ritual.tui.safe_text import markup_safe
from ritual.tui.screens.base import QuickOpening

if TYPE_CHECKING:
    from ritual.tui.data import RitualData

ERROR_FIELDS = {"occasion name": "name", "occasion date": "date"}


class OccasionFormScreen(QuickOpening, FieldMessages, ModalScreen[bool]):
    """A modal form for one occasion of one friend."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save"),
    ]

    def __init__(self, data: RitualData, friend_id: int, occasion: Occasion | None = None) -> None:
        super().__init__()
        self.data = data
        self.friend_id = friend_id
        self.occasion = occasion

    def compose(self) -> ComposeResult:
        """Name, date, and whether it repeats and wants a card."""
        old = self.occasion
        with Vertical(id="occasion-form", classes="dialog form"):
            yield Static(f"Change {markup_safe(old.name)}" if old else "A new occasion", classes="dialog-title")
            yield FormField("Occasion", Input(old.name if old else "", placeholder="anniversary, graduation, …",
                                              compact=True, id="field-name"), id="row-name")
            yield FormField("Date", DateInput(old.date.words() if old else "", today=self.data.today(), kind=YEARLY,
                                              placeholder="8 January, MM-DD, YYYY-MM-DD · F2 picks", id="field-date"), id="row-date")
            yield FormField("Repeats", Checkbox("every year", old.yearly if old else True, compact=True,
                                                id="field-yearly"), id="row-yearly")
            yield FormField("Card", Checkbox("plan a card", old.card if old else True, compact=True,
                                             id="field-card"), id="row-card")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", id="form-save", variant="primary")
                yield Button("Cancel (esc)", id="form-cancel")

    def on_mount(self) -> None:
        """Start in the name field."""
        self.query_one("#field-name", Input).focus()

    @on(Input.Blurred)
    def _check_left_field(self, event: Input.Blurred) -> None:
        """Say what is wrong with a field as soon as it is left, as the friend form does."""
        key = (event.input.id or "").removeprefix("field-")
        if key in ERROR_FIELDS.values() and self.is_mounted:
            row = self.query_one(f"#row-{key}", FormField)
            message = check_occasion_field(key, event.input.value, self.data.today())
            row.show_message(message) if message else row.clear_message()

    @on(Input.Submitted)
    @on(Button.Pressed, "#form-save")
    def action_save(self) -> None:
        """Save when the occasion is valid; otherwise show the message beside its field."""
        for key in ERROR_FIELDS.values():
            self.query_one(f"#row-{key}", FormField).clear_message()
        try:
            stored = self.data.save_occasion(self.friend_id, self._occasion())
        except InvalidValue as exc:
            key = ERROR_FIELDS.get(exc.field, "date")
            self.query_one(f"#row-{key}", FormField).show_message(describe(exc))
            self.query_one(f"#field-{key}").focus()
            return
        except RitualError as exc:
            self.notify(exc.message, title="Not saved")
            return
        self.post_message(FriendSaved(stored))
        self.dismiss(True)

    def _occasion(self) -> Occasion:
        name = self.query_one("#field-name", Input).value.strip()
        if not name:
            raise InvalidValue("occasion name", name, "needs a name")
        return Occasion(
            name=name,
            date=parse_partial_words(self.query_one("#field-date", Input).value, "occasion date", self.data.today()),
            yearly=self.query_one("#field-yearly", Checkbox).value,
            card=self.query_one("#field-card", Checkbox).value,
            id=self.occasion.id if self.occasion else None,
        )

    @on(Button.Pressed, "#form-cancel")
    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(False)


def check_occasion_field(key: str, text: str, today: date) -> str:
    """The message for one field of the occasion form, or an empty string when it is fine."""
    if key == "name":
        return "" if text.strip() else "Please give the occasion a name, such as anniversary."
    try:
        parse_partial_words(text, "occasion date", today)
    except InvalidValue as exc:
        return describe(exc)
    return ""
