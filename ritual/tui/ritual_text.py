"""The ritual's words on screen: the briefing before the questions and the outline after them."""

from __future__ import annotations

from datetime import date

from rich.text import Text

from ritual.core.letters import Letter, Reflection
from ritual.core.prompts import TONES
from ritual.core.text import short_day
from ritual.services.contacts.countries import country_name
from ritual.services.letters.reflect import Briefing
from ritual.text.reflect import occasion_rows, time_ago

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
    _row(text, "you last wrote", _letter_words(briefing.last_sent, today))
    _row(text, "they last wrote", _letter_words(briefing.last_received, today))
    if briefing.owed:
        first = briefing.owed[0]
        _row(text, "a reply", f"their letter of {short_day(first.day)} {first.day.year} is waiting for an answer")
    if friend.how_met:
        _row(text, "how you met", friend.how_met)
    if friend.notes:
        text.append("\nYour notes\n", style="bold").append(friend.notes.strip() + "\n")
    if briefing.earlier:
        text.append("\nFrom earlier rituals\n", style="bold")
        for reflection in briefing.earlier:
            text.append_text(_earlier(reflection, today))
    return text


def _letter_words(letter: Letter | None, today: date) -> str:
    if letter is None:
        return "no letter logged yet"
    about = ", ".join(p for p in (letter.medium, letter.occasion) if p)
    return f"{short_day(letter.day)} {letter.day.year} ({time_ago(letter.day, today)}; {about})"


def _earlier(reflection: Reflection, today: date) -> Text:
    when = time_ago(reflection.asked_at.date(), today)
    answer = " ".join(reflection.answer.split())
    text = Text(f"{when[0].upper()}{when[1:]} you wrote: “{answer}”\n")
    return text.append(f"    to “{reflection.question}”\n", style="dim italic")


def tone_label(name: str | None) -> Text:
    """A tone and its description for the palette, or the choice of none."""
    if name is None:
        return Text("no particular tone", style="italic")
    description = dict(TONES)[name]
    return Text(f"{name:<15}", style="bold").append(description, style="dim")


def outline_plain(answers: list[Reflection], friend_name: str, about: str) -> str:
    """The notes as plain text, for the clipboard."""
    lines = [f"Notes for your letter to {friend_name}" + (f" ({about})" if about else "")]
    for number, reflection in enumerate(answers, 1):
        lines += ["", f"{number}. {reflection.question}", *(f"   {line}" for line in reflection.answer.splitlines())]
    return "\n".join(lines)


def outline_text(answers: list[Reflection], about: str) -> Text:
    """The answers gathered as notes to copy onto paper; the letter itself stays yours."""
    text = Text()
    if about:
        text.append(f"{about}\n", style="dim")
    if not answers:
        return text.append("No answers this time, and that is fine. The questions will wait.", style="italic")
    for number, reflection in enumerate(answers, 1):
        text.append(f"\n{number}. {reflection.question}\n", style="bold")
        text.append("".join(f"   {line}\n" for line in reflection.answer.splitlines()))
    return text
