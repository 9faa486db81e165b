"""Data on screen is text, never terminal codes or markup: control characters shown, markup escaped.

Rich's `Text` and Textual's `Content` already drop a few control characters (BEL, BS, VT, FF, CR) through one
translation table each; `show_control_characters` extends both tables, so every piece of text the app shows
turns ESC and the other C0/C1 controls into visible stand-ins instead of passing them to the terminal.
A test renders a smuggled name and fails if a library update ever bypasses this.
"""

from __future__ import annotations

from ritual.text.safe import stand_in, visible

# Everything Rich or Textual would otherwise hand to the terminal as it is (newline and tab lay out text).
_CONTROLS = [code for code in (*range(0x20), *range(0x7F, 0xA0)) if chr(code) not in "\n\t"]


def show_control_characters() -> None:
    """Make Rich's and Textual's text objects show control characters as stand-ins (idempotent)."""
    from rich import control
    from textual import content

    for table in (control._CONTROL_STRIP_TRANSLATE, content._CONTROL_STRIP_TRANSLATE):
        table.update({code: stand_in(chr(code)) for code in _CONTROLS})


def markup_safe(text: str) -> str:
    """Data to put inside a markup string (a title, a question): control characters shown, brackets escaped."""
    from textual.markup import escape

    return escape(visible(text))
