"""Option rows for the week's writing sessions and its calm notes (letters without a session, supplies)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from rich.text import Text
from textual.widgets.option_list import Option

from ritual.core.supplies import Shortfall
from ritual.core.text import short_day


def session_heading(entry: dict) -> Text:
    """`✎ Writing session 10:00–11:00 · 40 of 60 minutes`."""
    start_hours, start_minutes = (int(part) for part in entry["start"].split(":"))
    end = (start_hours * 60 + start_minutes + entry["minutes"]) % (24 * 60)
    text = Text("✎ ", style="bold").append(f"Writing session {entry['start']}–{end // 60:02d}:{end % 60:02d}", style="bold")
    text.append(f" · {entry['minutes_planned']} of {entry['minutes']} minutes planned", style="dim")
    if entry["extra"]:
        text.append(" · one-off", style="dim italic")
    return text


def letter_line(letter: dict) -> Text:
    """One letter placed in a session: whom, what for, and by when."""
    text = Text("      ").append(letter["friend"], style="bold")
    about = letter["occasion"] or "a letter"
    text.append(f" — {about}, write by {short_day(date.fromisoformat(letter['write_by']))}", style="dim")
    return text


def session_options(sessions: Sequence[tuple[int, dict]]) -> list[Option]:
    """Each session under its day, then its letters (or a word that it is free)."""
    found: list[Option] = []
    for index, entry in sessions:
        found.append(Option(Text("  ").append_text(session_heading(entry)), id=f"session-{index}"))
        found += [Option(letter_line(letter), id=f"session-{index}-{number}")
                  for number, letter in enumerate(entry["letters"])]
        if not entry["letters"]:
            found.append(Option(Text("      no letters due yet: time for one of your choice", style="dim italic"),
                                disabled=True))
    return found


def notes_options(conflicts: Sequence[dict], shortfalls: Sequence[Shortfall]) -> list[Option]:
    """The same calm notes `ritual week` prints: letters that fit no session, supplies running short."""
    found: list[Option] = []
    if conflicts:
        found.append(Option(Text("Letters without a session", style="bold"), disabled=True))
        found += [Option(Text(f"  {entry['reason']}"), disabled=True) for entry in conflicts]
    if shortfalls:
        found.append(Option(Text("Supplies", style="bold"), disabled=True))
        found += [Option(Text(f"  {shortfall.text()}"), disabled=True) for shortfall in shortfalls]
    return found
