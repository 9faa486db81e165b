"""Which records each spreadsheet export holds, read from the store."""

from __future__ import annotations

from datetime import date

from ritual.core.cards import Card, CardKey
from ritual.errors import InvalidValue
from ritual.services.cards.listing import card_book
from ritual.services.spreadsheet.tables import Table, cards_table, friends_table, letters_table
from ritual.settings.load import Settings
from ritual.store.cards import CardRepository
from ritual.store.database import Database
from ritual.store.friends import FriendRepository
from ritual.store.letters import LetterRepository

TABLES = ("friends", "letters", "cards")


def table_of(settings: Settings, db: Database, name: str, today: date) -> Table:
    """The table `friends`, `letters` or `cards`, in the order the lists show them."""
    if name == "friends":
        return friends_table(FriendRepository(db).all())
    if name == "letters":
        return letters_table(LetterRepository(db).list())
    if name == "cards":
        return cards_table(every_card(settings, db, today))
    raise InvalidValue("table", name, "is not one of " + ", ".join(TABLES))


def every_card(settings: Settings, db: Database, today: date) -> list[Card]:
    """Every card that has moved on at any time, and the cards the plan holds for the coming days."""
    found: dict[CardKey, Card] = {card.key: card for card in CardRepository(db).all()}
    for card in card_book(settings, db, today, settings.upcoming_days):
        found.setdefault(card.key, card)
    return sorted(found.values(), key=lambda c: (c.day, c.friend.casefold(), c.friend_id, c.occasion))
