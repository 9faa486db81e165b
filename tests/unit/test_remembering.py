"""On this day: one line from the same week of an earlier year, never about a hidden friend."""

from __future__ import annotations

from datetime import date

from ritual.core.letters import RECEIVED, SENT, Letter
from ritual.core.remembering import on_this_day, week_days

MONDAY = date(2026, 11, 23)


def letter(friend_id: int, direction: str, day: date, **kw) -> Letter:
    return Letter(friend_id, direction, day, friend=kw.pop("friend", f"F{friend_id}"), **kw)


def test_the_most_recent_earlier_year_is_told_in_one_line():
    box = [
        letter(1, RECEIVED, date(2024, 11, 25), friend="Ana", medium="card", quotes=("the pigeon came back",)),
        letter(2, RECEIVED, date(2025, 11, 29), friend="Ben", medium="postcard", quotes=("we saw the pigeon",), id=9),
        letter(3, SENT, date(2025, 12, 1), friend="Caro"),
        letter(4, RECEIVED, date(2026, 11, 24), friend="Dee"),
    ]
    line = on_this_day(box, MONDAY, set(), {})
    assert line == "A year ago this week Ben's postcard arrived; they wrote “we saw the pigeon”."
    assert on_this_day(box, MONDAY, {2}, {}) == "Two years ago this week Ana's card arrived; they wrote “the pigeon came back”."
    assert on_this_day(box, MONDAY, {1, 2}, {}) == ""


def test_a_letter_you_wrote_says_what_it_was_about():
    sent = letter(5, SENT, date(2023, 11, 27), friend="Eva", sitting="s1")
    assert on_this_day([sent], MONDAY, set(), {"s1": "the ferry at dusk"}) == (
        "Three years ago this week you wrote to Eva; you wrote about “the ferry at dusk”.")
    assert on_this_day([sent], MONDAY, set(), {}) == "Three years ago this week you wrote to Eva."


def test_the_week_wraps_months_and_years():
    assert week_days(date(2026, 12, 28)) == {(12, 28), (12, 29), (12, 30), (12, 31), (1, 1), (1, 2), (1, 3)}


def test_the_years_are_words_up_to_five_then_numbers():
    for years, words in ((1, "A year"), (2, "Two years"), (4, "Four years"), (5, "Five years"), (6, "6 years")):
        sent = letter(5, SENT, date(2026 - years, 11, 23), friend="Eva")
        assert on_this_day([sent], MONDAY, set(), {}) == f"{words} ago this week you wrote to Eva."


def test_a_letter_from_this_year_or_outside_the_week_is_never_told():
    assert on_this_day([letter(1, SENT, date(2026, 11, 23))], MONDAY, set(), {}) == ""
    assert on_this_day([letter(1, SENT, date(2025, 11, 22)), letter(2, SENT, date(2025, 11, 30))],
                       MONDAY, set(), {}) == ""
    assert on_this_day([letter(1, SENT, date(2025, 11, 29), friend="Sun")], MONDAY, set(), {}).endswith("Sun.")


def test_in_the_same_year_a_letter_received_wins_then_the_newest_id():
    box = [letter(1, SENT, date(2025, 11, 24), friend="Out", id=8),
           letter(2, RECEIVED, date(2025, 11, 25), friend="In", id=3),
           letter(3, RECEIVED, date(2025, 11, 26), friend="Newer", id=4)]
    assert on_this_day(box, MONDAY, set(), {}).startswith("A year ago this week Newer's letter arrived")
    assert on_this_day(box[:2], MONDAY, set(), {}).startswith("A year ago this week In's letter arrived")
    two = [letter(1, SENT, date(2025, 11, 24), friend="Old", id=1), letter(2, SENT, date(2025, 11, 25), friend="New", id=2)]
    assert on_this_day(two, MONDAY, set(), {}) == "A year ago this week you wrote to New."
    assert on_this_day([letter(1, SENT, date(2025, 11, 24), friend="None")], MONDAY, set(), {}).endswith("None.")


def test_long_answers_and_quotes_are_shortened_and_a_received_letter_ignores_answers():
    long = "word " * 30
    sent = letter(5, SENT, date(2025, 11, 27), friend="Eva", sitting="s1")
    line = on_this_day([sent], MONDAY, set(), {"s1": long})
    assert line.endswith("…”.") and len(line) < 120
    got = letter(6, RECEIVED, date(2025, 11, 27), friend="Ben", sitting="s1")
    assert on_this_day([got], MONDAY, set(), {"s1": "ignored"}) == "A year ago this week Ben's letter arrived."
