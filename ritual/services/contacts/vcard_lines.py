"""A vCard file's logical lines (folds joined, 2.1 quoted-printable soft breaks kept), in linear time.

vobject's `getLogicalLines` reads the whole logical line back after every physical one, so a 10 MB folded
PHOTO costs minutes. This reads the same lines in one pass, and keeps only the head of a picture, sound or
key property: ritual never uses their bodies, and a card should not cost its photo's size in memory.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_QP_MARK = "quoted-printable"
# Properties whose value is a body ritual never reads (an optional group such as `item1.` first).
_BODY_PROPERTY = re.compile(r"^(?:[\w-]+\.)?(?:PHOTO|LOGO|SOUND|KEY)[;:]", re.IGNORECASE)
# What is kept of such a property's value: enough for parsing its name and parameters.
_BODY_KEPT = 1024


class _Line:
    """One logical line being gathered from its physical lines."""

    def __init__(self, first: str, number: int) -> None:
        self.parts = [first]
        self.number = number
        self.qp = _QP_MARK in first.lower()
        self.body_only = bool(_BODY_PROPERTY.match(first))
        self.size = len(first)
        self.tail = first[-len(_QP_MARK):]

    def add(self, text: str, joiner: str = "") -> None:
        """Append a continuation, watching for the quoted-printable mark across the join."""
        if not self.qp:
            self.qp = _QP_MARK in (self.tail + joiner + text).lower()
        self.tail = (self.tail + joiner + text)[-len(_QP_MARK):]
        if self.body_only and self.size > _BODY_KEPT:
            return
        self.parts += [joiner, text] if joiner else [text]
        self.size += len(joiner) + len(text)

    def soft_break(self) -> bool:
        """True when the line ends in a quoted-printable soft break, so the next physical line belongs to it."""
        return self.qp and self.tail.endswith("=")

    def text(self) -> str:
        """The logical line."""
        return "".join(self.parts)


def logical_lines(text: str) -> Iterator[tuple[str, int]]:
    """(logical line, number of its first physical line) for text whose newlines are `\\n`."""
    # The mark may be split by a fold, so it is looked for with every fold joined (and every CR dropped,
    # which can only find a mark too many: then the general reader runs, which is always right).
    if _QP_MARK in text.replace("\r", "").replace("\n ", "").replace("\n\t", "").lower():
        return _lines_with_soft_breaks(text)
    return _folded_lines(text)


def _folded_lines(text: str) -> Iterator[tuple[str, int]]:
    """The logical lines of text without quoted-printable: only folds join lines (most files; the fast way)."""
    parts: list[str] = []
    start = size = 0
    body_only = False
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.rstrip("\r")
        if not line.strip():
            if parts:
                yield "".join(parts), start
            parts = []
        elif parts and line[0] in " \t":
            if not body_only or size <= _BODY_KEPT:
                parts.append(line[1:])
                size += len(line) - 1
        else:
            if parts:
                yield "".join(parts), start
            parts, start, size = [line], number, len(line)
            body_only = bool(_BODY_PROPERTY.match(line))
    if parts:
        yield "".join(parts), start


def _lines_with_soft_breaks(text: str) -> Iterator[tuple[str, int]]:
    """The logical lines of text where a quoted-printable value may go on after a line ending in `=`."""
    current: _Line | None = None
    soft = False
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.rstrip("\r")
        if not line.strip():
            if current is not None:
                yield current.text(), current.number
            current, soft = None, False
            continue
        if current is not None and soft:
            current.add(line, "\n")
        elif current is not None and line[0] in " \t":
            current.add(line[1:])
        else:
            if current is not None:
                yield current.text(), current.number
            current = _Line(line, number)
        soft = current.soft_break()
    if current is not None:
        yield current.text(), current.number
