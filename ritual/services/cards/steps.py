"""A card's steps as the user takes them (written, posted, arrived, skipped, given, undo), and letters moving cards."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ritual.core.cards import ARRIVED, ENDINGS, LIFE, OPEN, PLANNED, POSTED, WRITTEN, Card, end, move, pick_card, undo
from ritual.core.letters import Letter
from ritual.services.cards.lookup import candidates, card_named
from ritual.settings.load import Settings
from ritual.store.cards import CardRepository
from ritual.store.database import Database
from ritual.store.friends import FriendRepository
from ritual.store.letters import LetterRepository

UNDO = "undo"
ACTIONS = (WRITTEN, POSTED, ARRIVED, *ENDINGS, UNDO)


@dataclass(frozen=True, slots=True)
class CardChange:
    """One step taken: the card before and after (`before` is what `undo` would give back)."""

    before: Card
    after: Card


def can_take(card: Card, action: str) -> bool:
    """True when `action` fits where the card stands."""
    if action == UNDO:
        return card.status != PLANNED
    if action in ENDINGS:
        return card.status in OPEN
    return not card.ending and LIFE.index(action) > LIFE.index(card.status)


def take(card: Card, action: str, on: date, note: str = "") -> Card:
    """The card after `action` on `on` (pure; raises when the action does not fit)."""
    if action == UNDO:
        return undo(card)
    if action in ENDINGS:
        return end(card, action, on, note)
    return move(card, action, on)


def card_step(settings: Settings, db: Database, who: str, occasion: str, action: str, today: date,
              occasion_date: date | None = None, on: date | None = None, note: str = "") -> CardChange:
    """Take one step on WHO's OCCASION card (the nearest one it fits, unless the date is given) and store it."""
    friend = FriendRepository(db).find(who)
    card = card_named(settings, db, friend, occasion, occasion_date, today, lambda c: can_take(c, action))
    return CardChange(card, CardRepository(db).save(take(card, action, on or today, note)))


def step_card(db: Database, card: Card, action: str, on: date, note: str = "") -> CardChange:
    """Take one step on a card already in hand (the app's week and profile) and store it."""
    return CardChange(card, CardRepository(db).save(take(card, action, on, note)))


def follow_letter(card: Card, letter: Letter) -> Card:
    """The card moved on as far as its letter went; steps out of order with what the card knows are left alone."""
    for status, day in ((WRITTEN, letter.day), (POSTED, letter.posted), (ARRIVED, letter.arrived)):
        if day is None or not can_take(card, status):
            continue
        before = getattr(card, f"{LIFE[LIFE.index(status) - 1]}_on", None)
        if before is None or before <= day:
            card = move(card, status, day)
    return card


def log_letter(settings: Settings, db: Database, letter: Letter, occasion_date: date | None = None) -> tuple[Letter, Card | None]:
    """Log a letter; a sent one joins its card (named by occasion and date, else the nearest open one in window)."""
    with db.transaction():
        stored = LetterRepository(db).add(letter)
        if not stored.sent:
            return stored, None
        friend = FriendRepository(db).get(stored.friend_id)
        card = pick_card(candidates(settings, db, friend, occasion_date or stored.day), stored.day,
                         stored.occasion, occasion_date)
        if card is None:
            return stored, None
        saved = CardRepository(db).save(follow_letter(card, stored))
        return LetterRepository(db).attach(stored.id, saved.id), saved


def mark_letter(db: Database, letter_id: int, status: str, day: date) -> tuple[Letter, Card | None]:
    """Move a letter on (posted, arrived, answered); its card, if it has one, follows."""
    letters = LetterRepository(db)
    with db.transaction():
        moved = letters.mark(letter_id, status, day)
        if moved.card_id is None:
            return moved, None
        cards = CardRepository(db)
        return moved, cards.save(follow_letter(cards.get(moved.card_id), moved))
