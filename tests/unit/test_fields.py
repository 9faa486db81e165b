"""Which texts hold one line, which hold notes, and what each refuses or leaves out."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from ritual.core.dates import PartialDate
from ritual.core.fields import (
    check_friend, check_letter, check_occasion, check_reflection, check_text, friend_texts, is_multi_line,
    without_bad_texts,
)
from ritual.core.letters import Letter, Reflection
from ritual.core.model import Address, Friend, Occasion
from ritual.errors import InvalidValue


def test_notes_keep_newlines_and_tabs_but_single_lines_do_not():
    assert is_multi_line("notes") and not is_multi_line("name")
    assert check_text("notes", "a\n\tb") == "a\n\tb"
    with pytest.raises(InvalidValue, match=r"line break \(U\+000A\)"):
        check_text("name", "a\nb")
    with pytest.raises(InvalidValue, match=r"a control character \(U\+001B\)"):
        check_text("notes", "a\x1bb")
    for code in ("\x00", "\x7f", "\x85", "\x9f"):
        with pytest.raises(InvalidValue):
            check_text("city", f"x{code}")
    assert check_text("city", "Zürich\xa0") == "Zürich\xa0"


def _friend(**changes) -> Friend:
    base = dict(name="Ana", nickname="Aninha", tags=("school", "choir"), notes="one\ntwo",
                addresses=(Address(("12 Maple St", "Flat 2"), "Portland", "OR", "97205", "US", "home"),),
                occasions=(Occasion("anniversary", PartialDate(6, 20)),))
    return Friend(**{**base, **changes})


def test_friend_texts_name_every_field():
    fields = [f for f, _ in friend_texts(_friend())]
    assert fields == ["name", "nickname", "relationship", "how met", "notes", "tag", "tag", "address label",
                      "address line", "address line", "city", "region", "postal code", "country", "occasion name"]


def test_a_clean_friend_passes_unchanged_and_a_bad_field_is_named():
    friend = _friend()
    assert check_friend(friend) is friend and without_bad_texts(friend) == (friend, [])
    with pytest.raises(InvalidValue) as refused:
        check_friend(_friend(addresses=(Address(("x",), "Port\x07land"),)))
    assert refused.value.field == "city"


def test_bad_fields_are_emptied_and_listed_the_rest_kept():
    friend = _friend(nickname="A\x1b", tags=("ok", "b\x07ad"), notes="fine\nhere", how_met="x\ry",
                     addresses=(Address(("good", "b\x1bad"), "Port\x07", "OR", "97\x00", "U\x9fS", "h\x1b"),),
                     occasions=(Occasion("ok", PartialDate(1, 2)), Occasion("b\x1b", PartialDate(1, 3))))
    cleaned, bad = without_bad_texts(friend)
    assert bad == ["address label", "address line", "city", "country", "how met", "nickname", "occasion name",
                   "postal code", "tag"]
    assert (cleaned.nickname, cleaned.how_met, cleaned.notes, cleaned.tags) == ("", "", "fine\nhere", ("ok",))
    assert cleaned.addresses == (Address(("good",), "", "OR", "", "", ""),)
    assert [o.name for o in cleaned.occasions] == ["ok"]


def test_a_bad_name_cannot_be_emptied():
    with pytest.raises(InvalidValue):
        without_bad_texts(_friend(name="A\x1bna", nickname="x\x07"))


def test_occasions_letters_and_reflections_are_checked_field_by_field():
    assert check_occasion(Occasion("party", PartialDate(1, 2))).name == "party"
    with pytest.raises(InvalidValue):
        check_occasion(Occasion("pa\x1brty", PartialDate(1, 2)))
    letter = Letter(1, "sent", date(2026, 1, 2), note="a\nb")
    assert check_letter(letter) is letter
    for field in ("occasion", "medium", "tone", "scan"):
        with pytest.raises(InvalidValue) as refused:
            check_letter(Letter(1, "sent", date(2026, 1, 2), **{field: "x\ny"}))
        assert refused.value.field == field
    answer = Reflection(1, "p", "q?", "line one\nline two", datetime(2026, 1, 2), "s1")
    assert check_reflection(answer) is answer
    with pytest.raises(InvalidValue) as refused:
        check_reflection(Reflection(1, "p", "q?", "a", datetime(2026, 1, 2), "s1", tone="x\ty"))
    assert refused.value.field == "tone"
