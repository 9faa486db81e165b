"""Warnings the iCalendar library raises while reading a file, caught and told in ritual's own words."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

_GUESSED_ZONE = re.compile(r"Timezone '(?P<given>[^']*)'.*?means '(?P<zone>[^']*)'", re.DOTALL)


@contextmanager
def library_notes() -> Iterator[list[str]]:
    """Collect what the library would print to the terminal as notes (one per distinct case) instead."""
    notes: list[str] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            yield notes
        finally:
            for item in caught:
                note = _note(item)
                if note and note not in notes:
                    notes.append(note)


def _note(item: warnings.WarningMessage) -> str | None:
    kind = item.category.__name__
    text = str(item.message)
    if kind == "GloballyUniqueTZIDGuessed" and (match := _GUESSED_ZONE.search(text)):
        return f"time zone {match['given']!r} was read as {match['zone']} (the way Evolution and Thunderbird name it)"
    if issubclass(item.category, DeprecationWarning):
        # A change inside the library, not something about the user's file.
        return None
    return "part of the file was read by guessing; check the dates it gave"
