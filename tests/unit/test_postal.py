"""Post-by and write-by: transit working days, Sundays, holidays, year boundaries."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ritual.core.postal import MailCalendar, TransitTable, earliest_arrival, post_by, write_by
from ritual.errors import InvalidValue

MON_SAT = frozenset(range(6))
TABLE = TransitTable(
    domestic=2,
    same_region=5,
    world=10,
    regions={"europe": frozenset({"DE", "FR", "GB"})},
    overrides={"BR": 15},
)


def test_transit_by_destination():
    assert TABLE.days("DE", "DE") == 2
    assert TABLE.days("DE", "") == 2  # no address: domestic
    assert TABLE.days("DE", "FR") == 5
    assert TABLE.days("DE", "JP") == 10
    assert TABLE.days("DE", "BR") == 15
    assert TABLE.longest() == 15


def test_post_by_counts_back_mail_days_only():
    mail = MailCalendar(MON_SAT)
    # Occasion Thu 10 Dec 2026, 2 mail days: posted Tue 8th arrives Thu 10th.
    assert post_by(date(2026, 12, 10), 2, mail) == date(2026, 12, 8)


def test_an_occasion_on_sunday_needs_delivery_on_saturday():
    mail = MailCalendar(MON_SAT)
    # Sun 13 Dec: delivered Sat 12th at the latest, so posted Thu 10th with 2 mail days.
    assert post_by(date(2026, 12, 13), 2, mail) == date(2026, 12, 10)


def test_a_sunday_inside_the_window_is_skipped():
    mail = MailCalendar(MON_SAT)
    # Tue 15 Dec, 2 mail days back: Mon 14th (1), Sun 13th skipped, Sat 12th (2).
    assert post_by(date(2026, 12, 15), 2, mail) == date(2026, 12, 12)


def test_a_holiday_inside_the_window_moves_post_by_earlier():
    thanksgiving = date(2026, 11, 26)
    without = post_by(date(2026, 11, 28), 2, MailCalendar(MON_SAT))
    with_holiday = post_by(date(2026, 11, 28), 2, MailCalendar(MON_SAT, frozenset({thanksgiving})))
    assert without == date(2026, 11, 26)
    assert with_holiday == date(2026, 11, 25)


def test_post_by_crosses_the_year_boundary():
    mail = MailCalendar(MON_SAT, frozenset({date(2027, 1, 1), date(2026, 12, 25), date(2026, 12, 26)}))
    # Sat 2 Jan 2027, 5 mail days: Thu 31 (1), Wed 30 (2), Tue 29 (3), Mon 28 (4), Sat 26 holiday,
    # Fri 25 holiday, Thu 24 (5).
    assert post_by(date(2027, 1, 2), 5, mail) == date(2026, 12, 24)


def test_write_by_is_the_lead_before_post_by():
    assert write_by(date(2026, 12, 8), 2) == date(2026, 12, 6)
    assert write_by(date(2026, 12, 8), 0) == date(2026, 12, 8)


def test_earliest_arrival_from_a_sunday():
    mail = MailCalendar(MON_SAT)
    # Posted first on Mon 30 Nov, 2 mail days later: Wed 2 Dec.
    assert earliest_arrival(date(2026, 11, 29), 2, mail) == date(2026, 12, 2)


def test_mail_days_must_not_be_empty_and_transit_not_negative():
    with pytest.raises(InvalidValue, match="mail_days"):
        MailCalendar(frozenset())
    with pytest.raises(InvalidValue, match="transit.world"):
        TransitTable(domestic=1, same_region=2, world=-1)


@given(
    st.dates(min_value=date(1900, 1, 10), max_value=date(2400, 12, 31)),
    st.integers(0, 20),
    st.sets(st.integers(0, 6), min_size=1),
)
def test_posting_on_post_by_arrives_in_time_and_a_day_later_does_not(occasion, transit, weekdays):
    mail = MailCalendar(frozenset(weekdays))
    posted = post_by(occasion, transit, mail)
    assert mail.is_mail_day(posted)
    assert earliest_arrival(posted, transit, mail) <= occasion
    next_chance = mail.first_mail_day_on_or_after(posted + timedelta(days=1))
    assert earliest_arrival(next_chance, transit, mail) > occasion


def test_zero_transit_days_are_allowed_and_one_below_is_not():
    same_day = TransitTable(domestic=0, same_region=0, world=0, overrides={"JP": 0})
    assert same_day.days("DE", "JP") == 0 and same_day.longest() == 0
    for fields in ({"domestic": -1}, {"same_region": -1}, {"world": -1}):
        with pytest.raises(InvalidValue, match="must not be negative"):
            TransitTable(**{"domestic": 0, "same_region": 0, "world": 0, **fields})
    with pytest.raises(InvalidValue, match="transit.overrides.JP"):
        TransitTable(0, 0, 0, overrides={"JP": -1})


def test_mail_days_are_weekdays_0_to_6():
    assert MailCalendar(frozenset(range(7))).is_mail_day(date(2026, 11, 29))
    with pytest.raises(InvalidValue, match="mail_days"):
        MailCalendar(frozenset({7}))


def test_researched_figures_beat_the_generic_ones():
    table = TransitTable(
        domestic=2, same_region=5, world=10,
        regions={"eu": frozenset({"DE", "FR"}), "europe": frozenset({"DE", "FR", "CH"})},
        domestic_by_country={"DE": 3}, region_days={"eu": 3},
    )
    assert table.days("DE", "DE") == 3 and table.days("US", "US") == 2
    assert table.days("DE", "FR") == 3, "the EU figure, though both are in Europe too"
    assert table.days("CH", "FR") == 5
    with pytest.raises(InvalidValue, match="domestic.DE"):
        TransitTable(domestic=2, same_region=5, world=10, domestic_by_country={"DE": -1})


def test_the_shipped_table_carries_the_researched_figures(tmp_path):
    from ritual.paths import Paths
    from ritual.settings.load import load_settings

    table = load_settings(Paths.under(tmp_path)).transit
    assert [table.days(home, home) for home in ("DE", "GB", "CA")] == [3, 3, 4]
    assert table.days("DE", "IT") == 3 and table.days("FR", "PL") == 3
    assert table.days("DE", "CH") == 5 and table.days("GB", "FR") == 5
    shipped = (Path(__file__).resolve().parents[2] / "config" / "postal.toml").read_text(encoding="utf-8")
    for source in ("97/67/EC", "Postgesetz", "Ofcom", "Canada Post"):
        assert source in shipped
