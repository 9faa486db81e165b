"""The one range of each stored value: both ends accepted, one step past either end refused."""

from __future__ import annotations

from datetime import date

import pytest

from ritual.core import ranges
from ritual.core.dates import PartialDate, parse_day
from ritual.core.letters import Letter
from ritual.core.model import Friend, Occasion
from ritual.errors import InvalidValue


@pytest.mark.parametrize("kept", [ranges.CADENCE_DAYS, ranges.MINUTES, ranges.COUNT, ranges.ID, ranges.DAYS_AHEAD])
def test_a_range_keeps_its_ends_and_refuses_one_past_them(kept):
    assert kept.check(kept.low, "f") == kept.low and kept.check(kept.high, "f") == kept.high
    for outside in (kept.low - 1, kept.high + 1):
        with pytest.raises(InvalidValue, match="f: "):
            kept.check(outside, "f")


def test_parse_names_the_field_and_the_text():
    assert ranges.MINUTES.parse(" 45 ", "minutes") == 45
    with pytest.raises(InvalidValue, match="minutes: 'soon' must be a whole number of minutes"):
        ranges.MINUTES.parse("soon", "minutes")
    with pytest.raises(InvalidValue, match="between 1 and 1,440 minutes"):
        ranges.MINUTES.parse("1441", "minutes")


def test_dates_run_from_1800_to_2200():
    assert ranges.check_day(date(1800, 1, 1), "d") == date(1800, 1, 1)
    assert ranges.check_day(date(2200, 12, 31), "d") == date(2200, 12, 31)
    assert ranges.check_day(None, "d") is None
    for outside in (date(1799, 12, 31), date(2201, 1, 1)):
        with pytest.raises(InvalidValue, match="outside 1800-2200"):
            ranges.check_day(outside, "d")
    with pytest.raises(InvalidValue, match="--date: '9999-12-31'"):
        parse_day("9999-12-31", "--date")


def test_every_model_refuses_what_would_fail_later():
    with pytest.raises(InvalidValue, match="keep-in-touch"):
        Friend("Ana", cadence_days=36_501)
    with pytest.raises(InvalidValue, match="birthday"):
        Friend("Ana", birthday=PartialDate(12, 31, 9999))
    with pytest.raises(InvalidValue, match="last sent"):
        Friend("Ana", last_sent=date(9999, 12, 31))
    with pytest.raises(InvalidValue, match="last received"):
        Friend("Ana", last_received=date(1, 1, 1))
    with pytest.raises(InvalidValue, match="occasion date"):
        Occasion("wedding", PartialDate(6, 1, 2201))
    with pytest.raises(InvalidValue, match="arrived"):
        Letter(1, "sent", date(2026, 1, 1), arrived=date(2201, 1, 1))
    assert Friend("Ana", cadence_days=36_500, birthday=PartialDate(2, 29)).cadence_days == 36_500


def test_the_documented_ranges():
    assert (ranges.FIRST_YEAR, ranges.LAST_YEAR, ranges.FIRST_OCCASION_YEAR) == (1800, 2200, 1000)
    assert ranges.CADENCE_DAYS.bounds == (1, 36_500) and ranges.MINUTES.bounds == (1, 1_440)
    assert ranges.COUNT.bounds == (0, 1_000_000) and ranges.ID.bounds == (1, 2**63 - 1)
    assert ranges.DAYS_AHEAD.bounds == (1, 3_660)
    for documented in ("1800-01-01 .. 2200-12-31", "1 .. 36,500 days", "1000 .. 2200", "1 .. 2^63 - 1"):
        assert documented in ranges.__doc__


def test_years_in_range_for_birthdays_and_for_other_occasions():
    assert ranges.year_in_range(1800) and ranges.year_in_range(2200)
    assert not ranges.year_in_range(1799) and not ranges.year_in_range(2201)
    assert ranges.year_in_range(1000, ranges.FIRST_OCCASION_YEAR) and not ranges.year_in_range(999, 1000)
    ranges.check_year(1000, "occasion date", "1000-01-01", ranges.FIRST_OCCASION_YEAR)
    ranges.check_year(None, "birthday", "--05-01")
    with pytest.raises(InvalidValue, match="occasion date: '0999-01-01' has a year outside 1000-2200"):
        ranges.check_year(999, "occasion date", "0999-01-01", ranges.FIRST_OCCASION_YEAR)


def test_a_range_is_immutable():
    with pytest.raises(AttributeError):
        ranges.MINUTES.high = 10**9


def test_parse_keeps_both_ends():
    assert ranges.MINUTES.parse("1", "minutes") == 1 and ranges.MINUTES.parse("1440", "minutes") == 1440
    with pytest.raises(InvalidValue, match="minutes: '0' must be between"):
        ranges.MINUTES.parse("0", "minutes")
