"""Stored cards follow their occasions: when a birthday, a one-off's day or the Feb 29 rule changes, the card of
that occasion moves to the new day, keeping its id, its steps and its letters."""

from collections import defaultdict
from datetime import date
from typing import NamedTuple

from ritual.core.card_dates import days_now, further_along, new_day
from ritual.core.cards import Card, CardKey
from ritual.core.dates import PartialDate
from ritual.core.model import BIRTHDAY, Occasion
from ritual.settings.load import Settings
from ritual.store.cards import CardRepository
from ritual.store.changes import change_count
from ritual.store.database import Database
from ritual.store.meta import Meta

# The digest of everything cards' dates hang on, as of the last time they were put right.
_DATED = "cards_dated_digest"
# The store's change count and the Feb 29 rule when cards were last put right: unchanged, nothing can have moved.
_CHECKED_AT = "cards_dated_at_change"


class Moved(NamedTuple):
    """One stored card that followed its occasion from `before` to `day`."""

    before: Card
    day: date


def follow_occasions(settings: Settings, db: Database) -> list[Moved]:
    """Put every stored card on the day its occasion now falls on; costs two small reads when nothing changed.

    Every write to friends, occasions, cards and projects bumps the store's change count, so while it and the
    Feb 29 rule stay as they were at the last check, no card can have been left behind and nothing is read.
    """
    meta = Meta(db)
    # Read before the check: a write landing during it leaves the count changed, so the next plan checks again.
    checked_at = f"{change_count(db)} {settings.feb29}"
    if meta.get(_CHECKED_AT) == checked_at:
        return []
    moved = _follow(settings, db)
    meta.put(_CHECKED_AT, checked_at)
    return moved


def _follow(settings: Settings, db: Database) -> list[Moved]:
    """Move the cards whose occasions moved; costs one digest when nothing that dates a card changed."""
    cards = CardRepository(db)
    rows = cards.dating_rows()
    if Meta(db).get(_DATED) == _digest(settings, rows):
        return []
    with db.transaction() as conn:
        moved = _move_all(settings, db, cards, conn, rows)
    Meta(db).put(_DATED, _digest(settings, cards.dating_rows() if moved else rows))
    return moved


def _digest(settings: Settings, rows: list[tuple]) -> str:
    """Changes whenever a card, a birthday or occasion of a friend with cards, a project or the Feb 29 rule does."""
    import hashlib  # only when the change count moved: most plans never get this far

    return hashlib.sha256(repr((settings.feb29, rows)).encode()).hexdigest()


def _move_all(settings: Settings, db: Database, cards: CardRepository, conn, rows: list[tuple]) -> list[Moved]:
    """Move each card whose day its occasion no longer falls on; a project's cards keep the project's day."""
    card_rows, friend_rows, occasion_rows, project_rows = rows
    stored = [Card(friend_id, occasion, date.fromisoformat(day), id=card_id)
              for card_id, friend_id, occasion, day in card_rows]
    by_key = {card.key: card for card in stored}
    in_projects = _project_keys(db) if project_rows else set()
    occasions, policies = _occasions(friend_rows, occasion_rows)
    moved: list[Moved] = []
    for card in stored:
        if card.key in in_projects:
            continue
        day = new_day(card, days_now(card, occasions[card.friend_id], policies.get(card.friend_id) or settings.feb29))
        if day is not None:
            _move(cards, conn, by_key, card, day)
            moved.append(Moved(card, day))
    return moved


def _occasions(friend_rows, occasion_rows) -> tuple[dict[int, list[Occasion]], dict[int, str | None]]:
    """Each friend's dated occasions (the birthday first) and own Feb 29 rule, from the rows the digest read."""
    occasions: dict[int, list[Occasion]] = defaultdict(list)
    policies: dict[int, str | None] = {}
    for friend_id, month, day, year, feb29 in friend_rows:
        policies[friend_id] = feb29
        if month is not None:
            occasions[friend_id].append(Occasion(BIRTHDAY, PartialDate(month, day, year)))
    for _, friend_id, name, month, day, year, yearly in occasion_rows:
        occasions[friend_id].append(Occasion(name, PartialDate(month, day, year), yearly=bool(yearly)))
    return occasions, policies


def _move(cards: CardRepository, conn, by_key: dict[CardKey, Card], card: Card, day: date) -> None:
    """Move one card; when a card is already stored on the new day, the one that went further stays."""
    target = CardKey(card.friend_id, card.occasion, day)
    there = by_key.pop(target, None)
    by_key.pop(card.key, None)
    if there is None:
        cards.move_in(conn, card.id, day)
        by_key[target] = card
        return
    kept = further_along(cards.get(card.id), cards.get(there.id))
    gone = there if kept.id == card.id else card
    cards.fold_in(conn, gone.id, kept.id)
    if kept.id == card.id:
        cards.move_in(conn, card.id, day)
    by_key[target] = kept


def _project_keys(db: Database) -> set[CardKey]:
    """The cards projects name: their day is the project's, not an occasion's."""
    from ritual.store.projects import ProjectRepository  # only when cards move: most plans never get this far

    return {project.card_key(member.friend_id) for project in ProjectRepository(db).all() for member in project.members}
