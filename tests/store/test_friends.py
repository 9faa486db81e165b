"""FriendRepository against a real SQLite file."""

from __future__ import annotations

from datetime import date

import pytest

from ritual.core.dates import PartialDate
from ritual.core.model import ANNIVERSARY, Address, Friend, Occasion
from ritual.errors import Ambiguous, NotFound
from ritual.store.database import open_database
from ritual.store.friends import FriendRepository
from ritual.store.holidays import HolidayCache


@pytest.fixture
def repo(tmp_path):
    db = open_database(tmp_path / "ritual.db")
    yield FriendRepository(db)
    db.close()


def full_friend(name="Ana Souza") -> Friend:
    return Friend(
        name=name,
        nickname="Aninha",
        birthday=PartialDate(2, 29),
        feb29="mar1",
        birthday_card=False,
        addresses=(
            Address(("Rua das Flores 12", "apto 3"), "São Paulo", "SP", "01310-100", "BR", "home"),
            Address(("Av. Paulista 1000",), "São Paulo", "SP", "01310-200", "BR", "work"),
        ),
        tags=("pen pals", "university"),
        relationship="pen pal",
        how_met="school exchange",
        notes="Writes back in green ink.\nLoves maps.",
        cadence_days=60,
        last_sent=date(2026, 9, 1),
        last_received=date(2026, 10, 2),
        occasions=(Occasion(ANNIVERSARY, PartialDate(6, 20, 2015)), Occasion("graduation", PartialDate(7, 1, 2027), yearly=False)),
    )


def without_ids(friend: Friend) -> Friend:
    
    return friend._replace(id=None, occasions=tuple(o._replace(id=None) for o in friend.occasions))


def test_every_field_round_trips(repo):
    stored = repo.add(full_friend())
    assert stored.id is not None and all(o.id for o in stored.occasions)
    assert without_ids(repo.get(stored.id)) == full_friend()


def test_update_changes_fields_and_keeps_occasion_ids(repo):
    
    stored = repo.add(full_friend())
    kept = stored.occasions[0]
    changed = stored._replace(name="Ana S.", tags=("family",), addresses=stored.addresses[:1], occasions=(kept,))
    repo.update(changed)
    again = repo.get(stored.id)
    assert again.name == "Ana S." and again.tags == ("family",) and len(again.addresses) == 1
    assert [o.id for o in again.occasions] == [kept.id]


def test_delete_removes_everything_attached(repo):
    stored = repo.add(full_friend())
    repo.delete(stored.id)
    for table in ("friends", "addresses", "friend_tags", "occasions"):
        assert repo.db.query(f"SELECT count(*) FROM {table}")[0][0] == 0
    with pytest.raises(NotFound):
        repo.delete(stored.id)


def test_find_by_id_exact_name_nickname_and_fragment(repo):
    ana = repo.add(full_friend())
    anabel = repo.add(Friend(name="Anabel Lee"))
    assert repo.find(str(ana.id)).id == ana.id
    assert repo.find("ana souza").id == ana.id
    assert repo.find("Aninha").id == ana.id
    assert repo.find("lee").id == anabel.id
    with pytest.raises(Ambiguous) as caught:
        repo.find("ana")
    assert str(ana.id) in caught.value.message and "Anabel Lee" in caught.value.message
    with pytest.raises(NotFound, match="no friend called 'Zed'"):
        repo.find("Zed")


def test_two_friends_with_one_name_must_be_told_apart_by_id(repo):
    repo.add(Friend(name="Sam"))
    repo.add(Friend(name="Sam"))
    with pytest.raises(Ambiguous, match="2 friends"):
        repo.find("Sam")


def test_list_by_tag_sorted_by_name(repo):
    repo.add(Friend(name="zoe", tags=("choir",)))
    repo.add(Friend(name="Bea", tags=("choir", "work")))
    repo.add(Friend(name="Cy"))
    assert [f.name for f in repo.all("choir")] == ["Bea", "zoe"]
    assert [f.name for f in repo.all()] == ["Bea", "Cy", "zoe"]


def test_subjects_carry_what_the_planner_needs(repo):
    stored = repo.add(full_friend())
    (subject,) = repo.subjects()
    assert subject.friend_id == stored.id and subject.country == "BR" and subject.feb29 == "mar1"
    assert subject.last_letter == date(2026, 10, 2) and subject.cadence_days == 60
    assert [o.name for o in subject.occasions] == ["birthday", ANNIVERSARY, "graduation"]
    assert subject.occasions[0].card is False


