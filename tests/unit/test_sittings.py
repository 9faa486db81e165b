"""A sitting's small pieces: age, months apart, the follow-up question, shortened answers, earlier sittings."""

from __future__ import annotations

from datetime import date, datetime

from ritual.core.dates import PartialDate
from ritual.core.letters import Reflection
from ritual.core.prompts import Prompt
from ritual.core.sittings import (
    FOLLOW_UP_ANY, FOLLOW_UP_BELOW_WORDS, FOLLOW_UPS, age_on, by_sitting, effort_words, follow_up, months_between,
)
from ritual.core.text import SHORT_ANSWER, shorten


def test_age_counts_a_birthday_only_once_it_has_come():
    born = PartialDate(3, 14, 1990)
    assert age_on(born, date(2026, 3, 13)) == 35
    assert age_on(born, date(2026, 3, 14)) == 36
    assert age_on(born, date(2026, 4, 1)) == 36
    assert age_on(born, date(2026, 2, 20)) == 35


def test_age_of_a_month_only_birthday_counts_from_the_first():
    assert age_on(PartialDate(3), date(2026, 3, 1)) is None  # no year either
    assert age_on(PartialDate(3, None, None), date(2026, 3, 1)) is None
    assert age_on(None, date(2026, 3, 1)) is None and age_on(PartialDate(3, 14), date(2026, 3, 1)) is None


def test_months_between_counts_whole_months_and_never_goes_below_zero():
    assert months_between(date(2026, 1, 20), date(2026, 3, 19)) == 1
    assert months_between(date(2026, 1, 20), date(2026, 3, 20)) == 2
    assert months_between(date(2025, 11, 5), date(2026, 2, 5)) == 3
    assert months_between(date(2026, 3, 20), date(2026, 3, 9)) == 0
    assert months_between(None, date(2026, 3, 9)) is None


def _prompt(categories=("memory",), arc="") -> Prompt:
    return Prompt("p1", "What do you remember?", categories, arc=arc)


def test_a_short_answer_gets_the_follow_up_of_its_category():
    assert follow_up(_prompt(), "the beach") == FOLLOW_UPS["memory"]
    assert follow_up(_prompt(("odd-one",), arc="deep"), "yes") == FOLLOW_UP_ANY


def test_a_long_answer_or_a_closing_question_gets_none():
    words = " ".join(["word"] * FOLLOW_UP_BELOW_WORDS)
    assert follow_up(_prompt(), words) is None
    assert follow_up(_prompt(), " ".join(["word"] * (FOLLOW_UP_BELOW_WORDS - 1))) == FOLLOW_UPS["memory"]
    assert follow_up(_prompt(arc="closing"), "yes") is None


def test_shorten_keeps_short_text_and_cuts_long_text_at_a_word():
    assert shorten("one\n two   three") == "one two three"
    exact = "x" * SHORT_ANSWER
    assert shorten(exact) == exact
    assert shorten("alpha beta, gamma", 12) == "alpha beta…"
    assert shorten("abcdefghijklmnop", 5) == "abcde…"


def _answer(sitting: str, hour: int, id_: int) -> Reflection:
    return Reflection(1, "p", "q", "a", datetime(2026, 3, 1, hour), sitting, occasion=f"occ-{sitting}", id=id_)


def test_answers_group_into_at_most_limit_sittings_newest_first_oldest_answer_first():
    answers = [_answer("s3", 12, 6), _answer("s3", 11, 5), _answer("s2", 10, 4), _answer("s1", 9, 1)]
    found = by_sitting(answers, posted={"s3"}, limit=2)
    assert [s.sitting for s in found] == ["s3", "s2"]
    assert [a.id for a in found[0].answers] == [5, 6]
    assert found[0].posted and not found[1].posted
    assert found[0].day == date(2026, 3, 1) and found[0].occasion == "occ-s3"
    assert len(by_sitting(answers, set(), limit=3)) == 3


def test_effort_words_say_minutes_and_questions_in_the_singular_and_plural():
    assert effort_words(25, 4) == "25 minutes at the desk · 4 questions answered"
    assert effort_words(1, 1) == "1 minute at the desk · 1 question answered"
    assert effort_words(None, 0) == "" and effort_words(0, 2) == "2 questions answered"


def test_the_limits_are_280_characters_and_60_words():
    assert len(shorten("x" * 280)) == 280 and shorten("ab " * 94).endswith("…")
    assert follow_up(_prompt(), " ".join(["w"] * 59)) is not None
    assert follow_up(_prompt(), " ".join(["w"] * 60)) is None


def test_shorten_cuts_back_to_the_last_whole_word():
    assert shorten("abc defgh", 6) == "abc…"


def test_answers_of_the_same_moment_keep_the_order_they_were_saved_in():
    at = datetime(2026, 3, 1, 9)
    saved = [Reflection(1, "p", "q", "a", at, "s1", id=7), Reflection(1, "p", "q", "b", at, "s1", id=3),
             Reflection(1, "p", "q", "c", at, "s1")]
    [sitting] = by_sitting(saved, set(), limit=1)
    assert [a.answer for a in sitting.answers] == ["c", "b", "a"]


def test_an_unsaved_answer_comes_before_the_first_saved_one():
    at = datetime(2026, 3, 1, 9)
    answers = [Reflection(1, "p", "q", "saved", at, "s1", id=1), Reflection(1, "p", "q", "unsaved", at, "s1")]
    [sitting] = by_sitting(answers, set(), limit=1)
    assert [a.answer for a in sitting.answers] == ["unsaved", "saved"]
