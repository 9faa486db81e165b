"""A calm yes-or-no question before anything is removed."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ConfirmScreen(ModalScreen[bool]):
    """Ask once; escape or "Keep" changes nothing."""

    BINDINGS = [
        Binding("escape,n", "answer(False)", "Keep"),
        Binding("y", "answer(True)", "Yes"),
    ]

    def __init__(self, question: str, confirm_label: str = "Yes") -> None:
        super().__init__()
        self.question = question
        self.confirm_label = confirm_label

    def compose(self) -> ComposeResult:
        """The question and two buttons, the safe one focused."""
        with Vertical(id="confirm-dialog", classes="dialog"):
            yield Static(self.question, id="confirm-question", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Keep", id="confirm-keep", variant="primary")
                yield Button(f"{self.confirm_label} (y)", id="confirm-yes", variant="warning")

    def on_mount(self) -> None:
        """Start on the safe choice."""
        self.query_one("#confirm-keep", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Answer with the pressed button."""
        self.dismiss(event.button.id == "confirm-yes")

    def action_answer(self, answer: bool) -> None:
        """Answer from the keyboard."""
        self.dismiss(answer)
