"""Cards: their one life, undo, which card a letter belongs to, and the planner following card states."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ritual.core.cards import (
    ARRIVED, DONE, GIVEN, LIFE, OPEN, PLANNED, POSTED, SKIPPED, STATUSES, WRITTEN,
    Candidate, Card, CardError, CardKey, end, move, pick_card, set_status, undo,
)
from ritual.core.dates import PartialDate
from ritual.core.planner import OCCASION, POST, WRITE, plan
from ritual.errors import InvalidValue
from tests.unit.test_planner import RULES, TODAY, subject

BIRTHDAY = date(2026, 12, 20)
KEY = CardKey(1, "birthday", BIRTHDAY)
STEPS = (WRITTEN, POSTED, ARRIVED, SKIPPED, GIVEN)


def _card(**kw) -> Card:
    return Card(1, "birthday", BIRTHDAY, **kw)


def test_the_life_of_a_card_and_its_dates():
    card = move(_card(), WRITTEN, date(2026, 12, 1))
    card = move(card, POSTED, date(2026, 12, 2))
    card = move(card, ARRIVED, date(2026, 12, 9))
    assert (card.status, card.written_on, card.posted_on, card.arrived_on) == (
        ARRIVED, date(2026, 12, 1), date(2026, 12, 2), date(2026, 12, 9))
    assert card.is_done and not card.is_open


def test_posting_a_card_never_noted_as_written_writes_it_that_day():
    card = move(_card(), POSTED, date(2026, 12, 2))
    assert (card.written_on, card.posted_on) == (date(2026, 12, 2), date(2026, 12, 2))
    assert undo(card).status == WRITTEN


def test_steps_that_do_not_fit_are_refused_by_name():
    with pytest.raises(CardError, match="already posted"):
        move(move(_card(), POSTED, TODAY), WRITTEN, TODAY)
    with pytest.raises(CardError, match="already posted"):
        end(move(_card(), POSTED, TODAY), SKIPPED, TODAY)
    with pytest.raises(CardError, match="undo that first"):
        move(end(_card(), SKIPPED, TODAY), WRITTEN, TODAY)
    with pytest.raises(CardError, match="nothing to undo"):
        undo(_card())
    with pytest.raises(InvalidValue, match="comes before"):
        _card(written_on=date(2026, 12, 5), posted_on=date(2026, 12, 1))
    with pytest.raises(InvalidValue, match="needs the card written first"):
        _card(posted_on=date(2026, 12, 1))


def test_a_project_list_may_set_any_status():
    arrived = set_status(_card(), ARRIVED, TODAY)
    assert (arrived.written_on, arrived.arrived_on) == (TODAY, TODAY)
    assert set_status(arrived, WRITTEN, TODAY + timedelta(days=1)) == _card(written_on=TODAY)
    assert set_status(end(_card(), SKIPPED, TODAY, "away"), PLANNED, TODAY) == _card()


days = st.dates(min_value=date(2026, 1, 1), max_value=date(2027, 12, 31))


@st.composite
def cards(draw) -> Card:
    """Any card reachable by taking steps in order."""
    card = _card()
    on = draw(days)
    for action in draw(st.lists(st.sampled_from(STEPS), max_size=5)):
        on += timedelta(days=draw(st.integers(0, 5)))
        try:
            card = end(card, action, on, draw(st.text(st.characters(blacklist_categories=("Cc",)), max_size=5))) if action in (SKIPPED, GIVEN) else move(card, action, on)
        except CardError:
            pass
    return card


@settings(max_examples=300, deadline=None)
@given(cards())
def test_a_card_is_never_both_open_and_done(card):
    assert card.status in STATUSES
    assert card.is_open != card.is_done
    assert (card.status in OPEN) == card.is_open and (card.status in DONE) == card.is_done


@settings(max_examples=300, deadline=None)
@given(cards(), st.sampled_from(STEPS), st.integers(0, 30))
def test_undo_returns_exactly_to_the_state_before_one_step(card, action, later):
    on = max(d for d in (card.written_on, card.posted_on, card.arrived_on, card.day - timedelta(days=60)) if d)
    on += timedelta(days=later)
    if action in (SKIPPED, GIVEN):
        if not card.is_open:
            return
        stepped = end(card, action, on, "a note")
    else:
        if card.ending or LIFE.index(action) != LIFE.index(card.status) + 1:
            return
        stepped = move(card, action, on)
    assert stepped != card
    assert undo(stepped) == card


def _items(cards: dict, start=TODAY, days=400):
    ana = subject(birthday=PartialDate(12, 20, 1990), country="FR")
    return plan([ana], RULES, start, start + timedelta(days=days), TODAY, cards=cards)


@settings(max_examples=60, deadline=None)
@given(st.integers(2026, 2029), st.sampled_from([SKIPPED, GIVEN, POSTED]))
def test_skipping_one_year_leaves_the_other_years_untouched(year, step):
    key = CardKey(1, "birthday", date(year, 12, 20))
    card = end(Card(*key), step, date(year, 11, 1)) if step != POSTED else move(Card(*key), POSTED, date(year, 11, 1))
    start = date(2026, 11, 1)
    before = _items({}, start, 4 * 366)
    after = _items({key: card}, start, 4 * 366)
    other = lambda items: [i for i in items if i.occasion_date != key.day]  # noqa: E731
    assert other(after) == other(before)
    this = [i for i in after if i.occasion_date == key.day]
    assert [i.kind for i in this] == [OCCASION] and this[0].card_status == step


def test_the_plan_drops_done_steps_and_names_the_state():
    written = _items({KEY: _card(written_on=TODAY, id=7)})
    this = [i for i in written if i.occasion_date == BIRTHDAY]
    assert [i.kind for i in this] == [POST, OCCASION] and {i.card_id for i in this} == {7}
    assert "card written Wed 25 Nov" in this[1].reason and this[0].as_dict()["card_status"] == WRITTEN
    posted = [i for i in _items({KEY: _card(written_on=TODAY, posted_on=TODAY)}) if i.occasion_date == BIRTHDAY]
    assert [i.kind for i in posted] == [OCCASION] and "card posted Wed 25 Nov" in posted[0].reason
    skipped = [i for i in _items({KEY: end(_card(), SKIPPED, TODAY)}) if i.occasion_date == BIRTHDAY]
    assert "skipped this year" in skipped[0].reason


def test_overdue_holds_only_open_cards():
    late_day = TODAY + timedelta(days=3)
    key = CardKey(1, "birthday", late_day)
    ana = subject(birthday=PartialDate(late_day.month, late_day.day, 1990), country="FR")
    open_items = plan([ana], RULES, TODAY, TODAY + timedelta(days=6), TODAY)
    assert [i.kind for i in open_items if i.overdue] == [WRITE, POST]
    done = plan([ana], RULES, TODAY, TODAY + timedelta(days=6), TODAY, cards={key: move(Card(*key), POSTED, TODAY)})
    assert not [i for i in done if i.overdue] and [i.kind for i in done] == [OCCASION]
    assert done[0].earliest_arrival is not None and not done[0].late


def _candidate(day: date, occasion="birthday", **kw) -> Candidate:
    return Candidate(Card(1, occasion, day, **kw), day - timedelta(days=10))


def test_a_letter_finds_its_card():
    birthday, wedding = _candidate(date(2026, 12, 20)), _candidate(date(2026, 12, 28), "wedding")
    pool = [birthday, wedding]
    assert pick_card(pool, date(2026, 12, 9)) == birthday.card, "nearest open card in window"
    assert pick_card(pool, date(2026, 12, 9), "Wedding") == wedding.card, "named by occasion"
    assert pick_card(pool, date(2026, 12, 9), "wedding", date(2026, 12, 29)) is None, "named date must match"
    assert pick_card(pool, date(2026, 6, 1)) is None, "no card in window: just a letter"
    done = _candidate(date(2026, 12, 20), written_on=date(2026, 12, 1), posted_on=date(2026, 12, 1))
    assert pick_card([done, wedding], date(2026, 12, 9)) == wedding.card, "only open cards are picked unnamed"
    unwanted = Candidate(Card(1, "name day", date(2026, 12, 10)), None, wanted=False)
    assert pick_card([unwanted], date(2026, 12, 9)) is None
    assert pick_card([unwanted], date(2026, 12, 9), "name day") == unwanted.card


def test_a_skip_note_is_kept_on_one_line_and_refuses_control_characters():
    assert end(_card(), SKIPPED, TODAY, "  we meet\nthat day\r ").note == "we meet that day"
    with pytest.raises(InvalidValue, match="card note.*U\\+001B"):
        end(_card(), SKIPPED, TODAY, "\x1b[31mred")


def test_the_window_opens_three_weeks_before_write_by_and_closes_a_week_after_the_day():
    from ritual.core.cards import BELATED_DAYS, EARLY_DAYS, window_holds

    assert (EARLY_DAYS, BELATED_DAYS) == (21, 7)
    candidate = Candidate(_card(), BIRTHDAY - timedelta(days=10))
    opens = BIRTHDAY - timedelta(days=31)
    assert window_holds(candidate, opens) and not window_holds(candidate, opens - timedelta(days=1))
    assert window_holds(candidate, BIRTHDAY + timedelta(days=7))
    assert not window_holds(candidate, BIRTHDAY + timedelta(days=8))
    unplanned = Candidate(_card(), None)
    assert window_holds(unplanned, BIRTHDAY - timedelta(days=21))
    assert not window_holds(unplanned, BIRTHDAY - timedelta(days=22))


def test_a_json_view_names_its_ending_under_its_own_key():
    skipped = end(_card(), SKIPPED, date(2026, 12, 1), "away")
    given = end(_card(), GIVEN, date(2026, 12, 2))
    assert (skipped.as_dict()["skipped"], skipped.as_dict()["given"]) == ("2026-12-01", None)
    assert (given.as_dict()["skipped"], given.as_dict()["given"]) == (None, "2026-12-02")
    assert skipped.as_dict()["note"] == "away" and given.as_dict()["note"] is None


def test_an_ending_without_its_date_names_the_missing_ending():
    with pytest.raises(InvalidValue) as refused:
        _card(ended_on=date(2026, 12, 1))
    assert refused.value.value == "(none)"
    with pytest.raises(InvalidValue) as refused:
        _card(ending=SKIPPED)
    assert refused.value.value == SKIPPED


def test_moving_to_the_status_it_has_is_refused_but_the_next_one_is_taken():
    written = move(_card(), WRITTEN, date(2026, 12, 1))
    with pytest.raises(CardError, match="already written"):
        move(written, WRITTEN, date(2026, 12, 2))
    assert move(written, POSTED, date(2026, 12, 2)).status == POSTED


def test_set_status_refuses_an_unknown_status_by_listing_the_known_ones():
    with pytest.raises(CardError, match="must be one of planned, written, posted, arrived"):
        set_status(_card(), "lost", TODAY)
    noted = end(_card(), SKIPPED, TODAY, "away")
    assert set_status(noted, WRITTEN, TODAY).note == ""


def test_a_named_card_of_another_date_is_none_even_when_others_match():
    first, second = _candidate(date(2026, 12, 20), "party"), _candidate(date(2026, 12, 27), "party")
    assert pick_card([first, second], date(2026, 12, 9), "party", date(2026, 12, 27)) == second.card
    assert pick_card([first, second], date(2026, 12, 9), "party", date(2026, 12, 20)) == first.card


def test_a_named_occasion_out_of_its_window_still_finds_its_open_card():
    wedding = _candidate(date(2026, 12, 28), "wedding")
    assert pick_card([wedding], date(2026, 6, 1), "wedding") == wedding.card
    assert pick_card([wedding], date(2026, 6, 1)) is None


def test_on_a_tie_the_card_still_ahead_wins():
    before, after = _candidate(date(2026, 12, 5), "a"), _candidate(date(2026, 12, 13), "b")
    assert pick_card([before, after], date(2026, 12, 9)) == after.card
    assert pick_card([after, before], date(2026, 12, 9)) == after.card
    assert pick_card([before, after], date(2026, 12, 8)) == before.card
