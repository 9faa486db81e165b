"""Extra sessions, skipped days, a friend's own minutes, supplies and projects in a real database."""

from __future__ import annotations

from datetime import date, time

import pytest

from ritual.core.model import Address, Friend
from ritual.errors import InvalidValue, NotFound
from ritual.store.database import open_database
from ritual.store.friends import FriendRepository
from ritual.store.cards import CardRepository
from ritual.store.projects import POSTED, TO_WRITE, WRITTEN, ProjectRepository
from ritual.store.sessions import SessionDays, WritingMinutes
from ritual.store.supplies import SupplyRepository, use_stamp_for


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "ritual.db")
    yield database
    database.close()


@pytest.fixture
def friends(db):
    repo = FriendRepository(db)
    return [repo.add(Friend(name, addresses=(Address(country=cc),))) for name, cc in (("Ana", "BR"), ("Ben", "US"))]


def test_extras_and_skips_are_kept_apart_and_by_day(db):
    days = SessionDays(db)
    late = days.add_extra(date(2026, 12, 6), time(15), 30)
    days.add_extra(date(2026, 11, 28), time(10), 45)
    skip = days.add_skip(date(2026, 11, 29), time(10))
    assert [(s.day, s.minutes) for s in days.extras()] == [(date(2026, 11, 28), 45), (date(2026, 12, 6), 30)]
    assert [s.day for s in days.extras(date(2026, 12, 1), date(2026, 12, 31))] == [date(2026, 12, 6)]
    assert days.skips() == [skip] and skip.start == time(10)
    days.remove(late.extra_id)
    assert len(days.extras()) == 1 and days.any()
    with pytest.raises(NotFound):
        days.remove(late.extra_id)


def test_a_friends_own_minutes_go_with_the_friend(db, friends):
    minutes = WritingMinutes(db)
    minutes.set(friends[0].id, 45)
    minutes.set(friends[1].id, 10)
    minutes.set(friends[1].id, None)
    assert minutes.all() == {friends[0].id: 45}
    FriendRepository(db).delete(friends[0].id)
    assert minutes.all() == {}


def test_supplies_count_up_and_down_never_below_none(db):
    repo = SupplyRepository(db)
    repo.set("International", 2)
    assert repo.add("international", 3) == 5
    with pytest.raises(InvalidValue, match="fewer than none"):
        repo.add("international", -6)
    assert repo.all() == {"international": 5}


def test_posting_uses_the_right_stamp_only_when_stamps_are_counted(db):
    repo = SupplyRepository(db)
    assert use_stamp_for(db, "BR", "US") == ""
    repo.set("international", 1)
    repo.set("domestic", 0)
    assert "international stamp used; 0 left" in use_stamp_for(db, "BR", "US")
    assert use_stamp_for(db, "BR", "US") == "" and use_stamp_for(db, "", "US") == ""
    assert repo.all() == {"domestic": 0, "international": 0}


def test_projects_keep_people_once_with_a_status_each(db, friends):
    repo = ProjectRepository(db)
    made = repo.create("Holiday cards 2026", "holidays", date(2026, 12, 10))
    assert repo.add_members(made.id, [f.id for f in friends]) == 2
    assert repo.add_members(made.id, [friends[0].id]) == 0
    assert repo.set_status(made.id, [friends[0].id], "Written", date(2026, 12, 1)) == 1
    found = repo.get("holiday CARDS 2026")
    assert [(m.friend, m.status) for m in found.members] == [("Ana", WRITTEN), ("Ben", TO_WRITE)]
    assert found.counts() == {TO_WRITE: 1, WRITTEN: 1, POSTED: 0, "arrived": 0, "skipped": 0, "given": 0}
    # The project's card is the card: its state lives in one place.
    card = CardRepository(db).find(found.card_key(friends[0].id))
    assert (card.occasion, card.day, card.status) == ("holidays", date(2026, 12, 10), WRITTEN)
    with pytest.raises(InvalidValue, match="already taken"):
        repo.create("holiday cards 2026")
    with pytest.raises(InvalidValue, match="status"):
        repo.set_status(made.id, [friends[0].id], "lost", date(2026, 12, 1))
    repo.remove(made.id)
    with pytest.raises(NotFound):
        repo.get(str(made.id))