def test_holiday_cache_calls_the_source_once_per_year_and_version(repo):
    calls = []

    def source(country, years):
        calls.append((country, tuple(years)))
        return {date(y, 12, 25): "Christmas" for y in years}

    cache = HolidayCache(repo.db)
    first = cache.days("DE", [2026, 2027], "1.0", source)
    second = cache.days("DE", [2026, 2027], "1.0", source)
    assert first == second == {date(2026, 12, 25), date(2027, 12, 25)}
    assert len(calls) == 1
    cache.days("DE", [2026], "2.0", source)  # a new library version refreshes the year
    assert len(calls) == 2 and calls[1][1][0] == 2026


def test_ids_are_never_reused_after_a_delete(repo):
    first = repo.add(Friend(name="Ana"))
    repo.delete(first.id)
    assert repo.add(Friend(name="Bo")).id == first.id + 1


@pytest.mark.parametrize("birthday", [
    PartialDate(2, 29, 1996), PartialDate(12, 31, 2200), PartialDate(1, 1, 1800), PartialDate(7, 4), PartialDate(6),
])
@pytest.mark.parametrize("card", [True, False])
def test_subjects_give_each_birthday_back_as_stored(repo, birthday, card):
    repo.add(Friend(name="Ana", birthday=birthday, birthday_card=card))
    repo.add(Friend(name="Bea", birthday=birthday, birthday_card=not card))
    repo.add(Friend(name="Cy"))
    by_name = {s.name: s.occasions for s in repo.subjects()}
    assert [(o.name, o.date, o.card) for o in by_name["Ana"]] == [("birthday", birthday, card)]
    assert [(o.date, o.card) for o in by_name["Bea"]] == [(birthday, not card)]
    assert by_name["Cy"] == ()


def test_a_subjects_last_letter_is_the_latest_of_sent_received_and_card_written(repo):
    from ritual.core.cards import Card
    from ritual.store.cards import CardRepository

    ana = repo.add(Friend(name="Ana", last_sent=date(2026, 3, 1), last_received=date(2026, 5, 2)))
    bea = repo.add(Friend(name="Bea", last_sent=date(2026, 6, 1)))
    cy = repo.add(Friend(name="Cy"))
    cards = CardRepository(repo.db)
    cards.save(Card(ana.id, "birthday", date(2026, 8, 1), written_on=date(2026, 7, 20)))
    cards.save(Card(cy.id, "birthday", date(2026, 9, 1), ending="given", ended_on=date(2026, 9, 1)))
    cards.save(Card(bea.id, "birthday", date(2026, 2, 1), ending="skipped", ended_on=date(2026, 1, 20)))
    by_name = {s.name: s.last_letter for s in repo.subjects()}
    assert by_name == {"Ana": date(2026, 7, 20), "Bea": date(2026, 6, 1), "Cy": date(2026, 9, 1)}


def test_a_keep_in_touch_letter_due_on_the_last_day_asked_for_brings_its_friend_in(repo):
    due_by = date(2026, 12, 6)
    window = (date(2026, 6, 1), date(2026, 6, 7))  # no birthday falls in it
    repo.add_many([
        Friend(name="On the day", cadence_days=30, last_sent=date(2026, 11, 6)),
        Friend(name="Day after", cadence_days=30, last_received=date(2026, 11, 7)),
        Friend(name="A year and a day", cadence_days=366, last_sent=date(2025, 12, 5)),
        Friend(name="A year and two days", cadence_days=366, last_sent=date(2025, 12, 6)),
        Friend(name="Never written", cadence_days=30),
        Friend(name="No rhythm", last_sent=date(2020, 1, 1)),
    ])
    names = {s.name for s in repo.subjects(window, due_by=due_by)}
    assert names == {"On the day", "A year and a day", "Never written"}


def test_names_come_in_the_order_asked_for_however_many_and_an_unknown_id_is_refused(repo):
    ids = [repo.add(Friend(name=f"Friend {n:04}")).id for n in range(1000)]
    asked = ids[::-1][:950] + ids[:3]  # more than one query's bound parameters, out of order, one asked twice
    assert repo.names(asked) == [f"Friend {ids.index(i):04}" for i in asked]
    assert repo.names([]) == []
    with pytest.raises(NotFound, match="no friend with id 99999"):
        repo.names([ids[0], 99999])
