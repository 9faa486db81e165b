"""Friends and occasions refuse what cannot be planned: an empty name, a one-off without a year."""

from __future__ import annotations

import pytest

from ritual.core.dates import PartialDate
from ritual.core.model import Address, Friend, Occasion
from ritual.errors import InvalidValue


def test_an_occasion_is_yearly_with_a_card_unless_told():
    wedding = Occasion("wedding", PartialDate(6, 1, 2015))
    assert wedding.yearly and wedding.card
    with pytest.raises(InvalidValue, match="occasion name"):
        Occasion("  ", PartialDate(6, 1))


@pytest.mark.parametrize("when", [PartialDate(6, 1), PartialDate(6)])
def test_a_one_off_occasion_needs_a_year_and_a_day(when):
    with pytest.raises(InvalidValue, match="needs a year for a one-off occasion"):
        Occasion("party", when, yearly=False)
    assert Occasion("party", PartialDate(6, 1, 2027), yearly=False).date.year == 2027


def test_a_friend_needs_a_name_and_a_known_feb29_policy():
    with pytest.raises(InvalidValue, match="name"):
        Friend(" ")
    with pytest.raises(InvalidValue, match="feb29"):
        Friend("Ana", feb29="feb30")
    with pytest.raises(InvalidValue, match="keep-in-touch"):
        Friend("Ana", cadence_days=0)
    assert Friend("Ana", feb29="mar1", cadence_days=1).cadence_days == 1


def test_the_last_letter_either_way_and_the_first_address_country():
    from datetime import date

    ana = Friend("Ana", last_sent=date(2026, 1, 5), last_received=date(2026, 2, 1),
                 addresses=(Address(country="DE"), Address(country="FR")))
    assert ana.last_letter == date(2026, 2, 1) and ana.country == "DE"
    assert Friend("Bo").last_letter is None and Friend("Bo").country == ""
    assert Address(("Main St 1",), "Berlin", "", "10115", "DE").one_line() == "Main St 1, 10115 Berlin, DE"
