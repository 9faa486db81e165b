"""What a sitting gathers before it starts: the briefing, the deck, and a sitting left halfway today to resume."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ritual.core.letters import SENT, Reflection
from ritual.core.model import Friend
from ritual.core.prompts import Moment, Prompt, occasion_key
from ritual.paths import Paths
from ritual.services.letters.decks import Deck, load_deck, shipped_deck
from ritual.services.letters.reflect import Briefing, build_briefing
from ritual.services.letters.sitting import Sitting
from ritual.settings.load import Settings
from ritual.store.database import Database
from ritual.store.letters import LetterRepository
from ritual.store.reflections import ReflectionRepository


@dataclass(frozen=True)
class Preparation:
    """Everything the ritual needs before the first question."""

    briefing: Briefing
    deck: Deck
    unfinished: tuple[Reflection, ...]


def deck_in_use(paths: Paths | None) -> Deck:
    """The user's deck in use; without a home's paths, the shipped prompts alone."""
    return load_deck(paths) if paths is not None else shipped_deck()


def prepare(settings: Settings, db: Database, paths: Paths | None, friend: Friend, occasion: str | None,
            today: date, count: int, answering: int | None = None) -> Preparation:
    """Read the briefing and the deck, and look for a sitting to pick up again (raises DeckError)."""
    briefing = build_briefing(settings, db, friend, occasion, today, answering)
    earlier = unfinished_sitting(db, friend.id or 0, occasion_key(briefing.occasion), today, count)
    return Preparation(briefing, deck_in_use(paths), tuple(earlier))


def unfinished_sitting(db: Database, friend_id: int, occasion: str, today: date, count: int) -> list[Reflection]:
    """Today's sitting for the same occasion, left before all its questions were answered and no letter logged."""
    store = ReflectionRepository(db)
    sitting_id = store.latest_sitting(friend_id)
    if sitting_id is None:
        return []
    rows = store.sitting(sitting_id)
    answered = [r for r in rows if not r.skipped and not r.detail]
    if not answered or len(answered) >= count:
        return []
    if rows[0].asked_at.date() != today or rows[0].occasion != occasion:
        return []
    latest = LetterRepository(db).latest(friend_id, SENT)
    return [] if latest is not None and latest.day >= today else rows


class ResumedSitting(Sitting):
    """A sitting picked up again: the same id, its answers kept, and fresh questions for the rest."""

    def __init__(self, db: Database, deck: Sequence[Prompt], friend: Friend, moment: Moment, count: int,
                 seed: int, earlier: Sequence[Reflection]) -> None:
        super().__init__(db, deck, friend, moment, count, seed)
        # The history already holds the earlier questions, so the queue never repeats them.
        self.id = earlier[0].sitting
        self.answered = [r for r in earlier if not r.skipped]
        self.followed_up = bool(self.answered)  # its follow-up was offered before it was left
