"""A sitting's smaller pieces: a friend's age and time apart, the follow-up asking for a detail, earlier answers."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from ritual.core.dates import PartialDate
from ritual.core.letters import Reflection
from ritual.core.prompts import CLOSING, Prompt

# A follow-up is offered after an answer shorter than this: a longer one usually has its details already.
FOLLOW_UP_BELOW_WORDS = 60
FOLLOW_UPS = {
    "memory": "Where were you, exactly — what could you see, hear or smell?",
    "gratitude": "What did they actually say or do, as near word for word as you remember?",
    "admiration": "When did you last see it — which day, which room, who else was there?",
    "play": "Which one detail makes the story — a word, a face, an object?",
    "presence": "What is one thing in front of you that you could describe in a single line?",
    "change": "Can you name the moment you noticed it — a day, a place, a sentence?",
}
FOLLOW_UP_ANY = "What is one concrete detail behind that — a day, a place, something they said?"


def age_on(birthday: PartialDate | None, today: date) -> int | None:
    """The friend's age today, when the birth year is known."""
    if birthday is None or birthday.year is None:
        return None
    before = (today.month, today.day) < (birthday.month, birthday.day or 1)
    return today.year - birthday.year - before


def months_between(earlier: date | None, today: date) -> int | None:
    """Whole months from a day to today (None without a day)."""
    if earlier is None:
        return None
    months = (today.year - earlier.year) * 12 + today.month - earlier.month
    return max(0, months - (today.day < earlier.day))


def follow_up(prompt: Prompt, answer: str) -> str | None:
    """The follow-up asking for a concrete detail after a short answer; none after a closing question."""
    if prompt.stage == CLOSING or len(answer.split()) >= FOLLOW_UP_BELOW_WORDS:
        return None
    return FOLLOW_UPS.get(prompt.categories[0], FOLLOW_UP_ANY)


@dataclass(frozen=True)
class EarlierSitting:
    """The answers of one earlier sitting, and whether its letter has gone into the post."""

    sitting: str
    day: date
    occasion: str
    answers: tuple[Reflection, ...]
    posted: bool


def by_sitting(answers: Iterable[Reflection], posted: set[str], limit: int) -> list[EarlierSitting]:
    """Answers (newest first) grouped into their sittings, newest sitting first, at most `limit` sittings."""
    groups: dict[str, list[Reflection]] = {}
    for answer in answers:
        if answer.sitting not in groups and len(groups) >= limit:
            continue
        groups.setdefault(answer.sitting, []).append(answer)
    return [
        EarlierSitting(sitting, rows[-1].asked_at.date(), rows[-1].occasion,
                       tuple(sorted(rows, key=lambda r: (r.asked_at, r.id or 0))), sitting in posted)
        for sitting, rows in groups.items()
    ]


def effort_words(minutes: int | None, answered: int) -> str:
    """The effort behind a letter, as the box shows it: `25 minutes at the desk · 4 questions answered`."""
    parts = []
    if minutes:
        parts.append(f"{minutes} minute{'s' if minutes != 1 else ''} at the desk")
    if answered:
        parts.append(f"{answered} question{'s' if answered != 1 else ''} answered")
    return " · ".join(parts)
