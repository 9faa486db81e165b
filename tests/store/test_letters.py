"""Letters and reflections in a real SQLite file: friend dates move, replies answer, answers persist."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from ritual.core.letters import ANSWERED, ARRIVED, POSTED, RECEIVED, SENT, Letter, Reflection, replies_owed
from ritual.core.model import Friend
from ritual.errors import InvalidValue, NotFound
from ritual.store.database import open_database
from ritual.store.friends import FriendRepository
from ritual.store.letters import LetterRepository
from ritual.store.reflections import ReflectionRepository


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "ritual.db")
    yield database
    database.close()


@pytest.fixture
def ana(db) -> Friend:
    return FriendRepository(db).add(Friend("Ana Souza", last_sent=date(2026, 5, 1)))


def test_logging_moves_the_friends_last_dates_forward_only(db, ana):
    letters = LetterRepository(db)
    letters.add(Letter(ana.id, RECEIVED, date(2026, 10, 3)))
    letters.add(Letter(ana.id, SENT, date(2026, 4, 1)))
    stored = FriendRepository(db).get(ana.id)
    assert stored.last_received == date(2026, 10, 3)
    assert stored.last_sent == date(2026, 5, 1)  # an older letter does not pull the date back


def test_a_reply_answers_the_letters_before_it(db, ana):
    letters = LetterRepository(db)
    early = letters.add(Letter(ana.id, RECEIVED, date(2026, 9, 1)))
    late = letters.add(Letter(ana.id, RECEIVED, date(2026, 11, 1)))
    assert [x.id for x in replies_owed(letters.list(), date(2026, 11, 25))] == [early.id, late.id]
    letters.add(Letter(ana.id, SENT, date(2026, 10, 1)))
    assert letters.get(early.id).status == ANSWERED
    assert [x.id for x in replies_owed(letters.list(), date(2026, 11, 25), after_days=14)] == [late.id]
    assert replies_owed(letters.list(), date(2026, 11, 10), after_days=14) == []


def test_mark_posted_then_arrived_and_refuse_the_impossible(db, ana):
    letters = LetterRepository(db)
    sent = letters.add(Letter(ana.id, SENT, date(2026, 11, 20), medium="card", occasion="birthday"))
    assert letters.mark(sent.id, POSTED, date(2026, 11, 21)).posted == date(2026, 11, 21)
    arrived = letters.mark(sent.id, ARRIVED, date(2026, 11, 28))
    assert (arrived.status, arrived.arrived, arrived.friend) == (ARRIVED, date(2026, 11, 28), "Ana Souza")
    with pytest.raises(InvalidValue, match="comes before"):
        letters.mark(sent.id, POSTED, date(2026, 11, 1))
    received = letters.add(Letter(ana.id, RECEIVED, date(2026, 11, 2)))
    with pytest.raises(InvalidValue, match="does not fit a received letter"):
        letters.mark(received.id, POSTED, date(2026, 11, 3))


def test_list_filters_and_delete_restores_the_date(db, ana):
    letters = LetterRepository(db)
    first = letters.add(Letter(ana.id, SENT, date(2025, 12, 1)))
    last = letters.add(Letter(ana.id, SENT, date(2026, 6, 1)))
    letters.add(Letter(ana.id, RECEIVED, date(2026, 7, 1)))
    assert [x.id for x in letters.list(year=2025)] == [first.id]
    assert len(letters.list(ana.id, direction=SENT)) == 2
    letters.delete(last.id)
    assert FriendRepository(db).get(ana.id).last_sent == date(2025, 12, 1)
    with pytest.raises(NotFound):
        letters.get(last.id)


def test_removing_a_friend_removes_their_letters_and_reflections(db, ana):
    LetterRepository(db).add(Letter(ana.id, SENT, date(2026, 1, 1)))
    ReflectionRepository(db).add(reflection(ana.id, "memory.a-place", "the bench"))
    FriendRepository(db).delete(ana.id)
    assert db.query("SELECT count(*) FROM letters")[0][0] == 0
    assert db.query("SELECT count(*) FROM reflections")[0][0] == 0


def reflection(friend_id, prompt_id, answer, sitting="s1", skipped=False, at=datetime(2026, 11, 25, 20, tzinfo=timezone.utc)):
    return Reflection(friend_id, prompt_id, f"{prompt_id}?", answer, at, sitting, "birthday", "tenderness", skipped)


def test_reflections_keep_history_answers_and_sittings(db, ana, tmp_path):
    store = ReflectionRepository(db)
    store.add(reflection(ana.id, "a", "first", "old", at=datetime(2025, 11, 20, tzinfo=timezone.utc)))
    store.add(reflection(ana.id, "b", "", "new", skipped=True))
    store.add(reflection(ana.id, "c", "second", "new"))
    db.close()
    reopened = open_database(tmp_path / "ritual.db")
    again = ReflectionRepository(reopened)
    assert again.asked_ids(ana.id) == ["a", "b", "c"]
    assert [r.answer for r in again.answers(ana.id)] == ["second", "first"]
    assert [r.answer for r in again.answers(ana.id, before_sitting="new")] == ["first"]
    assert [r.prompt_id for r in again.sitting("new")] == ["b", "c"] and again.latest_sitting(ana.id) == "new"
    reopened.close()
