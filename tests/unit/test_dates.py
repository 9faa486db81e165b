"""Date rules: parsing, yearly occurrences, the Feb-29 policy, ages."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ritual.core.dates import (
    FEB28,
    MAR1,
    PartialDate,
    age_on,
    age_turned,
    check_policy,
    monday_of,
    next_occurrence,
    occurrence_in_year,
    occurrences_between,
    parse_day,
)
from ritual.errors import InvalidValue

days = st.dates(min_value=date(1900, 1, 1), max_value=date(2400, 12, 31))
policies = st.sampled_from([FEB28, MAR1])


@st.composite
def partial_dates(draw):
    """Any valid full, year-less or month-only date with its year in 1900-2400."""
    month = draw(st.integers(1, 12))
    form = draw(st.sampled_from(["full", "yearless", "month"]))
    if form == "month":
        return PartialDate(month)
    if form == "yearless":
        return PartialDate(month, draw(st.integers(1, [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1])))
    year = draw(st.integers(1900, 2400))
    return PartialDate(month, draw(st.integers(1, calendar.monthrange(year, month)[1])), year)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1985-11-03", PartialDate(11, 3, 1985)),
        ("11-03", PartialDate(11, 3)),
        ("--11-03", PartialDate(11, 3)),
        ("--1103", PartialDate(11, 3)),
        ("02-29", PartialDate(2, 29)),
        ("--06", PartialDate(6)),
        ("2000-02-29", PartialDate(2, 29, 2000)),
    ],
)
def test_parse_accepts_the_documented_forms(text, expected):
    assert PartialDate.parse(text) == expected
    assert PartialDate.parse(expected.iso()) == expected


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("2025-02-30", "not a day"),
        ("2025-02-29", "not a day"),
        ("02-30", "not a day"),
        ("13-01", "no month 13"),
        ("--13", "no month 13"),
        ("tomorrow", "is not a date"),
        ("2025", "is not a date"),
    ],
)
def test_parse_rejects_impossible_dates_naming_field_and_value(text, problem):
    with pytest.raises(InvalidValue) as caught:
        PartialDate.parse(text, "birthday")
    assert caught.value.field == "birthday"
    assert text in caught.value.message and problem in caught.value.message


def test_parse_day_needs_a_year():
    assert parse_day("2026-03-01") == date(2026, 3, 1)
    with pytest.raises(InvalidValue, match="--date: '03-01' needs a full date"):
        parse_day("03-01", "--date")


def test_feb29_policies_in_common_and_leap_years():
    leapling = PartialDate(2, 29)
    assert occurrence_in_year(leapling, 2027, FEB28) == date(2027, 2, 28)
    assert occurrence_in_year(leapling, 2027, MAR1) == date(2027, 3, 1)
    assert occurrence_in_year(leapling, 2028, MAR1) == date(2028, 2, 29)
    assert occurrence_in_year(leapling, 2100, FEB28) == date(2100, 2, 28)  # 2100 is not a leap year


def test_month_only_is_planned_at_month_start():
    assert next_occurrence(PartialDate(6), date(2026, 6, 2)) == date(2027, 6, 1)
    assert next_occurrence(PartialDate(6), date(2026, 5, 31)) == date(2026, 6, 1)


def test_a_full_date_does_not_occur_before_its_year():
    assert next_occurrence(PartialDate(5, 4, 2030), date(2026, 1, 1)) == date(2030, 5, 4)
    assert occurrences_between(PartialDate(5, 4, 2030), date(2026, 1, 1), date(2031, 12, 31)) == [
        date(2030, 5, 4),
        date(2031, 5, 4),
    ]


def test_age_on_a_feb29_birthday_follows_the_policy():
    born = PartialDate(2, 29, 2000)
    assert age_on(born, date(2027, 2, 28), FEB28) == 27
    assert age_on(born, date(2027, 2, 28), MAR1) == 26
    assert age_on(born, date(2027, 3, 1), MAR1) == 27
    assert age_on(PartialDate(2, 29), date(2027, 3, 1)) is None


@given(partial_dates(), days, policies)
def test_next_occurrence_is_on_or_after_and_within_366_days(value, start, policy):
    if value.year is not None and start.year <= value.year:
        start = date(value.year + 1, 1, 1) if value.year < 2400 else date(2400, 12, 31)
        if start.year > 2400:
            return
    found = next_occurrence(value, start, policy)
    assert start <= found <= start + timedelta(days=366)


@given(st.integers(1900, 2400), policies, st.sampled_from([None, 1904, 1996, 2000]))
def test_feb29_birthday_appears_exactly_once_every_year(year, policy, birth_year):
    born = PartialDate(2, 29, birth_year)
    if birth_year is not None and year < birth_year:
        return
    found = occurrences_between(born, date(year, 1, 1), date(year, 12, 31), policy)
    assert len(found) == 1
    assert found[0] in (date(year, 2, 28), date(year, 3, 1)) or calendar.isleap(year)


@given(partial_dates().filter(lambda d: d.year is not None and d.day is not None), days, days, policies)
def test_ages_never_go_backwards(born, first, second, policy):
    earlier, later = sorted((first, second))
    if earlier < born.as_date():
        return
    assert age_on(born, earlier, policy) <= age_on(born, later, policy)
    assert age_on(born, earlier, policy) >= 0


@given(partial_dates(), st.integers(1900, 2400), policies)
def test_every_date_occurs_once_per_year_from_its_own_year(value, year, policy):
    if value.year is not None and year < value.year:
        return
    assert len(occurrences_between(value, date(year, 1, 1), date(year, 12, 31), policy)) == 1


@pytest.mark.parametrize("month", range(1, 13))
def test_a_year_less_date_takes_every_day_of_its_month_in_a_leap_year_and_not_one_more(month):
    last = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[month - 1]
    assert PartialDate(month, last).day == last and PartialDate(month, 1).day == 1
    for wrong in (0, last + 1):
        with pytest.raises(InvalidValue, match="is not a day of the calendar"):
            PartialDate(month, wrong)


def test_a_full_date_may_have_any_calendar_year_from_1_to_9999():
    assert PartialDate(1, 1, 1).as_date() == date(1, 1, 1)
    assert PartialDate(12, 31, 9999).as_date() == date(9999, 12, 31)
    for year in (0, 10_000):
        with pytest.raises(InvalidValue, match="has a year outside 1-9999"):
            PartialDate(6, 1, year)


@pytest.mark.parametrize("value", [PartialDate(5, 1), PartialDate(5)])
def test_only_a_date_with_year_and_day_is_a_single_day(value):
    with pytest.raises(InvalidValue, match="has no year, so it is not a single day"):
        value.as_date()


@pytest.mark.parametrize(("text", "expected"), [
    ("1985-11-03", PartialDate(11, 3, 1985)), ("--11-03", PartialDate(11, 3)), ("--1103", PartialDate(11, 3)),
    ("11-03", PartialDate(11, 3)), ("--06", PartialDate(6)), (" 02-29 ", PartialDate(2, 29)),
])
def test_every_written_form_keeps_month_and_day_apart(text, expected):
    assert PartialDate.parse(text) == expected


def test_an_unknown_feb29_policy_names_the_choices():
    with pytest.raises(InvalidValue, match="feb29: 'feb30' must be one of feb28, mar1"):
        check_policy("feb30")


def test_the_next_occurrence_on_the_day_itself_is_that_day():
    assert next_occurrence(PartialDate(5, 1), date(2026, 5, 1)) == date(2026, 5, 1)
    assert next_occurrence(PartialDate(5, 1), date(2026, 5, 2)) == date(2027, 5, 1)
    assert next_occurrence(PartialDate(5, 1, 2030), date(2026, 1, 1)) == date(2030, 5, 1)


def test_dates_in_words_are_read_as_they_are_shown():
    assert PartialDate.parse("8 January") == PartialDate(1, 8)
    assert PartialDate.parse("8 jan 1990") == PartialDate(1, 8, 1990)
    assert PartialDate.parse("January 8, 1990") == PartialDate(1, 8, 1990)
    assert PartialDate.parse("June") == PartialDate(6)
    for shown in (PartialDate(1, 8), PartialDate(2, 29), PartialDate(12, 2, 1941), PartialDate(6)):
        assert PartialDate.parse(shown.words()) == shown
    for wrong in ("8 Foo", "Ju 8", "June 1990", "30 February"):
        with pytest.raises(InvalidValue):
            PartialDate.parse(wrong)


@pytest.mark.parametrize(("value", "year", "expected"), [
    (PartialDate(1, 29), 2026, date(2026, 1, 29)), (PartialDate(2, 10), 2027, date(2027, 2, 10)),
    (PartialDate(3, 29), 2027, date(2027, 3, 29)), (PartialDate(2, 28), 2027, date(2027, 2, 28)),
])
def test_only_29_february_moves_in_a_common_year_not_another_29th_nor_another_february_day(value, year, expected):
    assert not value.is_feb29
    assert occurrence_in_year(value, year, MAR1) == expected == occurrence_in_year(value, year, FEB28)


def test_occurrences_between_include_both_ends():
    assert occurrences_between(PartialDate(6, 1), date(2026, 6, 1), date(2027, 6, 1)) == [
        date(2026, 6, 1), date(2027, 6, 1)]
    assert occurrences_between(PartialDate(6, 1), date(2026, 6, 2), date(2027, 5, 31)) == []


@pytest.mark.parametrize(("day", "monday"), [
    (date(2026, 11, 30), date(2026, 11, 30)), (date(2026, 12, 3), date(2026, 11, 30)),
    (date(2026, 12, 6), date(2026, 11, 30)), (date(2027, 1, 1), date(2026, 12, 28)),
])
def test_the_week_of_a_day_starts_on_the_monday_on_or_before_it(day, monday):
    assert monday_of(day) == monday


def test_occurrences_in_the_last_year_a_date_can_hold_are_found_without_looking_past_it():
    assert occurrences_between(PartialDate(6, 1), date(9998, 7, 1), date(9999, 12, 31)) == [date(9999, 6, 1)]
    assert occurrences_between(PartialDate(2, 29), date(9999, 1, 1), date.max, MAR1) == [date(9999, 3, 1)]


@pytest.mark.parametrize(("text", "valid"), [
    ("1900-02-29", False), ("2100-02-29", False), ("2027-02-29", False), ("2000-02-29", True), ("2028-02-29", True),
    ("2027-02-28", True), ("2027-04-31", False), ("2027-04-30", True),
])
def test_february_has_29_days_only_in_a_leap_year_and_other_months_keep_their_length(text, valid):
    if valid:
        assert PartialDate.parse(text).as_date() == date.fromisoformat(text)
    else:
        with pytest.raises(InvalidValue):
            PartialDate.parse(text)


def test_the_age_turned_on_a_birthday_is_the_years_since_birth_and_unknown_without_a_year():
    assert age_turned(PartialDate(6, 1, 1990), date(2026, 6, 1)) == 36
    assert age_turned(PartialDate(2, 29, 2000), date(2027, 3, 1)) == 27
    assert age_turned(PartialDate(6, 1), date(2026, 6, 1)) is None


def test_leap_years_and_month_lengths_agree_with_the_calendar_module_for_every_year():
    from ritual.core.dates import days_in_month, is_leap_year

    for year in range(1, 10000):
        assert is_leap_year(year) == calendar.isleap(year), year
        for month in range(1, 13):
            assert days_in_month(year, month) == calendar.monthrange(year, month)[1], (year, month)
