"""Every key of the screen underneath, and a word on the mouse and the command palette."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

CLOSING_NOTE = ("The mouse works too: click an item, double-click to open it, scroll any list.\n"
                "ctrl+p opens the command palette with every action, themes included.")


class HelpScreen(ModalScreen[None]):
    """The key bindings that work where help was asked for."""

    BINDINGS = [Binding("escape,question_mark,q", "app.pop_screen", "Close")]

    def __init__(self, title: str, keys: list[tuple[str, str]]) -> None:
        super().__init__()
        self.title_text = title
        self.keys = keys

    def compose(self) -> ComposeResult:
        """A table of keys and what they do."""
        with Vertical(id="help-dialog", classes="dialog"):
            # On a profile the title is the friend's name: data, so shown as text, never read as markup.
            yield Static(Text(f"Keys · {self.title_text}"), classes="dialog-title")
            yield DataTable(id="help-keys", cursor_type="none", show_header=False, zebra_stripes=True)
            yield Static(CLOSING_NOTE, id="help-note")

    def on_mount(self) -> None:
        """Fill the table."""
        table = self.query_one(DataTable)
        table.add_columns("Key", "Action")
        table.add_rows(self.keys)
