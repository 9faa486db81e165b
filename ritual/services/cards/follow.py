"""Stored cards follow their occasions: when a birthday, a one-off's day or the Feb 29 rule changes, the card of
that occasion moves to the new day, keeping its id, its steps and its letters."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

from ritual.core.card_dates import days_now, further_along, new_day
from ritual.core.cards import Card, CardKey
from ritual.core.planner import with_birthday
from ritual.settings.load import Settings
from ritual.store.cards import CardRepository
from ritual.store.database import Database
from ritual.store.friends import FriendRepository
from ritual.store.meta import Meta
from ritual.store.projects import ProjectRepository

# The digest of everything cards' dates hang on, as of the last time they were put right.
_DATED = "cards_dated_digest"


@dataclass(frozen=True, slots=True)
class Moved:
    """One stored card that followed its occasion from `before` to `day`."""

    before: Card
    day: date


def follow_occasions(settings: Settings, db: Database) -> list[Moved]:
    """Put every stored card on the day its occasion now falls on; costs one digest when nothing changed."""
    cards = CardRepository(db)
    digest = _digest(settings, cards)
    if Meta(db).get(_DATED) == digest:
        return []
    with db.transaction() as conn:
        moved = _move_all(settings, db, cards, conn)
    Meta(db).put(_DATED, _digest(settings, cards))
    return moved


def _digest(settings: Settings, cards: CardRepository) -> str:
    """Changes whenever a card, a birthday or occasion of a friend with cards, a project or the Feb 29 rule does."""
    return hashlib.sha256(repr((settings.feb29, cards.dating_rows())).encode()).hexdigest()


def _move_all(settings: Settings, db: Database, cards: CardRepository, conn) -> list[Moved]:
    """Move each card whose day its occasion no longer falls on; a project's cards keep the project's day."""
    stored = cards.all()
    by_key = {card.key: card for card in stored}
    in_projects = _project_keys(db)
    friends = FriendRepository(db)
    moved: list[Moved] = []
    for friend_id in sorted({card.friend_id for card in stored}):
        friend = friends.get(friend_id)
        occasions = with_birthday(friend.birthday, friend.birthday_card, friend.occasions)
        policy = friend.feb29 or settings.feb29
        for card in (c for c in stored if c.friend_id == friend_id and c.key not in in_projects):
            day = new_day(card, days_now(card, occasions, policy))
            if day is not None:
                _move(cards, conn, by_key, card, day)
                moved.append(Moved(card, day))
    return moved


def _move(cards: CardRepository, conn, by_key: dict[CardKey, Card], card: Card, day: date) -> None:
    """Move one card; when a card is already stored on the new day, the one that went further stays."""
    target = CardKey(card.friend_id, card.occasion, day)
    there = by_key.pop(target, None)
    by_key.pop(card.key, None)
    if there is None:
        cards.move_in(conn, card.id, day)
        by_key[target] = card
        return
    kept = further_along(card, there)
    gone = there if kept is card else card
    cards.fold_in(conn, gone.id, kept.id)
    if kept is card:
        cards.move_in(conn, card.id, day)
    by_key[target] = kept


def _project_keys(db: Database) -> set[CardKey]:
    """The cards projects name: their day is the project's, not an occasion's."""
    return {project.card_key(member.friend_id) for project in ProjectRepository(db).all() for member in project.members}
