"""The letter model and the year picture, without a database."""

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
