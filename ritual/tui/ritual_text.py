"""The ritual's words on screen: the briefing before the questions and the outline after them."""

from __future__ import annotations

from datetime import date

from rich.text import Text

from ritual.core.letters import Letter, Reflection
from ritual.core.prompts import TONES
from ritual.core.sittings import EarlierSitting
from ritual.core.text import shorten
from ritual.core.text import short_day
from ritual.services.contacts.countries import country_name
from ritual.services.letters.reflect import Briefing
from ritual.text.reflect import last_sent_words, letter_words, occasion_rows, time_ago

LABEL = 16


def _row(text: Text, label: str, value: str | Text) -> None:
    text.append(f"{label:<{LABEL}}", style="dim")
    text.append(value if isinstance(value, Text) else Text(value))
    text.append("\n")


def briefing_text(briefing: Briefing, today: date) -> Text:
    """Who the letter is for, what it is for, what passed between you, and what you answered before."""
    friend = briefing.friend
    text = Text()
    facts = [p for p in (friend.nickname and f"“{friend.nickname}”", friend.relationship,
                         friend.country and country_name(friend.country)) if p]
    if facts:
        _row(text, "who", ", ".join(facts))
    for label, value in occasion_rows(briefing):
        _row(text, label, value)
    _row(text, "you last wrote", last_sent_words(briefing, today))
    _row(text, "they last wrote", letter_words(briefing.last_received, briefing.last_received_day, today))
    if briefing.owed and briefing.answering is None:
        first = briefing.owed[0]
        _row(text, "a reply", f"their letter of {short_day(first.day)} {first.day.year} is waiting for an answer")
    if friend.how_met:
        _row(text, "how you met", friend.how_met)
    if briefing.on_this_day:
        _row(text, "on this day", briefing.on_this_day)
    if briefing.answering is not None:
        text.append_text(_answering(briefing.answering, today))
    if friend.notes:
        text.append("\nYour notes\n", style="bold").append(friend.notes.strip() + "\n")
    if briefing.earlier:
        text.append("\nFrom earlier rituals\n", style="bold")
        for earlier in briefing.earlier:
            text.append_text(_earlier(earlier, today))
    return text


def _answering(letter: Letter, today: date) -> Text:
    """The letter being answered: its date, your note about it, the phrases you kept."""
    text = Text(f"\nAnswering their {letter.medium} of {short_day(letter.day)} {letter.day.year}", style="bold")
    text.append(f"  ({time_ago(letter.day, today)})\n", style="dim")
    if letter.note:
        text.append(letter.note.strip() + "\n")
    for quote in letter.quotes:
        text.append(f"  · “{quote}”\n", style="italic")
    return text


def _earlier(earlier: EarlierSitting, today: date) -> Text:
    """One earlier sitting: when, what for, whether it went into a posted letter, its answers shortened."""
    when = time_ago(earlier.day, today)
    occasion = earlier.occasion.replace("-", " ") or "no occasion"
    text = Text(f"{when[0].upper()}{when[1:]}, for {occasion}", style="dim")
    text.append(" · went into a posted letter\n" if earlier.posted else "\n", style="dim")
    for reflection in earlier.answers:
        if reflection.detail:
            text.append(f"      + “{shorten(reflection.answer)}”\n")
            continue
        text.append(f"  “{shorten(reflection.answer)}”\n")
        text.append(f"    to “{reflection.question}”\n", style="dim italic")
    return text


def tone_label(name: str | None) -> Text:
    """A tone and its description for the palette, or the choice of none."""
    if name is None:
        return Text("no particular tone", style="italic")
    description = dict(TONES)[name]
    return Text(f"{name:<15}", style="bold").append(description, style="dim")


def outline_plain(answers: list[Reflection], friend_name: str, about: str) -> str:
    """The notes as plain text, for the clipboard."""
    lines = [f"Notes for your letter to {friend_name}" + (f" ({about})" if about else "")]
    heart = next((r for r in answers if r.heart), None)
    if heart is not None:
        lines += ["", "The heart of it:", *(f"   {line}" for line in heart.answer.splitlines())]
    for number, reflection in _numbered(answers):
        if number is None:
            lines += [f"   + {line}" for line in reflection.answer.splitlines()]
            continue
        lines += ["", f"{number}. {reflection.question}", *(f"   {line}" for line in reflection.answer.splitlines())]
    return "\n".join(lines)


def _numbered(answers: list[Reflection]) -> list[tuple[int | None, Reflection]]:
    """Answers numbered as questions; a follow-up's detail gets no number of its own."""
    numbered, number = [], 0
    for reflection in answers:
        number += not reflection.detail
        numbered.append((None if reflection.detail else number, reflection))
    return numbered


def outline_text(answers: list[Reflection], about: str) -> Text:
    """The answers gathered as notes to copy onto paper; the letter itself stays yours."""
    text = Text()
    if about:
        text.append(f"{about}\n", style="dim")
    if not answers:
        return text.append("No answers this time, and that is fine. The questions will wait.", style="italic")
    heart = next((r for r in answers if r.heart), None)
    if heart is not None:
        text.append("\nThe heart of it\n", style="bold").append("".join(f"   {line}\n" for line in heart.answer.splitlines()))
    for number, reflection in _numbered(answers):
        if number is None:
            text.append("".join(f"   + {line}\n" for line in reflection.answer.splitlines()), style="italic")
            continue
        text.append(f"\n{number}. {reflection.question}" + ("  ♥" if reflection.heart else "") + "\n", style="bold")
        text.append("".join(f"   {line}\n" for line in reflection.answer.splitlines()))
    if heart is None:
        text.append("\nh marks your closing answer as the heart of the letter\n", style="dim")
    return text
