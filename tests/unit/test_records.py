"""Checked records: every making runs the record's check, a copy made with `_replace` too."""

from datetime import date

import pytest

from ritual.core.cards import Card
from ritual.core.dates import PartialDate
from ritual.core.letters import Letter
from ritual.core.model import Occasion
from ritual.errors import InvalidValue


def test_a_record_is_checked_when_made_and_when_copied():
    with pytest.raises(InvalidValue, match="has no month 13"):
        PartialDate(13)
    good = PartialDate(2, 29)
    assert good._replace(year=2028) == PartialDate(2, 29, 2028)
    with pytest.raises(InvalidValue, match="is not a day of the calendar"):
        good._replace(year=2027)
    with pytest.raises(InvalidValue, match="must not be empty"):
        Occasion("wedding", good)._replace(name=" ")


def test_a_copy_keeps_the_checks_that_tie_fields_together():
    card = Card(1, "birthday", date(2026, 12, 2), written_on=date(2026, 11, 20))
    assert card._replace(posted_on=date(2026, 11, 21)).posted_on == date(2026, 11, 21)
    with pytest.raises(InvalidValue, match="comes before the day it was written"):
        card._replace(posted_on=date(2026, 11, 19))
    with pytest.raises(TypeError):
        card._replace(colour="red")


def test_records_compare_hash_and_sort_by_their_fields_in_order():
    assert PartialDate(3, 14, 1990) == PartialDate(month=3, day=14, year=1990)
    assert hash(PartialDate(3, 14)) == hash(PartialDate(3, 14))
    assert sorted([PartialDate(5, 1), PartialDate(3, 20), PartialDate(3, 14, 1990)]) == [
        PartialDate(3, 14, 1990), PartialDate(3, 20), PartialDate(5, 1)]
    assert repr(PartialDate(6)) == "PartialDate(month=6, day=None, year=None)"
    with pytest.raises(AttributeError):
        PartialDate(6).month = 7


def test_a_letter_fills_in_its_status_and_quotes_when_made_and_when_copied():
    letter = Letter(1, "sent", date(2026, 11, 20), quotes=["  the  lake  "])
    assert (letter.status, letter.quotes) == ("written", ("the lake",))
    posted = letter._replace(status="posted", posted=date(2026, 11, 21), quotes=[" a  b "])
    assert (posted.status, posted.quotes) == ("posted", ("a b",))
    with pytest.raises(InvalidValue, match="does not fit a sent letter"):
        letter._replace(status="answered")
    with pytest.raises(InvalidValue, match="comes before the day it was written"):
        letter._replace(posted=date(2026, 11, 19))


def test_a_record_made_from_its_fields_is_the_same_record_and_checked_the_same():
    assert PartialDate.from_fields((2, 29, 2028)) == PartialDate(2, 29, 2028)
    assert type(PartialDate.from_fields((6, None, None))) is PartialDate
    made = Occasion.from_fields(("wedding", PartialDate(6, 12, 2004), True, False, 7))
    assert made == Occasion("wedding", PartialDate(6, 12, 2004), card=False, id=7)
    with pytest.raises(InvalidValue, match="is not a day of the calendar"):
        PartialDate.from_fields((2, 29, 2027))
    with pytest.raises(InvalidValue, match="must not be empty"):
        Occasion.from_fields((" ", PartialDate(6, 12), True, True, None))
    with pytest.raises(TypeError, match="takes 3 fields, not 2"):
        PartialDate.from_fields((6, 12))  # no defaults: every field is given
