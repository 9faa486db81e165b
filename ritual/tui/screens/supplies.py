"""Stamps and cards on hand: see the counts, set or add to one kind."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from ritual.core.supplies import STANDARD_KINDS, counted, supply_kind, words_for
from ritual.errors import RitualError
from ritual.tui.screens.base import QuickOpening

if TYPE_CHECKING:
    from ritual.tui.data import RitualData

INTRO = ("Once counted, the week says calmly when the letters due need more, "
         "and each letter marked posted uses a stamp of the right kind.")


class SuppliesScreen(QuickOpening, ModalScreen[None]):
    """A small dialog over the week: the counts, and a kind with a number to set or add."""

    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("ctrl+s", "change('set')", "Set"),
        Binding("ctrl+o", "change('add')", "Add"),
        Binding("ctrl+r", "remove", "Remove the kind"),
    ]

    def __init__(self, data: RitualData) -> None:
        super().__init__()
        self.data = data
        self.repo = data.supplies()

    def compose(self) -> ComposeResult:
        """The counts, the two fields, and the buttons."""
        with Vertical(id="supplies-dialog", classes="dialog"):
            yield Static("Supplies on hand", classes="dialog-title")
            yield Static(INTRO, id="supplies-intro")
            yield Static(id="supplies-counts")
            with Horizontal(id="supplies-fields"):
                yield Input(placeholder="kind: " + ", ".join(STANDARD_KINDS) + ", envelopes, …", compact=True,
                            id="supply-kind")
                yield Input(placeholder="how many", compact=True, id="supply-count", type="integer")
            yield Static(id="supplies-message")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Set (ctrl+s)", id="supply-set", variant="primary")
                yield Button("Add (ctrl+o)", id="supply-add")
                yield Button("Remove (ctrl+r)", id="supply-remove")
                yield Button("Close (esc)", id="supply-close")

    def on_mount(self) -> None:
        """Show the counts and start in the kind field."""
        self.show_counts()
        self.query_one("#supply-kind", Input).focus()

    def show_counts(self) -> None:
        """Every kind counted and how many are on hand."""
        on_hand = self.repo.all()
        if not on_hand:
            text = Text("Nothing counted yet. Say how many domestic and international stamps and cards you have.",
                        style="dim italic")
        else:
            text = Text("\n".join(f"  {words_for(kind):<24} {count:>4}" for kind, count in on_hand.items()))
        self.query_one("#supplies-counts", Static).update(text)

    @on(Button.Pressed, "#supply-set")
    def _set_pressed(self) -> None:
        self.action_change("set")

    @on(Button.Pressed, "#supply-add")
    def _add_pressed(self) -> None:
        self.action_change("add")

    @on(Button.Pressed, "#supply-remove")
    def action_remove(self) -> None:
        """Stop counting the kind typed in the kind field."""
        try:
            removed = self.repo.remove(self.query_one("#supply-kind", Input).value)
        except RitualError as exc:
            self._say(Text(exc.message, style="italic"))
            return
        self.show_counts()
        self._say(Text(f"No longer counting {words_for(removed)}."))
        self.app.data_changed()

    @on(Button.Pressed, "#supply-close")
    def action_close(self) -> None:
        """Back to where the dialog opened."""
        self.dismiss()

    def action_change(self, how: str) -> None:
        """Set the kind to the number, or add the number (negative takes some away)."""
        try:
            kind = supply_kind(self.query_one("#supply-kind", Input).value)
            number = int(self.query_one("#supply-count", Input).value or "x")
            now = self.repo.set(kind, number) if how == "set" else self.repo.add(kind, number)
        except RitualError as exc:
            self._say(Text(exc.message, style="italic"))
            return
        except ValueError:
            self._say(Text("Please give a whole number.", style="italic"))
            return
        self.show_counts()
        self._say(Text(f"{counted(now, kind)} on hand."))
        self.app.data_changed()

    def _say(self, text: Text) -> None:
        self.query_one("#supplies-message", Static).update(text)
