"""Property: however a birthday or its Feb 29 rule is edited, the plan still sees every stored card."""

from __future__ import annotations

import tempfile
from datetime import date, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from ritual.core.cards import ARRIVED, GIVEN, POSTED, SKIPPED, WRITTEN
from ritual.core.dates import PartialDate, occurrence_in_year
from ritual.core.model import Friend
from ritual.paths import Paths
from ritual.services.cards.steps import card_step
from ritual.services.planning.agenda import agenda
from ritual.settings.load import load_settings
from ritual.store.cards import CardRepository
from ritual.store.database import open_database
from ritual.store.friends import FriendRepository

TODAY = date(2026, 11, 25)
STEPS = (WRITTEN, POSTED, ARRIVED, SKIPPED, GIVEN)
POLICIES = (None, "feb28", "mar1")


def birthdays():
    """Birthdays with a bias towards 29 February, where the policy matters."""
    any_day = st.builds(lambda m, d: PartialDate(m, min(d, 28 if m == 2 else 30), 1990),
                        st.integers(1, 12), st.integers(1, 31))
    return st.one_of(st.just(PartialDate(2, 29, 1996)), any_day)


def _plan_sees(settings_, db, card) -> bool:
    """True when the plan around the card's day holds its occasion with this card's id and status."""
    items = agenda(settings_, db, card.day - timedelta(days=3), card.day + timedelta(days=3), TODAY)
    return any(i.kind == "occasion" and i.card_id == card.id and i.card_status == card.status for i in items)


@settings(max_examples=25, deadline=None)
@given(birthdays(), birthdays(), st.sampled_from(POLICIES), st.sampled_from(POLICIES),
       st.sampled_from(("feb28", "mar1")), st.sampled_from(STEPS), st.integers(2026, 2028))
def test_an_edit_never_leaves_a_card_the_plan_cannot_see(old, new, policy, new_policy, global_policy, step, year):
    with tempfile.TemporaryDirectory() as root:
        paths = Paths.under(Path(root))
        db = open_database(paths.database)
        try:
            base = load_settings(paths)
            friends = FriendRepository(db)
            ana = friends.add(Friend("Ana", birthday=old, feb29=policy))
            day = occurrence_in_year(old, year, policy or base.feb29)
            card = card_step(base, db, "Ana", "birthday", step, TODAY, occasion_date=day).after
            friends.update(friends.get(ana.id)._replace(birthday=new, feb29=new_policy))
            now = base._replace(feb29=global_policy)
            agenda(now, db, TODAY, TODAY, TODAY)
            [moved] = CardRepository(db).all()
            assert (moved.id, moved.status) == (card.id, card.status)
            assert moved.day == occurrence_in_year(new, moved.day.year, new_policy or global_policy)
            assert abs((moved.day - card.day).days) <= 183, "the card of this occasion follows it, not another year's"
            assert _plan_sees(now, db, moved)
        finally:
            db.close()


def test_an_occasion_renamed_and_moved_in_one_edit_keeps_its_card(tmp_path):
    from ritual.core.model import Occasion

    paths = Paths.under(tmp_path / "home")
    db = open_database(paths.database)
    try:
        base = load_settings(paths)
        friends = FriendRepository(db)
        kai = friends.add(Friend("Kai", occasions=(Occasion("anniversary", PartialDate(12, 12, 2015)),)))
        card = card_step(base, db, "Kai", "anniversary", GIVEN, TODAY).after
        [occasion] = friends.get(kai.id).occasions
        renamed = occasion._replace(name="wedding anniversary", date=PartialDate(12, 19, 2015))
        friends.update(friends.get(kai.id)._replace(occasions=(renamed,)))
        assert _plan_sees(base, db, card._replace(occasion="wedding anniversary", day=date(2026, 12, 19)))
        [moved] = CardRepository(db).all()
        assert (moved.id, moved.occasion, moved.day, moved.status) == (card.id, "wedding anniversary",
                                                                       date(2026, 12, 19), GIVEN)
    finally:
        db.close()


def _statements(db, action) -> list[str]:
    """The SQL statements SQLite ran for `action`, as traced by the connection itself."""
    seen: list[str] = []
    db.connection.set_trace_callback(seen.append)
    try:
        action()
    finally:
        db.connection.set_trace_callback(None)
    return seen


def test_cards_are_checked_again_only_when_the_store_or_the_feb29_rule_changed(tmp_path):
    from ritual.services.cards.follow import follow_occasions

    paths = Paths.under(tmp_path / "home")
    db = open_database(paths.database)
    try:
        base = load_settings(paths)
        friends = FriendRepository(db)
        ana = friends.add(Friend("Ana", birthday=PartialDate(2, 29, 1996)))
        card = card_step(base, db, "Ana", "birthday", WRITTEN, TODAY, occasion_date=date(2027, 2, 28)).after
        follow_occasions(base, db)
        unchanged = _statements(db, lambda: follow_occasions(base, db))
        assert unchanged and not any("FROM cards" in sql for sql in unchanged), "nothing changed: no card is read"

        mar1 = base._replace(feb29="mar1")
        assert [m.day for m in follow_occasions(mar1, db)] == [date(2027, 3, 1)], "the Feb 29 rule changed"

        friends.update(friends.get(ana.id)._replace(birthday=PartialDate(3, 5, 1996)))
        assert [m.day for m in follow_occasions(mar1, db)] == [date(2027, 3, 5)], "the birthday changed"
        [moved] = CardRepository(db).all()
        assert (moved.id, moved.day) == (card.id, date(2027, 3, 5))
        assert follow_occasions(mar1, db) == [], "the move itself counted as a change: checked once more, in vain"
        assert not any("FROM cards" in sql for sql in _statements(db, lambda: follow_occasions(mar1, db)))
    finally:
        db.close()
