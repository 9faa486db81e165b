"""Terminal output: colour only on a terminal and never when NO_COLOR is set."""

from __future__ import annotations

import os
import sys

from ritual.text.safe import one_line, say, visible


def use_color(stream=None) -> bool:
    """Colour for a real terminal, unless NO_COLOR (any value) asks otherwise."""
    if "NO_COLOR" in os.environ and os.environ["NO_COLOR"] != "":
        return False
    stream = stream or sys.stdout
    return hasattr(stream, "isatty") and stream.isatty()


# The few calm styles, by the Styler method that applies each: the codes click.style writes for bold, dim,
# yellow and cyan, each piece ending with a reset of all styles.
STYLE_CODES = {"heading": "\x1b[1m", "muted": "\x1b[2m", "attention": "\x1b[33m", "accent": "\x1b[36m"}
RESET = "\x1b[0m"


class Styler:
    """Applies a few calm styles when colour is on; returns plain text otherwise."""

    def __init__(self, color: bool) -> None:
        self.color = color
        # A page paints the same labels and headings thousands of times: each is styled once.
        self._painted: dict[tuple[str, str], str] = {}

    def _style(self, text: str, kind: str) -> str:
        # Data inside a styled piece is made visible first: the colour codes are the only ones the Styler adds.
        key = (kind, text)
        painted = self._painted.get(key)
        if painted is None:
            painted = visible(text)
            if self.color:
                painted = f"{STYLE_CODES[kind]}{painted}{RESET}"
            self._painted[key] = painted
        return painted

    def heading(self, text: str) -> str:
        """A section or day heading."""
        return self._style(text, "heading")

    def muted(self, text: str) -> str:
        """Secondary information."""
        return self._style(text, "muted")

    def attention(self, text: str) -> str:
        """Something that needs a look (late), in a soft colour rather than alarm red."""
        return self._style(text, "attention")

    def accent(self, text: str) -> str:
        """The day itself."""
        return self._style(text, "accent")


def removal_confirmed(question: str, yes: bool) -> bool:
    """Ask before removing anything (unless --yes); say so calmly when the answer is no."""
    import click  # only a removal asks a question

    if yes or click.confirm(visible(question), default=False):
        return True
    say("Nothing removed.")
    return False



def clean(text: str) -> str:
    """Text from data on one line, any control character shown as a visible stand-in."""
    return one_line(text)
