"""Supplies on hand: which stamp a letter needs, and whether the week's letters are covered."""

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from ritual.core.planner import POST, WRITE, AgendaItem
from ritual.core.fields import check_text
from ritual.errors import InvalidValue

DOMESTIC = "domestic"
INTERNATIONAL = "international"
CARDS = "cards"
STANDARD_KINDS = (DOMESTIC, INTERNATIONAL, CARDS)
_WORDS = {DOMESTIC: "domestic stamps", INTERNATIONAL: "international stamps", CARDS: "cards"}
# Every kind ritual counts: the three the week checks, and the other stationery people keep by them.
KNOWN_KINDS = (*STANDARD_KINDS, "postcards", "postcard stamps", "envelopes", "notecards")
# Other ways of naming a known kind, as typed.
_ALIASES = {"domestic stamps": DOMESTIC, "domestic stamp": DOMESTIC, "international stamps": INTERNATIONAL,
            "international stamp": INTERNATIONAL, "card": CARDS, "postcard": "postcards",
            "postcard stamp": "postcard stamps", "envelope": "envelopes", "notecard": "notecards"}


class Shortfall(NamedTuple):
    """More letters due than supplies of one kind on hand."""

    kind: str
    needed: int
    on_hand: int

    def text(self) -> str:
        """A calm sentence about it."""
        return (f"The letters due need {counted(self.needed, self.kind)}; "
                f"{self.on_hand} on hand, so {self.needed - self.on_hand} more would help.")


def supply_kind(text: str) -> str:
    """A known kind as kept (`Domestic stamps` is `domestic`); anything else is refused, naming the kinds."""
    kind = tidy_kind(text)
    if not kind:
        raise InvalidValue("kind", text, "must not be empty")
    kind = _ALIASES.get(kind, kind)
    if kind not in KNOWN_KINDS:
        raise InvalidValue("kind", text, "is not a supply kind; the kinds are " + ", ".join(KNOWN_KINDS))
    return kind


def tidy_kind(text: str) -> str:
    """A kind name trimmed, single-spaced and lower case, with no control character in it."""
    return " ".join(check_text("kind", text).split()).lower()


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
    if writes:  # a week with no letter to write needs no cards, and says nothing of them
        counts[CARDS] += len(writes)
    return counts


def shortfalls(need: Mapping[str, int], on_hand: Mapping[str, int]) -> list[Shortfall]:
    """The kinds the user keeps count of that fall short; kinds never counted say nothing."""
    return [Shortfall(kind, count, on_hand[kind]) for kind, count in sorted(need.items())
            if kind in on_hand and count > on_hand[kind]]
