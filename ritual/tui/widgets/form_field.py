"""A labelled form field with room for a gentle message right under it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Input, Label, Static

# Textual's class for a compact field (no border).
COMPACT_CLASS = "-textual-compact"


class FormField(Widget):
    """A label, the input widget beside it, and the field's message under both once there is one.

    Two widgets a field, laid out on a grid: a form of 18 fields mounts about 40 widgets rather than 90, which
    is most of the time it takes to open (the message is mounted only when it is first needed).
    """

    DEFAULT_CSS = """
    FormField { layout: grid; grid-size: 2; grid-columns: 18 1fr; grid-rows: auto; height: auto; }
    FormField > .field-label { width: 18; padding: 0 1 0 0; color: $text-muted; }
    FormField > .field-message { column-span: 2; display: none; padding: 0 0 0 18; color: $text-warning; }
    FormField.-invalid > .field-message { display: block; }
    FormField.-invalid > .field-label { color: $text-warning; }
    """

    def __init__(self, label: str, widget: Widget, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.label = label
        self.widget = widget
        self._message: Static | None = None

    def compose(self) -> ComposeResult:
        """Label and widget on one line."""
        yield Label(self.label, classes="field-label")
        yield self.widget

    def show_message(self, message: str) -> None:
        """Show what needs changing in this field."""
        if self._message is None:
            self._message = Static(message, classes="field-message")
            self.mount(self._message)
        else:
            self._message.update(message)
        self.add_class("-invalid")

    def clear_message(self) -> None:
        """The field is fine again."""
        if self._message is not None:
            self._message.update("")
        self.remove_class("-invalid")

    @property
    def message(self) -> str:
        """The message shown, or an empty string."""
        if self._message is None or not self.has_class("-invalid"):
            return ""
        return str(self._message.content)


def compact(field: Input) -> Input:
    """The field made compact before it is mounted.

    `Input(compact=True)` styles the field twice while it is not even shown (taking the class off, then on), which
    on a form of sixteen fields costs about as much as styling them all once when they mount.
    """
    field.set_reactive(Input.compact, True)
    field.add_class(COMPACT_CLASS, update=False)
    return field


class FieldMessages:
    """For form screens: messages under fields (`#row-KEY` or a FieldGrid), and whether anything changed since opening."""

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
        grid = self._grid_of(key)
        if grid is not None:
            grid.show_message(key, message) if message else grid.clear_message(key)
            return
        row = self.query_one(f"#row-{key}", FormField)
        row.show_message(message) if message else row.clear_message()

    def field_message(self, key: str) -> str:
        """The message shown next to a field (for tests and screen readers)."""
        grid = self._grid_of(key)
        return grid.message(key) if grid is not None else self.query_one(f"#row-{key}", FormField).message

    def _grid_of(self, key: str):
        """The FieldGrid holding the field, when it is in one rather than in a FormField row of its own."""
        from ritual.tui.widgets.field_grid import FieldGrid

        return next((grid for grid in self.query(FieldGrid) if grid.has_field(key)), None)
