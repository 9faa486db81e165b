"""Many form fields in one grid of labels and widgets, with a gentle message under a field once it needs one."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Label, Static


class FieldGrid(VerticalScroll):
    """Label and widget side by side for each field, all in one scrolling grid.

    One container for the whole form rather than one per field (as `FormField` is): on the friend form that is a
    third fewer widgets to style and lay out as it opens, and its labels and fields, being siblings, share one
    styling each. A field's widget has the id `field-KEY`; its message is mounted only when first needed.
    """

    DEFAULT_CSS = """
    FieldGrid { layout: grid; grid-size: 2; grid-columns: 18 1fr; grid-rows: auto; height: auto; }
    FieldGrid > .field-label { width: 18; padding: 0 1 0 0; color: $text-muted; }
    FieldGrid > .field-label.-invalid { color: $text-warning; }
    FieldGrid > .field-message { color: $text-warning; }
    """

    def __init__(self, fields: Iterable[tuple[str, str, Widget]], *, hidden: Iterable[str] = (),
                 focusable: bool = True, classes: str | None = None) -> None:
        super().__init__(classes=classes)
        self.fields = list(fields)  # (key, label, widget)
        self.hidden = set(hidden)  # fields that do not apply here, label and all
        self.can_focus = focusable  # a form whose fields never scroll need not stop the tab key on them
        # Each message sits in the widget's column, under an empty cell: a cell spanning both columns would be
        # given a row as tall as its text wrapped into the first column alone.
        self._messages: dict[str, tuple[Static, Static]] = {}

    def compose(self) -> ComposeResult:
        """Each field's label, then its widget."""
        for key, label, widget in self.fields:
            shown = Label(label, classes="field-label", id=f"label-{key}")
            shown.display = widget.display = key not in self.hidden
            yield shown
            yield widget

    def show_message(self, key: str, message: str) -> None:
        """Show what needs changing in one field, on the line under it."""
        if key not in self._messages:
            self._messages[key] = (Static(classes="field-message-gap"), Static(message, classes="field-message"))
            self.mount(*self._messages[key], after=self._widget(key))
        gap, shown = self._messages[key]
        shown.update(message)
        gap.display = shown.display = True
        self.query_one(f"#label-{key}").add_class("-invalid")

    def clear_message(self, key: str) -> None:
        """The field is fine again."""
        if key in self._messages:
            gap, shown = self._messages[key]
            shown.update("")
            gap.display = shown.display = False
        self.query_one(f"#label-{key}").remove_class("-invalid")

    def message(self, key: str) -> str:
        """The message shown under one field, or an empty string."""
        if key not in self._messages:
            return ""
        shown = self._messages[key][1]
        return str(shown.content) if shown.display else ""

    def has_field(self, key: str) -> bool:
        """True when one of the fields here has this key."""
        return any(k == key for k, _, _ in self.fields)

    def _widget(self, key: str) -> Widget:
        return next(widget for k, _, widget in self.fields if k == key)
