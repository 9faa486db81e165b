"""The cards worth listing: those the plan holds now, and those that moved on in the past year."""

from __future__ import annotations

from datetime import date, timedelta

from ritual.core.cards import Card, CardKey, planned
from ritual.services.cards.follow import follow_occasions
from ritual.services.planning.agenda import agenda
from ritual.settings.load import Settings
from ritual.store.cards import CardRepository
from ritual.store.database import Database
from ritual.store.projects import ProjectRepository

HISTORY = timedelta(days=365)


def card_book(settings: Settings, db: Database, today: date, days: int) -> list[Card]:
    """Cards of the plan and of projects from today for `days` days (and those still open from before), plus a year
    of stored ones."""
    last = today + timedelta(days=days - 1)
    follow_occasions(settings, db)
    stored = CardRepository(db).between(today - HISTORY, last + timedelta(days=366))
    found: dict[CardKey, Card] = {key: card for key, card in stored.items() if card.day <= last}
    for item in agenda(settings, db, today, last, today):
        if item.card_status is not None:
            key = CardKey(item.friend_id, item.occasion, item.occasion_date)
            found.setdefault(key, stored.get(key) or planned(key, item.friend))
    for project in ProjectRepository(db).all():
        for member in project.members:
            key = project.card_key(member.friend_id)
            if today - HISTORY <= key.day <= last:
                found.setdefault(key, stored.get(key) or planned(key, member.friend))
    return sorted(found.values(), key=lambda c: (c.day, c.friend.casefold(), c.friend_id, c.occasion))
