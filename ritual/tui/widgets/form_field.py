"""A labelled form field with room for a gentle message right under it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Label, Static


class FormField(Vertical):
    """A label, the input widget beside it, and the field's message (hidden while there is none)."""

    DEFAULT_CSS = """
    FormField { height: auto; margin: 0 0 0 0; }
    FormField > Horizontal { height: auto; }
    FormField .field-label { width: 18; padding: 0 1 0 0; color: $text-muted; }
    FormField .field-message { display: none; padding: 0 0 0 18; color: $text-warning; }
    FormField.-invalid .field-message { display: block; }
    FormField.-invalid .field-label { color: $text-warning; }
    """

    def __init__(self, label: str, widget: Widget, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.label = label
        self.widget = widget

    def compose(self) -> ComposeResult:
        """Label and widget on one line, the message below."""
        with Horizontal():
            yield Label(self.label, classes="field-label")
            yield self.widget
        yield Static("", classes="field-message")

    def show_message(self, message: str) -> None:
        """Show what needs changing in this field."""
        self.query_one(".field-message", Static).update(message)
        self.add_class("-invalid")

    def clear_message(self) -> None:
        """The field is fine again."""
        self.query_one(".field-message", Static).update("")
        self.remove_class("-invalid")

    @property
    def message(self) -> str:
        """The message shown, or an empty string."""
        return str(self.query_one(".field-message", Static).content) if self.has_class("-invalid") else ""


class FieldMessages:
    """For form screens: messages under field rows (`#row-KEY`), and whether anything was changed since opening."""

    def on_screen_resume(self) -> None:
        """Remember what the fields held when the form first showed, to tell unsaved changes later."""
        if not hasattr(self, "_opening_values"):
            self._opening_values = self.form_values()

    def form_values(self) -> dict[str, object]:
        """Every named field's value now."""
        return {w.id: w.value for w in self.query("Input, Select, Checkbox") if w.id}

    def has_unsaved_changes(self) -> bool:
        """True when some field differs from what it held when the form opened."""
        return hasattr(self, "_opening_values") and self.form_values() != self._opening_values

    def _show(self, key: str, message: str) -> None:
        row = self.query_one(f"#row-{key}", FormField)
        row.show_message(message) if message else row.clear_message()

    def field_message(self, key: str) -> str:
        """The message shown next to a field (for tests and screen readers)."""
        return self.query_one(f"#row-{key}", FormField).message
