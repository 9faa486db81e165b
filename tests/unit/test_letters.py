"""The letter model, its journey, replies owed and the year picture, without a database."""

from __future__ import annotations

from datetime import date

import pytest

from ritual.core.letters import RECEIVED, SENT, Letter, letter_dict, year_picture
from ritual.errors import InvalidValue


def test_letters_check_their_own_shape():
    assert Letter(1, SENT, date(2026, 1, 1)).status == "written"
    assert Letter(1, RECEIVED, date(2026, 1, 1)).status == "received"
    with pytest.raises(InvalidValue, match="direction"):
        Letter(1, "lost", date(2026, 1, 1))
    with pytest.raises(InvalidValue, match="medium"):
        Letter(1, SENT, date(2026, 1, 1), medium="fax")
    with pytest.raises(InvalidValue, match="posted"):
        Letter(1, SENT, date(2026, 1, 5), posted=date(2026, 1, 4))


def test_year_picture_counts_months_and_friends():
    letters = [
        Letter(1, SENT, date(2026, 3, 1), friend="Ana"),
        Letter(1, RECEIVED, date(2026, 3, 20), friend="Ana"),
        Letter(2, SENT, date(2026, 12, 31), friend="Bo"),
        Letter(2, SENT, date(2025, 12, 31), friend="Bo"),
    ]
    picture = year_picture(letters, 2026)
    assert picture.sent_by_month[2] == 1 and picture.received_by_month[2] == 1 and picture.sent_by_month[11] == 1
    assert picture.by_friend == (("Ana", 1, 1), ("Bo", 1, 0)) and picture.total == 3


def test_json_shape():
    shape = letter_dict(Letter(1, RECEIVED, date(2026, 3, 20), friend="Ana", id=4))
    assert shape["date"] == shape["received"] == "2026-03-20" and shape["written"] is None
    assert {"id", "friend_id", "friend", "direction", "status", "occasion", "medium"} <= shape.keys()


def test_a_status_must_fit_the_direction_and_defaults_to_the_first_step():
    assert Letter(1, SENT, date(2026, 1, 1), status="posted", posted=date(2026, 1, 2)).status == "posted"
    with pytest.raises(InvalidValue, match=r"status: 'received' does not fit a sent letter \(written, posted, arrived\)"):
        Letter(1, SENT, date(2026, 1, 1), status="received")
    with pytest.raises(InvalidValue, match="does not fit a received letter"):
        Letter(1, RECEIVED, date(2026, 1, 1), status="posted")
    assert Letter(1, SENT, date(2026, 1, 1), medium="card").medium == "card"
    with pytest.raises(InvalidValue, match="medium: 'fax' must be one of card, letter, postcard, parcel"):
        Letter(1, SENT, date(2026, 1, 1), medium="fax")


def test_the_journey_keeps_its_order_and_the_same_day_is_fine():
    same_day = Letter(1, SENT, date(2026, 1, 5), posted=date(2026, 1, 5), arrived=date(2026, 1, 5))
    assert same_day.arrived == date(2026, 1, 5)
    with pytest.raises(InvalidValue, match=r"arrived: '2026-01-06' comes before the day it was posted \(2026-01-07\)"):
        Letter(1, SENT, date(2026, 1, 5), posted=date(2026, 1, 7), arrived=date(2026, 1, 6))
    with pytest.raises(InvalidValue, match=r"arrived: '2026-01-04' comes before the day it was written \(2026-01-05\)"):
        Letter(1, SENT, date(2026, 1, 5), arrived=date(2026, 1, 4))
    assert Letter(1, SENT, date(2026, 1, 5)).sent and not Letter(1, RECEIVED, date(2026, 1, 5)).sent


def test_advance_moves_a_letter_on_and_refuses_a_step_of_the_other_direction():
    from ritual.core.letters import advance

    written = Letter(1, SENT, date(2026, 1, 5))
    posted = advance(written, "posted", date(2026, 1, 6))
    assert (posted.status, posted.posted, posted.arrived) == ("posted", date(2026, 1, 6), None)
    arrived = advance(posted, "arrived", date(2026, 1, 9))
    assert (arrived.status, arrived.posted, arrived.arrived) == ("arrived", date(2026, 1, 6), date(2026, 1, 9))
    reposted = advance(arrived, "posted", date(2026, 1, 7))
    assert (reposted.posted, reposted.arrived) == (date(2026, 1, 7), None)
    answered = advance(Letter(1, RECEIVED, date(2026, 1, 5)), "answered", date(2026, 1, 8))
    assert (answered.status, answered.posted) == ("answered", None)
    with pytest.raises(InvalidValue, match=r"status: 'answered' does not fit a sent letter \(use posted, arrived\)"):
        advance(written, "answered", date(2026, 1, 6))


