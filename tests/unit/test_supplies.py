"""Which stamp a letter needs and when the week's letters need more than is on hand."""

from __future__ import annotations

from datetime import date

import pytest

from ritual.core.planner import AgendaItem
from ritual.core.supplies import CARDS, DOMESTIC, INTERNATIONAL, Shortfall, needed, shortfalls, stamp_kind, supply_kind
from ritual.errors import InvalidValue

DAY = date(2026, 11, 25)


def item(kind: str, friend_id: int, country: str) -> AgendaItem:
    return AgendaItem(DAY, kind, friend_id, f"F{friend_id}", "birthday", date(2026, 12, 5), "", country=country)


def test_stamp_kind_by_destination():
    assert stamp_kind("US", "US") == DOMESTIC
    assert stamp_kind("", "US") == DOMESTIC
    assert stamp_kind("de", "US") == INTERNATIONAL


def test_needed_counts_a_stamp_per_card_to_post_and_a_card_per_letter_to_write():
    items = [item("post", 1, "US"), item("post", 2, "BR"), item("post", 2, "BR"), item("write", 3, "JP"),
             item("occasion", 4, "US")]
    assert needed(items, "US") == {DOMESTIC: 1, INTERNATIONAL: 1, CARDS: 1}


def test_a_week_with_nothing_to_write_needs_no_cards_at_all():
    # Not "0 cards": the review would list a need of nothing.
    assert needed([item("post", 1, "BR"), item("occasion", 2, "US")], "US") == {INTERNATIONAL: 1}
    assert needed([], "US") == {}


def test_only_counted_kinds_that_fall_short_are_mentioned():
    need = {DOMESTIC: 3, INTERNATIONAL: 2, CARDS: 1}
    found = shortfalls(need, {INTERNATIONAL: 1, CARDS: 5})
    assert found == [Shortfall(INTERNATIONAL, 2, 1)]
    assert found[0].text() == "The letters due need 2 international stamps; 1 on hand, so 1 more would help."


def test_kind_names_are_tidied_and_never_empty():
    assert supply_kind("  Postcard   Stamps ") == "postcard stamps"
    with pytest.raises(InvalidValue):
        supply_kind("  ")


def test_stamps_come_from_cards_to_post_only():
    items = [item("post", 1, "BR"), item("post", 2, "BR"), item("write", 3, "US"), item("occasion", 4, "US"),
             item("write", 5, "US")]
    assert needed(items, "US") == {INTERNATIONAL: 2, CARDS: 2}


def test_exactly_enough_on_hand_is_no_shortfall():
    assert shortfalls({CARDS: 2}, {CARDS: 2}) == []
    assert shortfalls({CARDS: 3}, {CARDS: 2}) == [Shortfall(CARDS, 3, 2)]


def test_one_of_a_standard_kind_is_singular_and_a_kind_of_ones_own_keeps_its_name():
    from ritual.core.supplies import counted

    assert counted(1, CARDS) == "1 card" and counted(2, CARDS) == "2 cards"
    assert counted(1, "washi tapes") == "1 washi tapes"


def test_an_unknown_kind_is_refused_naming_every_kind_there_is():
    with pytest.raises(InvalidValue) as caught:
        supply_kind("Glitter")
    assert caught.value.field == "kind" and "'Glitter'" in caught.value.message
    assert caught.value.problem == ("is not a supply kind; the kinds are domestic, international, cards, postcards, "
                                    "postcard stamps, envelopes, notecards")
