"""Reflective prompts and the choice of questions: which fit this letter, and which to ask this time."""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
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
OCCASIONS = (
    "birthday", "anniversary", "thank-you", "sympathy", "congratulations", "holiday",
    "just-because", "reconnecting", "new-baby", "farewell",
)
JUST_BECAUSE = "just-because"
DEFAULT_QUESTIONS = 4
QUESTION_RANGE = (3, 5)


def occasion_key(name: str | None) -> str:
    """An occasion name as prompts know it: `Thank you` -> `thank-you`, none -> `just-because`."""
    if name is None or not name.strip():
        return JUST_BECAUSE
    return "-".join(name.strip().lower().replace("_", " ").replace("-", " ").split())


def relationship_key(name: str | None) -> str:
    """A relationship as prompts know it: `Pen-pal` -> `pen pal`; unknown means a friend."""
    words = (name or "").strip().lower().replace("_", " ").replace("-", " ").split()
    return " ".join(words) or "friend"


@dataclass(frozen=True, slots=True)
class Moment:
    """The letter being prepared: who it is for, why, and in what tone."""

    relationship: str = "friend"
    occasion: str = JUST_BECAUSE
    tone: str | None = None


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

    def fits(self, moment: Moment) -> bool:
        """True when this question belongs in a letter for `moment`."""
        if self.occasions and moment.occasion not in self.occasions:
            return False
        if moment.occasion in self.avoid_occasions:
            return False
        if self.relationships and moment.relationship not in self.relationships:
            return False
        return self._fits_tone(moment.tone)

    def _fits_tone(self, tone: str | None) -> bool:
        if not self.tones:
            return True
        if tone is None:
            return not set(self.tones) <= ASKED_FOR_TONES
        return tone in self.tones


def fitting(deck: Iterable[Prompt], moment: Moment) -> list[Prompt]:
    """The prompts of a deck that suit the moment, in deck order."""
    return [p for p in deck if p.fits(moment)]


def unasked(fit: Sequence[Prompt], history: Sequence[str]) -> list[Prompt]:
    """The fitting prompts not yet asked in the current round.

    `history` lists prompt ids asked of this friend, oldest first. A round ends once every fitting
    prompt has been asked; the next round starts fresh.
    """
    ids = {p.id for p in fit}
    seen: set[str] = set()
    for prompt_id in history:
        if prompt_id in ids:
            seen.add(prompt_id)
            if seen == ids:
                seen = set()
    return [p for p in fit if p.id not in seen]


def select(deck: Iterable[Prompt], moment: Moment, history: Sequence[str], count: int, seed: int) -> list[Prompt]:
    """Up to `count` fitting prompts, none repeated before the round is through, spread over categories."""
    fit = fitting(deck, moment)
    rng = random.Random(seed)
    chosen = _pick(unasked(fit, history), count, moment, rng, [])
    if len(chosen) < count:
        # The round ran out: what is left begins the next one, never repeating this sitting's questions.
        rest = [p for p in fit if p not in chosen]
        chosen += _pick(rest, count - len(chosen), moment, rng, chosen)
    return chosen


def another(
    deck: Iterable[Prompt], moment: Moment, history: Sequence[str], sitting: Sequence[Prompt], seed: int
) -> Prompt | None:
    """One more fitting prompt, offered when a question is skipped; None when the deck has no other."""
    fit = fitting(deck, moment)
    rng = random.Random(seed)
    for pool in (unasked(fit, history), fit):
        candidates = [p for p in pool if p not in sitting]
        if candidates:
            return _pick(candidates, 1, moment, rng, list(sitting))[0]
    return None


def categories_of(prompts: Iterable[Prompt]) -> set[str]:
    """Every category the prompts touch."""
    return {c for p in prompts for c in p.categories}


def _pick(pool: Sequence[Prompt], count: int, moment: Moment, rng: random.Random, already: list[Prompt]) -> list[Prompt]:
    """Greedy: each pick reaches a new category when it can, then favours the occasion and the tone."""
    remaining = list(pool)
    rng.shuffle(remaining)  # ties fall to the seed, so a sitting is reproducible
    chosen: list[Prompt] = []
    covered = categories_of(already)
    while remaining and len(chosen) < count:
        best = max(remaining, key=lambda p: _preference(p, covered, moment))
        remaining.remove(best)
        chosen.append(best)
        covered |= set(best.categories)
    return chosen


def _preference(prompt: Prompt, covered: set[str], moment: Moment) -> tuple[bool, bool, bool]:
    opens_category = not set(prompt.categories) <= covered
    for_occasion = moment.occasion in prompt.occasions
    in_tone = moment.tone is not None and moment.tone in prompt.tones
    return opens_category, for_occasion, in_tone
