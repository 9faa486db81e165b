"""`ritual journal NAME`: a friend's letters both ways and the reflections behind them, oldest first."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import click

from ritual.commands.transfer import OUTPUT_PATH
from ritual.context import RitualContext
from ritual.text.safe import say

# Characters that would turn the user's own words into Markdown headings, quotes or lists.
_MARKDOWN_START = re.compile(r"^(\s*)([#>*+\-=|]|\d+[.)])")


@dataclass(frozen=True)
class Entry:
    """One dated block of the journal: a heading and the lines under it."""

    day: date
    order: int
    heading: str
    lines: tuple[str, ...] = ()
    quoted: tuple[str, ...] = ()


def letter_entry(letter) -> Entry:
    """A letter as a journal entry."""
    from ritual.commands.letters import STATUS_WORDS
    from ritual.core.text import short_day

    who = "You wrote" if letter.sent else f"{letter.friend} wrote"
    about = ", ".join(p for p in (letter.occasion, letter.tone) if p)
    heading = f"{short_day(letter.day)} {letter.day.year} · {who} a {letter.medium}" + (f" ({about})" if about else "")
    facts = [f"posted {short_day(letter.posted)}" if letter.posted else "",
             f"arrived {short_day(letter.arrived)}" if letter.arrived else ""]
    facts = [f for f in facts if f] or [STATUS_WORDS[letter.status]]
    said = "; ".join(facts)
    lines = [said[0].upper() + said[1:] + "."]
    if letter.scan:
        lines.append(f"Scan: {letter.scan}")
    return Entry(letter.day, 1, heading, tuple(lines), tuple(letter.note.splitlines()))


def sitting_entry(answers) -> Entry:
    """The answers of one ritual as a journal entry."""
    from ritual.core.text import short_day

    first = answers[0]
    day = first.asked_at.date()
    about = " · ".join(p for p in (first.occasion, first.tone) if p)
    heading = f"{short_day(day)} {day.year} · Before writing" + (f" ({about})" if about else "")
    lines: list[str] = []
    for reflection in answers:
        lines += ["", f"**{reflection.question}**", "", *reflection.answer.splitlines()]
    return Entry(day, 0, heading, tuple(lines[1:]))


def markdown(name: str, entries: list[Entry]) -> str:
    """The journal as Markdown: a heading per year, an entry per letter or ritual."""
    out = [f"# Letters with {name}"]
    year = None
    for entry in sorted(entries, key=lambda e: (e.day, e.order)):
        if entry.day.year != year:
            year = entry.day.year
            out += ["", f"## {year}"]
        out += ["", f"### {entry.heading}", ""]
        out += [_escape(line) if not line.startswith("**") else line for line in entry.lines]
        if entry.quoted:
            out += [""] + [f"> {_escape(line)}".rstrip() for line in entry.quoted]
    if not entries:
        out += ["", "No letters or reflections yet."]
    return "\n".join(out) + "\n"


def _escape(line: str) -> str:
    return _MARKDOWN_START.sub(lambda m: m[1] + "\\" + m[2], line)


@click.command()
@click.argument("who")
@click.option("--markdown", "as_markdown", is_flag=True, default=True, help="Write Markdown (the default).")
@click.option("--out", type=OUTPUT_PATH, help="Write to FILE (private) instead; - for standard output.")
@click.pass_obj
def journal(context: RitualContext, who: str, as_markdown: bool, out: Path | None) -> None:
    """A journal of everything between you and WHO: letters both ways and your answers before writing."""
    from ritual.store.friends import FriendRepository
    from ritual.store.letters import LetterRepository
    from ritual.store.reflections import ReflectionRepository

    friend = FriendRepository(context.db).find(who)
    entries = [letter_entry(x) for x in LetterRepository(context.db).list(friend.id)]
    by_sitting: dict[str, list] = {}
    for reflection in reversed(ReflectionRepository(context.db).answers(friend.id)):
        by_sitting.setdefault(reflection.sitting, []).append(reflection)
    entries += [sitting_entry(answers) for answers in by_sitting.values()]
    text = markdown(friend.name, entries)
    if out is None or str(out) == "-":
        say(text, nl=False)
        return
    from ritual.private_files import write_private_text

    write_private_text(out, text)
    say(f"Wrote the journal with {friend.name} to {out} ({len(entries)} entries).")


def register(group: click.Group) -> None:
    """Add this module's commands to the root group."""
    group.add_command(journal)
