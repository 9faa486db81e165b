"""Text already wrapped to a list's width, measured by counting its lines rather than by wrapping it again."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.content import Content
from textual.visual import Visual


class FittedLines(Visual):
    """An option's text whose lines were wrapped to fit: as many lines high as it has, when they all fit.

    An option list measures every option's wrapped height as it fills; with hundreds of options (a busy day of
    10,000 friends) wrapping each again only to count lines it already has costs a tenth of a second. Only the
    options scrolled into view are drawn, so the text is made ready to draw when first drawn.
    """

    def __init__(self, text: Text) -> None:
        self.text = text
        self._content: Content | None = None
        lines = text.plain.split("\n")
        self.line_count = len(lines)
        self.widest = max(cell_len(line) for line in lines)

    def __str__(self) -> str:
        """The text itself, as the option's prompt reads."""
        return self.text.plain

    @property
    def content(self) -> Content:
        """The text as Textual draws it, made on first use."""
        if self._content is None:
            self._content = Content.from_rich_text(self.text)
        return self._content

    def render_strips(self, width, height, style, options):
        """Drawn as the text itself is."""
        return self.content.render_strips(width, height, style, options)

    def get_optimal_width(self, rules, container_width: int) -> int:
        """As wide as the text itself."""
        return self.content.get_optimal_width(rules, container_width)

    def get_height(self, rules, width: int) -> int:
        """Its line count when every line fits `width`; otherwise as high as it wraps there."""
        if width - rules.get("line_pad", 0) * 2 >= self.widest:
            return self.line_count
        return self.content.get_height(rules, width)
