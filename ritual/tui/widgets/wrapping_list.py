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
        self.wrapped_for = 0  # the list's width when its lines were last wrapped: the owner sets it as it fills it

    @property
    def line_width(self) -> int:
        """The cells one line can fill, the scrollbar aside; 0 before the layout."""
        return max(0, self.scrollable_content_region.width)

    @property
    def needs_wrapping(self) -> bool:
        """True once the list is laid out at a width its lines were not wrapped for."""
        return self.size.width != self.wrapped_for

    def width_for(self, lines: int) -> int:
        """The cells one line can fill once the list holds `lines` lines: a scrollbar's fewer when they overflow.

        Wrapping to the width the list will have spares wrapping everything again when its scrollbar comes or
        goes, which on a busy day of 10,000 friends costs a tenth of a second.
        """
        width, bar = self.line_width, self.styles.scrollbar_size_vertical
        if not width or self.styles.overflow_y != "auto":
            return width
        overflows = lines > self.scrollable_content_region.height
        if overflows and not self.show_vertical_scrollbar:
            return max(0, width - bar)
        if not overflows and self.show_vertical_scrollbar:
            return width + bar
        return width

    def on_resize(self, _: events.Resize) -> None:
        """Tell the screen once the width differs from the one its lines were wrapped for."""
        if self.needs_wrapping:
            self.post_message(self.WidthChanged())
