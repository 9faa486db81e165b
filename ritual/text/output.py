"""Terminal output: colour only on a terminal and never when NO_COLOR is set."""

from __future__ import annotations

import os
import sys

import click

from ritual.text.safe import say, visible


def use_color(stream=None) -> bool:
    """Colour for a real terminal, unless NO_COLOR (any value) asks otherwise."""
    if "NO_COLOR" in os.environ and os.environ["NO_COLOR"] != "":
        return False
    stream = stream or sys.stdout
    return hasattr(stream, "isatty") and stream.isatty()


class Styler:
    """Applies a few calm styles when colour is on; returns plain text otherwise."""

    def __init__(self, color: bool) -> None:
        self.color = color

    def _style(self, text: str, **style) -> str:
        # Data inside a styled piece is made visible first: the colour codes are the only ones the Styler adds.
        text = visible(text)
        return click.style(text, **style) if self.color else text

    def heading(self, text: str) -> str:
        """A section or day heading."""
        return self._style(text, bold=True)

    def muted(self, text: str) -> str:
        """Secondary information."""
        return self._style(text, dim=True)

    def attention(self, text: str) -> str:
        """Something that needs a look (late), in a soft colour rather than alarm red."""
        return self._style(text, fg="yellow")

    def accent(self, text: str) -> str:
        """The day itself."""
        return self._style(text, fg="cyan")


def removal_confirmed(question: str, yes: bool) -> bool:
    """Ask before removing anything (unless --yes); say so calmly when the answer is no."""
    if yes or click.confirm(visible(question), default=False):
        return True
    say("Nothing removed.")
    return False


def clean(text: str) -> str:
    """Text from data with any control character (an escape sequence, a carriage return) shown as a space."""
    return "".join(" " if ord(c) < 32 or 127 <= ord(c) < 160 else c for c in text)
