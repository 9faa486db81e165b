"""The letter box's table, which says when its width changed so its rows can be laid out again for it."""

from __future__ import annotations

from textual import events
from textual.message import Message
from textual.widgets import DataTable


class LetterTable(DataTable):
    """A DataTable whose rows (six columns, or two lines each) are chosen by its screen for the width it has."""

    class WidthChanged(Message):
        """The table's width changed: lay its rows out again if they were filled for another."""

    def on_resize(self, _: events.Resize) -> None:
        """Tell the screen: the width a table gets can settle a frame or two after the screen is laid out."""
        self.post_message(self.WidthChanged())
