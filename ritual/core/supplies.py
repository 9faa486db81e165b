"""Supplies on hand: which stamp a letter needs, and whether the week's letters are covered."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ritual.core.planner import POST, WRITE, AgendaItem
from ritual.errors import InvalidValue

DOMESTIC = "domestic"
INTERNATIONAL = "international"
CARDS = "cards"
STANDARD_KINDS = (DOMESTIC, INTERNATIONAL, CARDS)
_WORDS = {DOMESTIC: "domestic stamps", INTERNATIONAL: "international stamps", CARDS: "cards"}


@dataclass(frozen=True, slots=True)
class Shortfall:
    """More letters due than supplies of one kind on hand."""

    kind: str
    needed: int
    on_hand: int

    def text(self) -> str:
        """A calm sentence about it."""
        return (f"The letters due need {counted(self.needed, self.kind)}; "
                f"{self.on_hand} on hand, so {self.needed - self.on_hand} more would help.")


def supply_kind(text: str) -> str:
    """A kind name as kept: trimmed and lower case; `stamps` alone is not enough to know which."""
    kind = " ".join(text.split()).lower()
    if not kind:
        raise InvalidValue("kind", text, "must not be empty")
    return kind


def words_for(kind: str) -> str:
    """`international stamps` for the standard kinds, the user's own name otherwise."""
    return _WORDS.get(kind, kind)


def counted(count: int, kind: str) -> str:
    """`1 international stamp`, `3 cards`; a kind of the user's own keeps its name."""
    words = words_for(kind)
    if count == 1 and kind in _WORDS:
        words = words[:-1]
    return f"{count} {words}"


def stamp_kind(friend_country: str, home_country: str) -> str:
    """A letter within the home country takes a domestic stamp; any other, an international one."""
    if not friend_country or friend_country.upper() == home_country.upper():
        return DOMESTIC
    return INTERNATIONAL


def needed(items: Iterable[AgendaItem], home_country: str) -> Counter:
    """Stamps for the cards to post and a card for each letter to write, counted once per card."""
    counts: Counter = Counter()
    posts = {(i.friend_id, i.occasion, i.occasion_date): i for i in items if i.kind == POST}
    writes = {(i.friend_id, i.occasion, i.occasion_date) for i in items if i.kind == WRITE}
    for item in posts.values():
        counts[stamp_kind(item.country, home_country)] += 1
    counts[CARDS] += len(writes)
    return counts


def shortfalls(need: Mapping[str, int], on_hand: Mapping[str, int]) -> list[Shortfall]:
    """The kinds the user keeps count of that fall short; kinds never counted say nothing."""
    return [Shortfall(kind, count, on_hand[kind]) for kind, count in sorted(need.items())
            if kind in on_hand and count > on_hand[kind]]
