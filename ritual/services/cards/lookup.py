"""Which card is meant: a friend's cards around a day, from the planner's occasions and the stored cards."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from ritual.core.cards import Candidate, Card, CardKey, planned
from ritual.core.model import Friend
from ritual.core.planner import OCCASION, Subject, plan
from ritual.errors import NotFound
from ritual.services.cards.follow import follow_occasions
from ritual.services.planning.agenda import plan_rules
from ritual.settings.load import Settings
from ritual.store.cards import CardRepository
from ritual.store.database import Database
from ritual.store.projects import ProjectRepository

# Cards this far either side of a day are looked at: a yearly occasion is never further than half a year.
SPAN = timedelta(days=200)


def candidates(settings: Settings, db: Database, friend: Friend, around: date) -> list[Candidate]:
    """The friend's cards with occasions near `around`: planned ones from the planner, then stored ones."""
    first, last = around - SPAN, around + SPAN
    follow_occasions(settings, db)
    stored = {card.key: card for card in CardRepository(db).of_friend(friend.id)}
    rules = plan_rules(settings, db, first, last)
    found: dict[CardKey, Candidate] = {}
    for item in plan([Subject.from_friend(friend)], rules, first, last, first, include_overdue=False, cards=stored):
        if item.kind == OCCASION:
            key = CardKey(friend.id, item.occasion, item.occasion_date)
            card = stored.get(key) or planned(key, friend.name)
            found[key] = Candidate(card, item.write_by, wanted=item.card_status is not None)
    for key, card in stored.items():
        found.setdefault(key, Candidate(card, None))
    for key in ProjectRepository(db).card_keys_of(friend.id):
        found.setdefault(key, Candidate(planned(key, friend.name), None))
    return list(found.values())


def card_named(settings: Settings, db: Database, friend: Friend, occasion: str, on: date | None, today: date,
               fits: Callable[[Card], bool]) -> Card:
    """The friend's card for `occasion` (on `on`, else the nearest to today that `fits` the step asked for)."""
    around = on or today
    named = [c.card for c in candidates(settings, db, friend, around) if c.card.occasion.casefold() == occasion.casefold()]
    if not named:
        raise NotFound(f"{friend.name} has no occasion called {occasion!r} near {around.isoformat()} "
                       "(see `ritual friend show`)")
    if on is not None:
        exact = [card for card in named if card.day == on]
        if not exact:
            days = ", ".join(sorted(card.day.isoformat() for card in named))
            raise NotFound(f"{friend.name}'s {occasion} is not on {on.isoformat()} (it falls on {days})")
        return exact[0]
    fitting = [card for card in named if fits(card)] or named
    return min(fitting, key=lambda card: (abs((card.day - today).days), card.day < today))
