"""The ritual as plain text: the briefing, the tone palette, questions and the outline to copy onto paper."""

from __future__ import annotations

import textwrap
from datetime import date

from ritual.core.cards import PLANNED, WRITTEN, state_words
from ritual.core.letters import Letter, Reflection
from ritual.core.prompts import TONES, Prompt
from ritual.core.text import short_day
from ritual.text.output import Styler, clean
from ritual.text.render import WIDTH, wrap
from ritual.services.letters.reflect import Briefing


def time_ago(then: date, today: date) -> str:
    """`yesterday`, `3 weeks ago`, `a year ago`: how long since, in words."""
    days = (today - then).days
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    if days < 14:
        return f"{days} days ago"
    if days < 60:
        return f"{days // 7} weeks ago"
    if days < 330:
        return f"{round(days / 30.4)} months ago"
    years = round(days / 365.25)
    return "a year ago" if years <= 1 else f"{years} years ago"


def render_briefing(briefing: Briefing, today: date, style: Styler) -> str:
    """Who the letter is for, what it is for, and what has passed between you."""
    friend = briefing.friend
    facts = [p for p in (friend.nickname and f"“{friend.nickname}”", friend.relationship, friend.country) if p]
    lines = [style.heading(f"Before you write to {friend.name}") + (f"  ({', '.join(facts)})" if facts else "")]
    lines += _occasion_lines(briefing)
    lines.append(_letter_line("you last wrote", briefing.last_sent, today))
    lines.append(_letter_line("they last wrote", briefing.last_received, today))
    if briefing.owed:
        first = briefing.owed[0]
        lines.append(f"  {'reply':<16}their letter of {short_day(first.day)} {first.day.year} is waiting for an answer")
    if friend.how_met:
        lines.append(wrap(friend.how_met, f"  {'how you met':<16}"))
    if friend.notes:
        lines += ["", style.heading("Your notes")] + _indented(friend.notes)
    if briefing.earlier:
        lines += ["", style.heading("From earlier rituals")]
        lines += [_earlier_line(r, today, style) for r in briefing.earlier]
    return "\n".join(lines)


def render_tones() -> str:
    """The palette, numbered, for choosing a tone."""
    rows = [f"  {n:>2}  {name:<14} {description}" for n, (name, description) in enumerate(TONES, 1)]
    return "\n".join(["Which tone would you like this letter to have? (a number or a name; Enter for none)", *rows])


def render_question(prompt: Prompt, number: int, total: int, style: Styler) -> str:
    """One question with its place in the sitting."""
    return "\n".join(["", style.muted(f"Question {number} of {total}"), wrap(prompt.question, "  ")])


def render_outline(answers: list[Reflection], friend_name: str, occasion: str | None, tone: str | None,
                   style: Styler) -> str:
    """The answers gathered as notes to copy onto paper; the letter itself stays yours to write."""
    about = " · ".join(p for p in (occasion, tone) if p)
    lines = [style.heading(f"Notes for your letter to {friend_name}") + (f"  ({about})" if about else "")]
    lines.append(style.muted("Your own answers, gathered to copy onto paper."))
    for number, reflection in enumerate(answers, 1):
        lines += ["", wrap(reflection.question, f"{number:>2}. ")]
        lines += _indented(reflection.answer, "    ")
    return "\n".join(lines)


def occasion_rows(briefing: Briefing) -> list[tuple[str, str]]:
    """What the letter is for: the occasion, then what its card still asks for, or where it already stands."""
    item, card = briefing.occasion_item, briefing.card
    if item is None:
        return [("for", briefing.occasion or "just because")]
    rows = [("for", f"{item.occasion} on {short_day(item.occasion_date)} {item.occasion_date.year}")]
    if card is not None and card.status != PLANNED:
        rows.append(("the card", clean(state_words(card))))
    if card is not None and card.is_done:
        rows += [("", _card_letter_words(letter)) for letter in briefing.card_letters]
        return rows
    if item.write_by and item.post_by:
        todo = f"post by {short_day(item.post_by)}"
        rows.append(("", todo if card is not None and card.status == WRITTEN else f"write by {short_day(item.write_by)}, {todo}"))
    if item.late and item.earliest_arrival:
        rows.append(("", f"posted now, it arrives {short_day(item.earliest_arrival)} at the earliest"))
    rows += [("", _card_letter_words(letter)) for letter in briefing.card_letters]
    return rows


def _card_letter_words(letter: Letter) -> str:
    steps = [f"written {short_day(letter.day)}"]
    steps += [f"{name} {short_day(day)}" for name, day in (("posted", letter.posted), ("arrived", letter.arrived)) if day]
    return f"this card's {letter.medium} #{letter.id}: " + ", ".join(steps)


def _occasion_lines(briefing: Briefing) -> list[str]:
    return [f"  {label:<16}{value}" for label, value in occasion_rows(briefing)]


def _letter_line(label: str, letter: Letter | None, today: date) -> str:
    if letter is None:
        return f"  {label:<16}no letter logged yet"
    about = ", ".join(p for p in (letter.medium, letter.occasion) if p)
    return f"  {label:<16}{short_day(letter.day)} {letter.day.year} ({time_ago(letter.day, today)}; {about})"


def _earlier_line(reflection: Reflection, today: date, style: Styler) -> str:
    when = time_ago(reflection.asked_at.date(), today)
    head = wrap(f"{when[0].upper()}{when[1:]} you wrote: “{' '.join(reflection.answer.split())}”", "  ")
    return head + "\n" + style.muted(wrap(f"to “{reflection.question}”", "    "))


def _indented(text: str, prefix: str = "  ") -> list[str]:
    paragraphs = [p for p in text.splitlines() if p.strip()]
    return [textwrap.fill(p, WIDTH, initial_indent=prefix, subsequent_indent=prefix) for p in paragraphs]
