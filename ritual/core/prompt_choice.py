"""Which questions to ask this time: fair, never repeated before a round is through, spread, and in an arc."""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence

from ritual.core.prompts import ARCS, CLOSING, LONG_GAP_MONTHS, MIN_CATEGORIES, Moment, Prompt, categories_of, fitting

# How much more often a prompt written for this occasion, or in the chosen tone, is drawn than a general one.
OCCASION_WEIGHT = 3
TONE_WEIGHT = 2


def unasked(fit: Sequence[Prompt], history: Sequence[str], keys: Mapping[str, str] | None = None) -> list[Prompt]:
    """The fitting prompts not yet asked in the current round.

    `history` lists prompt ids asked of this friend, oldest first; `keys` maps every prompt id of the deck to
    its group, so asking one of a group counts for all of it. A round ends once every fitting group has been
    asked; the next round starts fresh.
    """
    keys = keys if keys is not None else {p.id: p.key for p in fit}
    wanted = {p.key for p in fit}
    seen: set[str] = set()
    for prompt_id in history:
        key = keys.get(prompt_id, prompt_id)
        if key in wanted:
            seen.add(key)
            if seen == wanted:
                seen = set()
    return [p for p in fit if p.key not in seen]


def select(deck: Iterable[Prompt], moment: Moment, history: Sequence[str], count: int, seed: int) -> list[Prompt]:
    """Up to `count` fitting prompts in an arc (warm, deep, forward) ending on one closing question."""
    deck = tuple(deck)
    fit = fitting(deck, moment)
    keys = {p.id: p.key for p in deck}
    rng = random.Random(seed)
    main = [p for p in fit if p.stage != CLOSING]
    closings = [p for p in fit if p.stage == CLOSING]
    close = _draw(closings, keys, history, 1 if main and count > 1 else 0, moment, rng, [])
    picked = _draw(main, keys, history, count - len(close), moment, rng, close)
    return picked + close


def another(
    deck: Iterable[Prompt], moment: Moment, history: Sequence[str], sitting: Sequence[Prompt], seed: int,
    closing: bool = False,
) -> Prompt | None:
    """One more fitting prompt, offered when a question is skipped; None when the deck has no other."""
    deck = tuple(deck)
    fit = [p for p in fitting(deck, moment) if (p.stage == CLOSING) == closing]
    keys = {p.id: p.key for p in deck}
    taken = {p.key for p in sitting}
    rng = random.Random(seed)
    for pool in (unasked(fit, history, keys), fit):
        candidates = [p for p in pool if p.key not in taken]
        if candidates:
            return _pick(candidates, 1, moment, rng, list(sitting))[0]
    return None


def arrange(prompts: Iterable[Prompt]) -> list[Prompt]:
    """A sitting's order: an occasion's shape first (its steps), then warm, deep, forward, and closing last."""
    return sorted(prompts, key=lambda p: (p.stage == CLOSING, not p.step, p.step, ARCS.index(p.stage)))


def _draw(pool: Sequence[Prompt], keys: Mapping[str, str], history: Sequence[str], count: int, moment: Moment,
          rng: random.Random, already: list[Prompt]) -> list[Prompt]:
    """Pick from what is fresh this round; if the round runs out, what is left begins the next one.

    Each part keeps its own arc, so the questions of the new round come after the old round's last ones.
    """
    chosen = arrange(_pick(unasked(pool, history, keys), count, moment, rng, already))
    if len(chosen) < count:
        taken = {p.key for p in [*already, *chosen]}
        rest = [p for p in pool if p.key not in taken]
        chosen += arrange(_pick(rest, count - len(chosen), moment, rng, [*already, *chosen]))
    return chosen


def _pick(pool: Sequence[Prompt], count: int, moment: Moment, rng: random.Random, already: list[Prompt]) -> list[Prompt]:
    """The occasion's shape first, then weighted draws that reach new categories while too few are covered."""
    taken = {p.key for p in already}
    remaining = [p for p in pool if p.key not in taken]
    chosen: list[Prompt] = []
    covered = categories_of(already)

    def take(prompt: Prompt) -> None:
        chosen.append(prompt)
        covered.update(prompt.categories)
        remaining[:] = [p for p in remaining if p.key != prompt.key]

    for step in sorted({p.step for p in remaining if p.step}):
        options = [p for p in remaining if p.step == step]
        if options and len(chosen) < count:
            take(rng.choice(options))
    remaining[:] = [p for p in remaining if not p.step]  # one question for each step of the shape
    while remaining and len(chosen) < count:
        take(_weighted(_candidates(remaining, covered, moment, [*already, *chosen]), moment, rng))
    return chosen


def _candidates(remaining: list[Prompt], covered: set[str], moment: Moment, drawn: list[Prompt]) -> list[Prompt]:
    """Category coverage comes first; then, until one of each is drawn, a prompt for this very occasion and,
    when answering a letter or writing after a long gap, a reply or a time-apart prompt."""
    pool = remaining
    if len(covered) < MIN_CATEGORIES:
        pool = [p for p in remaining if not set(p.categories) <= covered] or remaining
    for own in _own_kinds(moment):
        if not any(own(p) for p in drawn):
            pool = [p for p in pool if own(p)] or pool
    return pool


def _own_kinds(moment: Moment) -> list:
    """Tests for the prompts written for this moment that a sitting should include one of."""
    kinds = [lambda p: moment.occasion in p.occasions]
    if moment.replying:
        kinds.append(lambda p: "reply" in p.when)
    if moment.months_apart is not None and moment.months_apart >= LONG_GAP_MONTHS:
        kinds.append(lambda p: "long-gap" in p.when)
    return kinds


def _weighted(pool: list[Prompt], moment: Moment, rng: random.Random) -> Prompt:
    """A fair draw that leans toward the occasion and the tone without letting them always win."""
    weights = [
        1 + OCCASION_WEIGHT * (moment.occasion in p.occasions) + TONE_WEIGHT * (moment.tone in p.tones)
        for p in pool
    ]
    return rng.choices(pool, weights)[0]
