"""Logging a letter and moving it on, in one place for every screen: its card follows, and a letter that goes
into the post takes its stamp from the supplies."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ritual.core.cards import Card
from ritual.core.letters import Letter
from ritual.services.cards.steps import log_letter, mark_letter
from ritual.settings.load import Settings
from ritual.store.database import Database
from ritual.store.friends import FriendRepository
from ritual.store.letters import LetterRepository
from ritual.store.supplies import SupplyRepository


@dataclass(frozen=True)
class LetterLogged:
    """A letter as stored, the card it belongs to (if any), and the stamp it used (when stamps are counted)."""

    letter: Letter
    card: Card | None = None
    stamp: str | None = None
    stamps_left: int | None = None


def log(settings: Settings, db: Database, letter: Letter, occasion_date: date | None = None) -> LetterLogged:
    """Log a letter; a sent one joins its card, and one logged as already posted takes its stamp."""
    stored, card = log_letter(settings, db, letter, occasion_date)
    return _with_stamp(settings, db, stored, card) if stored.posted else LetterLogged(stored, card)


def move(settings: Settings, db: Database, letter_id: int, status: str, day: date) -> LetterLogged:
    """Move a letter on (posted, arrived, answered); posting it for the first time takes its stamp."""
    was_posted = LetterRepository(db).get(letter_id).posted is not None
    moved, card = mark_letter(db, letter_id, status, day)
    if moved.posted and not was_posted:
        return _with_stamp(settings, db, moved, card)
    return LetterLogged(moved, card)


def _with_stamp(settings: Settings, db: Database, letter: Letter, card: Card | None) -> LetterLogged:
    supplies = SupplyRepository(db)
    country = FriendRepository(db).get(letter.friend_id).country
    kind = supplies.use_stamp_for(country, settings.home_country)
    return LetterLogged(letter, card, kind, supplies.all()[kind] if kind else None)
