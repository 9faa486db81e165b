"""Dates typed as words: the fixed examples and the properties that hold for every day."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ritual.core.date_words import parse_day_words, parse_partial_words
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
