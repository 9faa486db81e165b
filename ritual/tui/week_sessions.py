"""Option rows for the week's writing sessions and its calm notes (letters without a session, supplies, on this day)."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.widgets.option_list import Option

from ritual.core.sessions import LetterTask, Session
from ritual.core.text import short_day
from ritual.services.planning.week import WeekPlan
from ritual.text.sessions import conflict_text
from ritual.tui.formatting import hanging


def session_heading(session: Session, minutes_planned: int) -> Text:
    """`✎ Writing session 10:00–11:00 · 40 of 60 minutes`."""
    text = Text("✎ ", style="bold").append(f"Writing session {session.start:%H:%M}–{session.end():%H:%M}", style="bold")
    text.append(f" · {minutes_planned} of {session.minutes} minutes planned", style="dim")
    if session.extra_id is not None:
        text.append(" · one-off", style="dim italic")
    return text


def letter_line(letter: LetterTask) -> Text:
    """One letter placed in a session: whom, what for, and by when."""
    text = Text("      ").append(letter.friend, style="bold")
    text.append(f" — {letter.occasion or 'a letter'}, write by {short_day(letter.write_by)}", style="dim")
    return text


# Wrapped lines hang under the words: a heading's past "  ✎ ", a letter's past its six-space margin.
HEADING_HANG = 4
LETTER_HANG = 8


def session_options(plan: WeekPlan, day: date, width: int) -> list[Option]:
    """Each session of `day` under its heading, then its letters (or a word that it is free), wrapped to `width`."""
    found: list[Option] = []
    for index, session in enumerate(plan.sessions):
        if session.day != day:
            continue
        letters = plan.letters_in(session)
        heading = session_heading(session, plan.session_plan.used_minutes(session))
        found.append(Option(hanging(Text("  ").append_text(heading), width, HEADING_HANG), id=f"session-{index}"))
        found += [Option(hanging(letter_line(letter), width, LETTER_HANG), id=f"session-{index}-{number}")
                  for number, letter in enumerate(letters)]
        if not letters:
            found.append(Option(Text("      no letters due yet: time for one of your choice", style="dim italic"),
                                disabled=True))
    return found


def notes_options(plan: WeekPlan) -> list[Option]:
    """The same calm notes `ritual week` prints: letters that fit no session, supplies running short."""
    found: list[Option] = []
    if plan.conflicts:
        found.append(Option(Text("Letters without a session", style="bold"), disabled=True))
        found += [Option(Text(f"  {conflict_text(c)}"), disabled=True) for c in plan.conflicts]
    if plan.shortfalls:
        found.append(Option(Text("Supplies", style="bold"), disabled=True))
        found += [Option(Text(f"  {shortfall.text()}"), disabled=True) for shortfall in plan.shortfalls]
    if plan.on_this_day:
        found.append(Option(Text("On this day", style="bold"), disabled=True))
        found.append(Option(Text(f"  {plan.on_this_day}", style="italic"), disabled=True, id="on-this-day"))
    return found
