"""Reflective prompts and the letters they suit: tones, occasions, relationships, and what fits a moment."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

TONES: tuple[tuple[str, str], ...] = (
    ("gratitude", "thankful for what they gave"),
    ("tenderness", "soft and close"),
    ("pride", "glad of what they did or became"),
    ("nostalgia", "looking back together"),
    ("playfulness", "light, silly, full of shared jokes"),
    ("encouragement", "standing behind them"),
    ("admiration", "seeing what is rare in them"),
    ("comfort", "keeping them company in something hard"),
    ("hope", "looking ahead on their behalf"),
    ("apology", "making something right"),
    ("celebration", "marking a good thing"),
    ("longing", "missing them"),
)
TONE_NAMES = tuple(name for name, _ in TONES)
# Prompts carrying only these tones touch something tender; they come up only when the writer picks the tone.
ASKED_FOR_TONES = frozenset({"apology", "comfort"})
LIGHT_TONES = frozenset({"playfulness", "celebration"})
TENDER_TONES = frozenset({"tenderness", "comfort", "apology", "longing"})
OCCASIONS = (
    "birthday", "anniversary", "thank-you", "sympathy", "congratulations", "holiday",
    "just-because", "reconnecting", "new-baby", "farewell",
    "wedding", "graduation", "retirement", "new-job", "new-home", "get-well", "death-anniversary",
    "long-distance", "thinking-of-you", "apology",
)
# Loss and illness: these letters never draw a playful or celebratory prompt, and comfort needs no asking.
GRIEF_FAMILY = frozenset({"sympathy", "get-well", "death-anniversary"})
# Letters that stay serious all the way through; each lets its own tender tone come up unasked.
SOLEMN = GRIEF_FAMILY | {"apology"}
_OWN_TONE = {**dict.fromkeys(GRIEF_FAMILY, "comfort"), "apology": "apology"}
JUST_BECAUSE = "just-because"
DEFAULT_QUESTIONS = 4
QUESTION_RANGE = (3, 5)
MIN_CATEGORIES = 3
ARCS = ("warm", "deep", "forward", "closing")
CLOSING = "closing"
_WARM = frozenset({"memory", "play", "presence", "gratitude"})
_FORWARD = frozenset({"hope"})
CONDITIONS = ("reply", "long-gap")
LONG_GAP_MONTHS = 3
PLACEHOLDERS = ("{name}", "{gap}")


def occasion_key(name: str | None) -> str:
    """An occasion name as prompts know it: `Thank you` -> `thank-you`, none -> `just-because`."""
    if name is None or not name.strip():
        return JUST_BECAUSE
    return "-".join(name.strip().lower().replace("_", " ").replace("-", " ").split())


def relationship_key(name: str | None, aliases: Mapping[str, str] | None = None) -> str:
    """A relationship as prompts know it: `Pen-pal` -> `pen pal`, `Grandma` -> `family` by alias."""
    words = (name or "").strip().lower().replace("_", " ").replace("-", " ").split()
    key = " ".join(words) or "friend"
    return (aliases or {}).get(key, key)


def gap_words(months: int) -> str:
    """The time apart as a question says it: `four months`, `year`, `three years` (after "the")."""
    if months < 12:
        return f"{_NUMBER_WORDS.get(months, str(months))} months"
    years = months // 12
    return "year" if years == 1 else f"{_NUMBER_WORDS.get(years, str(years))} years"


_NUMBER_WORDS = dict(enumerate(
    ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven"),
))


def close_occasion(name: str) -> str | None:
    """The shipped occasion a misspelt name most likely meant (`birthdy` -> `birthday`), if any."""
    key = occasion_key(name)
    if key in OCCASIONS:
        return None
    found = difflib.get_close_matches(key, OCCASIONS, n=1, cutoff=0.75)
    return found[0] if found else None


@dataclass(frozen=True, slots=True)
class Moment:
    """The letter being prepared: for whom, why, in what tone, and what passed between you lately."""

    relationship: str = "friend"
    occasion: str = JUST_BECAUSE
    tone: str | None = None
    replying: bool = False
    months_apart: int | None = None
    age: int | None = None

    @property
    def grieving(self) -> bool:
        """True for a letter of loss or illness."""
        return self.occasion in GRIEF_FAMILY

    @property
    def solemn(self) -> bool:
        """True for a letter that never turns playful or celebratory: loss, illness, an apology."""
        return self.occasion in SOLEMN

    @property
    def custom(self) -> bool:
        """True for an occasion of the user's own naming."""
        return self.occasion not in OCCASIONS