def test_replies_owed_after_the_set_days_longest_waiting_first():
    from ritual.core.letters import replies_owed

    today = date(2026, 3, 20)
    letters = [
        Letter(1, RECEIVED, date(2026, 3, 10), id=3), Letter(2, RECEIVED, date(2026, 3, 1), id=2),
        Letter(3, RECEIVED, date(2026, 3, 10), id=1), Letter(4, RECEIVED, date(2026, 3, 11), id=5),
        Letter(5, RECEIVED, date(2026, 1, 1), status="answered", id=6), Letter(6, SENT, date(2026, 1, 1), id=7),
    ]
    assert [x.id for x in replies_owed(letters, today, after_days=10)] == [2, 1, 3]
    assert [x.id for x in replies_owed(letters, today)] == [2, 1, 3, 5]
    assert replies_owed([Letter(1, RECEIVED, today)], today) != []


def test_the_year_picture_counts_each_month_each_way_and_orders_friends():
    letters = [
        Letter(1, SENT, date(2026, 1, 1), friend="bo"), Letter(1, SENT, date(2026, 1, 31), friend="bo"),
        Letter(2, RECEIVED, date(2026, 12, 1), friend="Ana"), Letter(3, SENT, date(2026, 6, 1), friend="Cy"),
        Letter(3, RECEIVED, date(2026, 6, 2), friend="Cy"), Letter(4, SENT, date(2027, 1, 1), friend="Dee"),
    ]
    picture = year_picture(letters, 2026)
    assert picture.sent_by_month == (2, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0)
    assert picture.received_by_month == (0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1)
    assert picture.by_friend == (("bo", 2, 0), ("Cy", 1, 1), ("Ana", 0, 1)) and picture.total == 5
    assert year_picture([], 2026).total == 0 and len(year_picture([], 2026).sent_by_month) == 12


def test_the_json_of_a_sent_letter_with_its_whole_journey():
    sent = Letter(2, SENT, date(2026, 3, 1), posted=date(2026, 3, 2), arrived=date(2026, 3, 5), status="arrived",
                  occasion="birthday", tone="warm", scan="s.jpg", note="n", friend="Bo", id=9,
                  quotes=("the lighthouse",), focus_minutes=25)
    shape = letter_dict(sent)
    assert shape == {
        "id": 9, "friend_id": 2, "friend": "Bo", "direction": "sent", "date": "2026-03-01", "status": "arrived",
        "written": "2026-03-01", "posted": "2026-03-02", "arrived": "2026-03-05", "received": None,
        "occasion": "birthday", "medium": "letter", "tone": "warm", "note": "n", "scan": "s.jpg", "card_id": None,
        "quotes": ["the lighthouse"], "focus_minutes": 25,
    }
    bare = letter_dict(Letter(2, SENT, date(2026, 3, 1)))
    assert (bare["occasion"], bare["tone"], bare["scan"], bare["posted"]) == (None, None, None, None)


def test_focus_minutes_run_from_nought_to_a_whole_day():
    from ritual.core.letters import Letter

    day = date(2026, 3, 2)
    for minutes in (0, 1440):
        assert Letter(1, "sent", day, focus_minutes=minutes).focus_minutes == minutes
    for minutes in (-1, 1441):
        with pytest.raises(InvalidValue, match="must be from 0 to 1440"):
            Letter(1, "sent", day, focus_minutes=minutes)


def test_a_quote_may_hold_five_hundred_characters_and_a_longer_one_is_named_by_its_start():
    from ritual.core.letters import check_quotes

    assert check_quotes(["q" * 500]) == ("q" * 500,)
    with pytest.raises(InvalidValue) as refused:
        check_quotes(["a" * 40 + "b" * 461])
    assert refused.value.value == "a" * 40 + "…" and "longer than 500 characters" in refused.value.problem


def test_replies_owed_of_one_day_put_an_unsaved_letter_before_the_first_saved_one():
    from ritual.core.letters import replies_owed

    day = date(2026, 3, 2)
    owed = replies_owed([Letter(1, RECEIVED, day, note="saved", id=1), Letter(2, RECEIVED, day, note="unsaved")],
                        date(2026, 3, 9))
    assert [x.note for x in owed] == ["unsaved", "saved"]


def test_an_answer_is_neither_skipped_nor_the_heart_unless_said():
    from datetime import datetime

    from ritual.core.letters import Reflection

    answer = Reflection(1, "p", "q?", "the ferry", datetime(2026, 3, 2, 9), "s1")
    assert (answer.skipped, answer.heart) == (False, False)
