"""A plan for one friend (a briefing before writing) holds exactly that friend's items of everyone's plan."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from ritual.core.cards import WRITTEN, CardKey, planned
from ritual.paths import Paths
from ritual.services.demo.showcase import fill_demo
from ritual.services.planning.agenda import agenda
from ritual.settings.load import load_settings
from ritual.services.cards.steps import step_card
from ritual.store.database import open_database
from ritual.store.friends import FriendRepository

TODAY = date(2026, 11, 30)


@pytest.fixture
def home(tmp_path):
    """Demo friends of every kind: birthdays with and without a year, Feb 29, anniversaries, rhythms, letters."""
    paths = Paths.under(tmp_path)
    db = open_database(paths.database)
    settings = load_settings(paths)
    fill_demo(settings, db, 120, 7, TODAY)
    # A card already written for one of them, so a card's state is part of what must match.
    first = next(item for item in agenda(settings, db, TODAY, TODAY + timedelta(days=60), TODAY)
                 if item.kind == "write" and item.occasion_date)
    step_card(db, planned(CardKey(first.friend_id, first.occasion, first.occasion_date)), WRITTEN, TODAY)
    yield settings, db
    db.close()


@pytest.mark.parametrize("days, overdue", [(7, True), (366, True), (366, False), (30, False)])
def test_one_friends_plan_is_their_part_of_everyones(home, days, overdue):
    settings, db = home
    end = TODAY + timedelta(days=days)
    everyone = agenda(settings, db, TODAY, end, TODAY, overdue)
    for friend_id in [row[0] for row in db.query_tuples("SELECT id FROM friends ORDER BY id")]:
        theirs = agenda(settings, db, TODAY, end, TODAY, overdue, friend_id=friend_id)
        assert theirs == [item for item in everyone if item.friend_id == friend_id], friend_id
    assert len({item.friend_id for item in everyone}) > 30  # a good part of the demo friends have something


def test_a_friend_without_a_plan_gets_none(home):
    settings, db = home
    assert agenda(settings, db, TODAY, TODAY + timedelta(days=7), TODAY, friend_id=999_999) == []
    assert FriendRepository(db).subjects(friend_id=999_999) == []
