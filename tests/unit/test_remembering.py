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
