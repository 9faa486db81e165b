"""A structural check of iCalendar text that names the line of the first problem.

icalendar is lenient: a broken line becomes a note on the component and parsing goes on. An import must
instead refuse a malformed file outright, and say where it is broken.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ritual.errors import InvalidValue

_LINE_BREAK = re.compile(r"\r\n|\n|\r")
_PARAM_VALUE = r'(?:"[^"]*"|[^";:,]*)'
_CONTENT_LINE = re.compile(rf"^[A-Za-z0-9-]+(?:;[A-Za-z0-9-]+={_PARAM_VALUE}(?:,{_PARAM_VALUE})*)*:")


@dataclass
class EventLines:
    """Where one VEVENT starts and where each of its properties first appears."""

    begin: int
    properties: dict[str, int] = field(default_factory=dict)


def decode(data: bytes, source: str) -> str:
    """UTF-8 text (a BOM is dropped), or an error naming the line holding the first bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InvalidValue(f"{source} line {line}", data[exc.start : exc.start + 8], "is not UTF-8 text") from None


def check_structure(text: str, source: str) -> list[EventLines]:
    """Raise on the first line that is not a content line or breaks BEGIN/END nesting; map the VEVENTs."""
    stack: list[str] = []
    events: list[EventLines] = []
    for number, line in logical_lines(text):
        if not _CONTENT_LINE.match(line):
            raise InvalidValue(f"{source} line {number}", line[:60], "is not an iCalendar line (NAME:value)")
        name, _, value = line.partition(":")
        name = name.split(";")[0].upper()
        if not stack and (name, value.strip().upper()) != ("BEGIN", "VCALENDAR"):
            raise InvalidValue(f"{source} line {number}", line[:60], "comes before BEGIN:VCALENDAR")
        if name == "BEGIN":
            stack.append(value.strip().upper())
            if stack[-1] == "VEVENT" and len(stack) == 2:
                events.append(EventLines(number))
        elif name == "END":
            _close(stack, value.strip().upper(), number, source)
        elif len(stack) == 2 and stack[-1] == "VEVENT":
            events[-1].properties.setdefault(name, number)
    if stack:
        raise InvalidValue(f"{source} line {number if text else 1}", f"BEGIN:{stack[-1]}", "is never closed with END")
    return events


def _close(stack: list[str], kind: str, number: int, source: str) -> None:
    if not stack or stack[-1] != kind:
        expected = f"END:{stack[-1]}" if stack else "nothing"
        raise InvalidValue(f"{source} line {number}", f"END:{kind}", f"does not close anything open (expected {expected})")
    stack.pop()


def logical_lines(text: str) -> list[tuple[int, str]]:
    """Unfolded lines with the number of the physical line each starts on; blank lines dropped."""
    found: list[tuple[int, str]] = []
    for number, line in enumerate(_LINE_BREAK.split(text), start=1):
        if line[:1] in (" ", "\t") and found:
            found[-1] = (found[-1][0], found[-1][1] + line[1:])
        elif line.strip():
            found.append((number, line))
    return found