@dataclass(frozen=True, slots=True)
class Prompt:
    """One reflective question and the letters it suits (an empty tuple suits every one)."""

    id: str
    question: str
    categories: tuple[str, ...]
    occasions: tuple[str, ...] = ()
    relationships: tuple[str, ...] = ()
    tones: tuple[str, ...] = ()
    avoid_occasions: tuple[str, ...] = ()
    group: str = ""
    arc: str = ""
    step: int = 0
    when: tuple[str, ...] = ()
    min_age: int | None = None
    max_age: int | None = None

    @property
    def key(self) -> str:
        """What counts as one question for no-repeat: its group, or the prompt alone."""
        return self.group or self.id

    @property
    def light(self) -> bool:
        """True for a playful or celebratory prompt: about play, or carrying a playful or celebratory tone."""
        return "play" in self.categories or bool(LIGHT_TONES & set(self.tones))

    @property
    def stage(self) -> str:
        """Where it sits in a sitting's arc: warm, deep, forward or closing (from its categories if undeclared)."""
        if self.arc:
            return self.arc
        first = self.categories[0]
        return "warm" if first in _WARM else "forward" if first in _FORWARD else "deep"

    def fits(self, moment: Moment) -> bool:
        """True when this question belongs in a letter for `moment`."""
        if self.occasions and moment.occasion not in self.occasions:
            return False
        if moment.occasion in self.avoid_occasions:
            return False
        if self.relationships and moment.relationship not in self.relationships:
            return False
        if not self._fits_conditions(moment) or not self._fits_age(moment.age):
            return False
        if self.light and (moment.solemn or (moment.custom and moment.tone in TENDER_TONES)):
            return False
        return self._fits_tone(moment)

    def ask(self, name: str, gap: str = "") -> str:
        """The question as put to the writer, with the friend's name (and the time apart) filled in."""
        return self.question.replace("{name}", name).replace("{gap}", gap or "time")

    def _fits_conditions(self, moment: Moment) -> bool:
        if "reply" in self.when and not moment.replying:
            return False
        apart = moment.months_apart
        return "long-gap" not in self.when or (apart is not None and apart >= LONG_GAP_MONTHS)

    def _fits_age(self, age: int | None) -> bool:
        if age is None:
            return self.min_age is None
        return (self.min_age is None or age >= self.min_age) and (self.max_age is None or age <= self.max_age)

    def _fits_tone(self, moment: Moment) -> bool:
        tone = moment.tone
        if moment.solemn and tone in LIGHT_TONES:
            tone = None  # a light tone cannot steer a letter of loss or apology; its own prompts stand in
        if not self.tones:
            return True
        if tone is None:
            asked_for = ASKED_FOR_TONES - {_OWN_TONE.get(moment.occasion, "")}
            return not set(self.tones) <= asked_for
        return tone in self.tones


def fitting(deck: Iterable[Prompt], moment: Moment) -> list[Prompt]:
    """The prompts of a deck that suit the moment, in deck order."""
    return [p for p in deck if p.fits(moment)]


def categories_of(prompts: Iterable[Prompt]) -> set[str]:
    """Every category the prompts touch."""
    return {c for p in prompts for c in p.categories}
