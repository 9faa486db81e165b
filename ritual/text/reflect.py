"""The ritual as plain text: the briefing, the tone palette, questions and the outline to copy onto paper."""

from __future__ import annotations

import textwrap
from datetime import date

from ritual.core.cards import PLANNED, WRITTEN, state_words
from ritual.core.letters import Letter, Reflection
from ritual.core.prompts import TONES
from ritual.core.sittings import EarlierSitting
from ritual.core.text import shorten
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
    lines.append(f"  {'you last wrote':<16}" + last_sent_words(briefing, today))
    lines.append(_letter_line("they last wrote", briefing.last_received, briefing.last_received_day, today))
    if briefing.owed and briefing.answering is None:
        first = briefing.owed[0]
        lines.append(f"  {'reply':<16}their letter of {short_day(first.day)} {first.day.year} is waiting for an answer")
    if friend.how_met:
        lines.append(wrap(friend.how_met, f"  {'how you met':<16}"))
    if briefing.on_this_day:
        lines.append(wrap(briefing.on_this_day, f"  {'on this day':<16}"))
    if briefing.answering is not None:
        lines += ["", *_answering_lines(briefing.answering, today, style)]
    if friend.notes:
        lines += ["", style.heading("Your notes")] + _indented(friend.notes)
    if briefing.earlier:
        lines += ["", style.heading("From earlier rituals")]
        for earlier in briefing.earlier:
            lines += _earlier_lines(earlier, today, style)
    return "\n".join(lines)


def _answering_lines(letter: Letter, today: date, style: Styler) -> list[str]:
    """The letter this one answers: when it came, what you noted, the phrases you kept from it."""
    lines = [style.heading(f"Answering their {letter.medium} of {short_day(letter.day)} {letter.day.year}")
             + f"  ({time_ago(letter.day, today)})"]
    if letter.note:
        lines += _indented(letter.note)
    lines += [wrap(f"“{quote}”", "  · ") for quote in letter.quotes]
    return lines


def render_tones() -> str:
    """The palette, numbered, for choosing a tone."""
    rows = [f"  {n:>2}  {name:<14} {description}" for n, (name, description) in enumerate(TONES, 1)]
    return "\n".join(["Which tone would you like this letter to have? (a number or a name; Enter for none)", *rows])


def render_question(question: str, number: int, total: int, style: Styler) -> str:
    """One question with its place in the sitting."""
    return "\n".join(["", style.muted(f"Question {number} of {total}"), wrap(question, "  ")])


def render_follow_up(question: str, style: Styler) -> str:
    """The one follow-up asking for a detail; an empty answer skips it."""
    return "\n".join([style.muted("  One detail, if you like (an empty line skips):"), wrap(question, "  ")])


def render_outline(answers: list[Reflection], friend_name: str, occasion: str | None, tone: str | None,
                   style: Styler) -> str:
    """The answers gathered as notes to copy onto paper; the letter itself stays yours to write."""
    about = " · ".join(p for p in (occasion, tone) if p)
    lines = [style.heading(f"Notes for your letter to {friend_name}") + (f"  ({about})" if about else "")]
    lines.append(style.muted("Your own answers, gathered to copy onto paper."))
    heart = next((r for r in answers if r.heart), None)
    if heart is not None:
        lines += ["", style.heading("The heart of it")] + _indented(heart.answer, "    ")
    number = 0
    for reflection in answers:
        if reflection.detail:
            lines += _indented(reflection.answer, "      + ")
            continue
        number += 1
        mark = "  ♥" if reflection.heart else ""
        lines += ["", wrap(reflection.question + mark, f"{number:>2}. ")]
        lines += _indented(reflection.answer, "    ")
    return "\n".join(lines)


def occasion_rows(briefing: Briefing) -> list[tuple[str, str]]:
    """What the letter is for: the occasion, then what its card still asks for, or where it already stands."""
    item, card = briefing.occasion_item, briefing.card
    if item is None:
        missing = f" ({briefing.missing})" if briefing.missing else ""
        return [("for", (briefing.occasion or "just because") + missing)]
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


def last_sent_words(briefing: Briefing, today: date) -> str:
    """When you last wrote: a logged letter, the profile's date, or a card marked written without a letter."""
    card = briefing.last_card
    if card is None:
        return letter_words(briefing.last_sent, briefing.last_sent_day, today)
    day = card.written_on or card.ended_on
    how = "given by hand" if card.written_on is None else f"marked {card.ending or card.status}"
    return f"{short_day(day)} {day.year} ({time_ago(day, today)}; the {clean(card.occasion)} card, {how})"


def letter_words(letter: Letter | None, day: date | None, today: date) -> str:
    """The last letter one way; a date kept on the profile counts when no later letter is logged."""
    if day is None:
        return "no letter logged yet"
    if letter is None or letter.day < day:
        return f"{short_day(day)} {day.year} ({time_ago(day, today)}; from the profile)"
    about = ", ".join(p for p in (letter.medium, letter.occasion) if p)
    return f"{short_day(letter.day)} {letter.day.year} ({time_ago(letter.day, today)}; {about})"


def _letter_line(label: str, letter: Letter | None, day: date | None, today: date) -> str:
    """One "last wrote" row of the briefing."""
    return f"  {label:<16}" + letter_words(letter, day, today)


def _earlier_lines(earlier: EarlierSitting, today: date, style: Styler) -> list[str]:
    """One earlier sitting: when and what for, whether its letter is posted, each answer shortened."""
    when = time_ago(earlier.day, today)
    about = f"{when[0].upper()}{when[1:]}, for {earlier.occasion.replace('-', ' ') or 'no occasion'}"
    lines = [style.muted(about + (" · went into a posted letter" if earlier.posted else ""))]
    for reflection in earlier.answers:
        if reflection.detail:
            lines.append(wrap(f"+ “{shorten(reflection.answer)}”", "      "))
            continue
        lines.append(wrap(f"“{shorten(reflection.answer)}”", "  "))
        lines.append(style.muted(wrap(f"to “{reflection.question}”", "    ")))
    return lines


def _indented(text: str, prefix: str = "  ") -> list[str]:
    paragraphs = [p for p in text.splitlines() if p.strip()]
    return [textwrap.fill(p, WIDTH, initial_indent=prefix, subsequent_indent=prefix) for p in paragraphs]
