"""The one door to the terminal: control characters from data become visible stand-ins before they are printed.

A name from an imported card such as `Evil\\x1b]0;PWNED\\x07` would otherwise retitle the window, clear the
screen or write the clipboard. Only the few colour codes the Styler itself writes get through, and only when
colour is on.
"""

from __future__ import annotations

import codecs
import os
import re
import sys

from ritual.core.fields import CONTROL, NOTE_CONTROL

# The exact codes the Styler writes (bold, dim, yellow, cyan, reset) with their partial resets, and nothing else.
_STYLER_CODES = re.compile("\x1b\\[(?:0|1|2|22|33|36|39)m")
_STYLER_BYTES = re.compile(_STYLER_CODES.pattern.encode())
# Pages longer than this are looked over quickly first: nearly all of them hold no control character at all.
_LONG = 4096
_C0_BYTES = bytes([*range(0x09), *range(0x0B, 0x20), 0x7F])
_C1_BYTES = re.compile(b"\xc2[\x80-\x9f]")


def stand_in(character: str) -> str:
    """How one control character is shown: caret notation for C0 and DEL, U+FFFD for C1."""
    code = ord(character)
    if code < 0x20:
        return "^" + chr(code + 0x40)
    if code == 0x7F:
        return "^?"
    return "\ufffd"


def visible(text: str, keep_newlines: bool = True) -> str:
    """`text` with every control character (but newline and tab, when kept) replaced by a visible stand-in."""
    if keep_newlines and len(text) > _LONG and not _may_hold_control(text):
        return text
    # The pattern that leaves newline and tab alone never stops at them: a long page has thousands of lines.
    return (NOTE_CONTROL if keep_newlines else CONTROL).sub(_swap, text)


def _may_hold_control(text: str) -> bool:
    """False only when `text` holds no control character but newline and tab: a quick look for long pages.

    Its UTF-8 bytes are searched instead of its characters: dropping C0 controls and DEL from bytes is one pass
    of C over a table, and a C1 control is always the byte C2 followed by 80-9F (a few bytes to look at).
    """
    return _bytes_hold_control(text.encode("utf-8", "surrogatepass"))


def _bytes_hold_control(raw: bytes) -> bool:
    """True when UTF-8 bytes hold a control character other than newline and tab."""
    return len(raw.translate(None, _C0_BYTES)) != len(raw) or _C1_BYTES.search(raw) is not None


def _swap(match: re.Match) -> str:
    """The stand-in of one matched control character."""
    return stand_in(match.group())


def one_line(text: str) -> str:
    """`text` made safe for a one-line place (a table cell, a subject): newlines and tabs shown too."""
    return visible(text, keep_newlines=False)


def terminal_safe(text: str, styled: bool = False) -> str:
    """Text ready for the terminal: the Styler's own colour codes kept when `styled`, every other control shown."""
    if not styled:
        return visible(text)
    if NOTE_CONTROL.search(_STYLER_CODES.sub("", text)) is None:
        return text  # the common case, checked in two passes of C rather than one Python step per piece
    pieces = _STYLER_CODES.split(text)
    codes = _STYLER_CODES.findall(text)
    out = [visible(pieces[0])]
    for code, piece in zip(codes, pieces[1:]):
        out += [code, visible(piece)]
    return "".join(out)


def say(text: object = "", err: bool = False, nl: bool = True, color: bool | None = None) -> None:
    """Print through terminal_safe to stdout (or stderr), then flush: the one way commands write text."""
    text, end = str(text), "\n" if nl else ""
    if len(text) > _LONG and _said_as_utf8(text, end, err, bool(color)):
        return
    # Once through terminal_safe no escape is left but the Styler's own, kept only when styled: nothing to strip.
    write_out(terminal_safe(text, styled=bool(color)) + end, err)


def _said_as_utf8(text: str, end: str, err: bool, styled: bool) -> bool:
    """Write a long page that holds no control character straight to a UTF-8 stream's bytes; False when it holds
    one, cannot be UTF-8, or the stream is another kind (then the usual way shows or replaces what it must).

    A year's page is millions of characters: encoded once here, rather than once to look it over and once more
    by the stream, and never copied to add its line end.
    """
    stream = sys.stderr if err else sys.stdout
    raw_stream = getattr(stream, "buffer", None)
    if raw_stream is None or not _takes_utf8(stream):
        return False
    try:
        raw = text.encode("utf-8")
    except UnicodeEncodeError:
        return False  # a lone surrogate: the stream's own error handling decides, as for every other text
    if _bytes_hold_control(_STYLER_BYTES.sub(b"", raw) if styled else raw):
        return False
    stream.flush()
    raw_stream.write(raw)
    raw_stream.write(end.encode())
    raw_stream.flush()
    return True


def say_document(text: str) -> None:
    """Print a file format (vCard, Markdown) to standard output: its CRLF line ends kept, every other control shown."""
    write_out("\r\n".join(visible(part) for part in text.split("\r\n")))


def write_out(text: str, err: bool = False) -> None:
    """Write safe text to the standard stream as it is now, and flush it.

    Written without click, so the everyday commands need not load it. A stream that says it takes only ASCII
    gets UTF-8 on its bytes, with `?` for what cannot be encoded, as click.echo does: a name with an accent
    must not end the command on a terminal set up for ASCII.
    """
    stream = sys.stderr if err else sys.stdout
    if stream is None:
        return  # no terminal attached at all (a windowless process)
    raw = getattr(stream, "buffer", None) if _takes_only_ascii(stream) else None
    if raw is None:
        stream.write(text)
        stream.flush()
        return
    stream.flush()
    raw.write(text.encode("utf-8", "replace"))
    raw.flush()


def _takes_utf8(stream) -> bool:
    """True when a text stream writes UTF-8 and keeps line ends as they are (so its bytes may be written instead)."""
    try:
        return codecs.lookup(getattr(stream, "encoding", None) or "ascii").name == "utf-8" and os.linesep == "\n"
    except LookupError:
        return False


def _takes_only_ascii(stream) -> bool:
    """True when a text stream's encoding is ASCII (or unknown, which Python streams never are)."""
    try:
        return codecs.lookup(getattr(stream, "encoding", None) or "ascii").name == "ascii"
    except LookupError:
        return False
