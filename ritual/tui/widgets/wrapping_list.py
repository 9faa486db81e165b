"""An option list that says when its width changed, so its owner can wrap the lines again to fit."""

from __future__ import annotations

from textual import events
from textual.message import Message
from textual.widgets import OptionList


class WrappingOptionList(OptionList):
    """An OptionList whose lines are wrapped by its screen (hanging under their words) to the width it has."""

    class WidthChanged(Message):
        """The list's width changed: wrap its lines again."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.wrapped_for = 0  # the width its lines were last wrapped to: the owner sets it as it fills the list

    @property
    def line_width(self) -> int:
        """The cells one line can fill, the scrollbar aside; 0 before the layout."""
        return max(0, self.scrollable_content_region.width)

    def on_resize(self, _: events.Resize) -> None:
        """Tell the screen once the width differs from the one its lines were wrapped for."""
        if self.line_width != self.wrapped_for:
            self.wrapped_for = self.line_width
            self.post_message(self.WidthChanged())
