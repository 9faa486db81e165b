"""Dates typed as words: the fixed examples and the properties that hold for every day."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ritual.core.date_words import parse_day_words, parse_partial_words, parse_past_day
from ritual.core.dates import PartialDate
from ritual.errors import InvalidValue

TUESDAY = date(2026, 12, 1)
days = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))


@pytest.mark.parametrize(("text", "expected"), [
    ("today", TUESDAY), ("Tomorrow", date(2026, 12, 2)), ("yesterday", date(2026, 11, 30)),
    ("+3d", date(2026, 12, 4)), ("+3", date(2026, 12, 4)), ("-2w", date(2026, 11, 17)),
    ("in 3 days", date(2026, 12, 4)), ("in a week", date(2026, 12, 8)), ("2 weeks ago", date(2026, 11, 17)),
    ("+1m", date(2027, 1, 1)), ("fri", date(2026, 12, 4)), ("next fri", date(2026, 12, 4)),
    ("tue", TUESDAY), ("next tue", date(2026, 12, 8)), ("last tue", date(2026, 11, 24)),
    ("this friday", date(2026, 12, 4)), ("8 jan", date(2027, 1, 8)), ("jan 8", date(2027, 1, 8)),
    ("8 January 1990", date(1990, 1, 8)), ("20 nov", date(2026, 11, 20)), ("2027-03-04", date(2027, 3, 4)),
    ("  IN  3   DAYS ", date(2026, 12, 4)),
])
def test_words_give_the_day(text, expected):
    assert parse_day_words(text, TUESDAY) == expected


@pytest.mark.parametrize("text", ["soon", "+3x", "31 feb", "2026-02-30", "next", "", "8 jnuary", "+9999y"])
def test_unknown_words_name_the_field_and_value(text):
    with pytest.raises(InvalidValue) as caught:
        parse_day_words(text, TUESDAY, "--due")
    assert caught.value.field == "--due"
    assert repr(text) in caught.value.message


@given(days, st.integers(min_value=0, max_value=500))
def test_offsets_move_by_that_many_days(today, count):
    assert parse_day_words(f"+{count}d", today) == today + timedelta(days=count)
    assert parse_day_words(f"in {count} days", today) == today + timedelta(days=count)
    assert parse_day_words(f"-{count}d", today) == today - timedelta(days=count)
    assert parse_day_words(f"-{count}w", today) == today - timedelta(weeks=count)


@given(days, st.sampled_from(["mon", "tue", "wed", "thu", "fri", "sat", "sun"]))
def test_weekdays_land_on_that_weekday_within_a_week(today, word):
    plain, following = parse_day_words(word, today), parse_day_words(f"next {word}", today)
    assert plain.strftime("%a").lower() == word == following.strftime("%a").lower()
    assert 0 <= (plain - today).days <= 6
    assert 1 <= (following - today).days <= 7


@given(days)
def test_iso_and_named_month_agree(today):
    assert parse_day_words(today.isoformat(), TUESDAY) == today
    written = f"{today.day} {today.strftime('%B')} {today.year}"
    assert parse_day_words(written, TUESDAY) == today
    nearest = parse_day_words(f"{today.day} {today.strftime('%b')}", today)
    assert nearest == today


@given(days)
def test_named_day_without_year_is_within_half_a_year(today):
    found = parse_day_words("8 jan", today)
    assert (found.month, found.day) == (1, 8)
    assert abs((found - today).days) <= 184


@pytest.mark.parametrize(("text", "expected"), [
    ("8 jan", PartialDate(1, 8)), ("8 January 1990", PartialDate(1, 8, 1990)), ("june", PartialDate(6)),
    ("--01-08", PartialDate(1, 8)), ("29 feb", PartialDate(2, 29)), ("1990-01-08", PartialDate(1, 8, 1990)),
])
def test_yearly_dates_take_month_words(text, expected):
    assert parse_partial_words(text, "birthday") == expected


def test_yearly_dates_take_day_words_only_with_a_today():
    assert parse_partial_words("tomorrow", "occasion date", TUESDAY) == PartialDate(12, 2, 2026)
    with pytest.raises(InvalidValue) as caught:
        parse_partial_words("tomorrow", "birthday")
    assert caught.value.field == "birthday" and "'tomorrow'" in caught.value.message


@pytest.mark.parametrize(("text", "expected"), [
    ("tod", TUESDAY), ("now", TUESDAY), ("tmr", date(2026, 12, 2)),
    ("+1 day", date(2026, 12, 2)), ("+2 wk", date(2026, 12, 15)),
    ("+1 mo", date(2027, 1, 1)), ("+1 month", date(2027, 1, 1)), ("in 2 months", date(2027, 2, 1)),
    ("+1y", date(2027, 12, 1)), ("+1 yr", date(2027, 12, 1)), ("in a year", date(2027, 12, 1)),
    ("2 years ago", date(2024, 12, 1)),
])
def test_every_short_name_of_a_day_and_unit_counts_what_it_says(text, expected):
    assert parse_day_words(text, TUESDAY) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("mo", date(2026, 12, 7)), ("we", date(2026, 12, 2)), ("fr", date(2026, 12, 4)), ("su", date(2026, 12, 6)),
    ("tu", TUESDAY), ("th", date(2026, 12, 3)),
])
def test_two_letters_name_a_weekday_when_only_one_starts_with_them(text, expected):
    assert parse_day_words(text, TUESDAY) == expected


@pytest.mark.parametrize(("today", "text", "expected"), [
    (date(2027, 1, 31), "+1m", date(2027, 2, 28)), (date(2028, 1, 31), "+1m", date(2028, 2, 29)),
    (date(2026, 3, 31), "in a month", date(2026, 4, 30)), (date(2026, 10, 31), "+1m", date(2026, 11, 30)),
    (date(2026, 12, 31), "+2m", date(2027, 2, 28)), (date(2026, 3, 31), "1 month ago", date(2026, 2, 28)),
])
def test_a_month_later_keeps_the_day_inside_a_shorter_month(today, text, expected):
    assert parse_day_words(text, today) == expected


@given(days, st.sampled_from(["mon", "tue", "wed", "thu", "fri", "sat", "sun"]))
def test_last_weekday_is_that_weekday_one_to_seven_days_back(today, word):
    found = parse_day_words(f"last {word}", today)
    assert found.strftime("%a").lower() == word and 1 <= (today - found).days <= 7


def test_last_friday_from_a_tuesday_is_four_days_back():
    assert parse_day_words("last fri", TUESDAY) == date(2026, 11, 27)


def test_a_day_and_month_early_in_the_year_can_be_last_years_when_that_is_nearer():
    assert parse_day_words("20 dec", date(2027, 1, 5)) == date(2026, 12, 20)
    assert parse_day_words("29 feb", date(2029, 1, 5)) == date(2028, 2, 29)


@pytest.mark.parametrize("text", ["x", "5", "-"])
def test_one_character_is_an_error_naming_it(text):
    with pytest.raises(InvalidValue) as caught:
        parse_day_words(text, TUESDAY)
    assert repr(text) in caught.value.message


def test_a_step_may_be_logged_today_or_before_but_not_on_a_day_ahead():
    assert parse_past_day("today", TUESDAY, "--posted") == TUESDAY
    assert parse_past_day("2026-11-30", TUESDAY, "--posted") == date(2026, 11, 30)
    with pytest.raises(InvalidValue) as caught:
        parse_past_day("tomorrow", TUESDAY, "--posted")
    assert caught.value.field == "--posted" and "is after today (2026-12-01)" in caught.value.message
