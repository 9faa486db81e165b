"""Where a stored card goes when its occasion's date changes: the days it now falls on, the nearest, and which card stays."""

from __future__ import annotations

from datetime import date

from ritual.core.card_dates import days_now, further_along, new_day, occasion_days
from ritual.core.cards import Card
from ritual.core.dates import FEB28, MAR1, PartialDate
from ritual.core.model import Occasion

YEARLY = Occasion("anniversary", PartialDate(6, 1))
ONCE = Occasion("wedding", PartialDate(6, 1, 2026), yearly=False)


def card(day: date, occasion: str = "anniversary", **steps) -> Card:
    """Ana's card for `occasion` on `day`, with whatever steps are given."""
    return Card(1, occasion, day, **steps)


def test_a_one_off_falls_on_its_own_day_only_and_only_inside_the_window_ends_included():
    assert occasion_days(ONCE, FEB28, date(2026, 6, 1), date(2026, 6, 1)) == [date(2026, 6, 1)]
    assert occasion_days(ONCE, FEB28, date(2026, 5, 1), date(2026, 6, 1)) == [date(2026, 6, 1)]
    assert occasion_days(ONCE, FEB28, date(2026, 6, 1), date(2027, 6, 30)) == [date(2026, 6, 1)]
    assert occasion_days(ONCE, FEB28, date(2026, 6, 2), date(2030, 1, 1)) == []
    assert occasion_days(ONCE, FEB28, date(2020, 1, 1), date(2026, 5, 31)) == []


def test_a_yearly_occasion_falls_on_every_year_in_the_window_with_the_feb29_rule():
    assert occasion_days(YEARLY, FEB28, date(2025, 6, 1), date(2027, 5, 31)) == [date(2025, 6, 1), date(2026, 6, 1)]
    leap = Occasion("anniversary", PartialDate(2, 29))
    assert occasion_days(leap, MAR1, date(2027, 1, 1), date(2028, 12, 31)) == [date(2027, 3, 1), date(2028, 2, 29)]


def test_days_now_reach_a_year_each_side_of_the_cards_day_for_that_occasion_only():
    other = Occasion("name day", PartialDate(6, 3))
    assert days_now(card(date(2026, 6, 2)), [other, YEARLY], FEB28) == [
        date(2025, 6, 1), date(2026, 6, 1), date(2027, 6, 1)]


def test_the_reach_is_366_days_so_an_occasion_starting_later_is_found_up_to_there():
    starts = Occasion("anniversary", PartialDate(6, 1, 2027))
    assert days_now(card(date(2026, 5, 31)), [starts], FEB28) == [date(2027, 6, 1)]
    assert days_now(card(date(2026, 5, 30)), [starts], FEB28) == []
    ended = Occasion("anniversary", PartialDate(6, 1, 2025))
    assert days_now(card(date(2026, 6, 2)), [ended], FEB28) == [date(2025, 6, 1), date(2026, 6, 1), date(2027, 6, 1)]


def test_a_one_off_cards_day_is_its_occasions_day_however_far_away():
    assert days_now(card(date(2019, 1, 1), "wedding"), [ONCE], FEB28) == [date(2026, 6, 1)]


def test_a_card_stays_when_its_day_still_holds_or_its_occasion_is_gone():
    assert new_day(card(date(2026, 6, 1)), [date(2025, 6, 1), date(2026, 6, 1)]) is None
    assert new_day(card(date(2026, 6, 1)), []) is None


def test_a_card_moves_to_the_nearest_day_its_occasion_now_falls_on():
    assert new_day(card(date(2026, 6, 1)), [date(2025, 6, 20), date(2026, 6, 20), date(2027, 6, 20)]) == date(2026, 6, 20)
    assert new_day(card(date(2026, 6, 1)), [date(2025, 5, 10), date(2026, 5, 10), date(2027, 5, 10)]) == date(2026, 5, 10)


def test_on_a_tie_the_day_in_the_cards_own_year_wins_then_the_earlier():
    assert new_day(card(date(2026, 12, 31)), [date(2026, 12, 30), date(2027, 1, 1)]) == date(2026, 12, 30)
    assert new_day(card(date(2026, 1, 1)), [date(2025, 12, 31), date(2026, 1, 2)]) == date(2026, 1, 2)
    assert new_day(card(date(2026, 7, 2)), [date(2026, 7, 1), date(2026, 7, 3)]) == date(2026, 7, 1)


def test_of_two_cards_the_one_whose_story_went_further_stays_whichever_comes_first():
    day = date(2026, 6, 1)
    planned = card(day, id=1)
    written = card(day, written_on=date(2026, 5, 20), id=2)
    posted = card(day, written_on=date(2026, 5, 20), posted_on=date(2026, 5, 22), id=3)
    arrived = card(day, written_on=date(2026, 5, 20), posted_on=date(2026, 5, 22), arrived_on=date(2026, 5, 25), id=4)
    skipped = card(day, ending="skipped", ended_on=date(2026, 5, 30), id=5)
    ladder = [planned, written, posted, arrived, skipped]
    for lower, higher in zip(ladder, ladder[1:]):
        assert further_along(lower, higher) is higher and further_along(higher, lower) is higher


def test_a_done_card_beats_an_open_one_even_one_further_along_in_its_steps():
    day = date(2026, 6, 1)
    skipped = card(day, ending="skipped", ended_on=date(2026, 5, 30), id=2)
    written = card(day, written_on=date(2026, 5, 20), id=1)
    assert further_along(written, skipped) is skipped and further_along(skipped, written) is skipped


def test_between_two_cards_at_the_same_step_the_older_row_stays():
    day = date(2026, 6, 1)
    older, newer = card(day, written_on=date(2026, 5, 20), id=5), card(day, written_on=date(2026, 5, 21), id=9)
    assert further_along(older, newer) is older and further_along(newer, older) is older
    given, skipped = card(day, ending="given", ended_on=date(2026, 6, 1), id=3), card(day, ending="skipped",
                                                                                     ended_on=date(2026, 6, 1), id=4)
    assert further_along(skipped, given) is given
