"""The ritual before writing: a briefing on the friend, then questions in turn, each answer saved at once."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from ritual.core.cards import DONE, Card, CardKey, planned
from ritual.core.letters import RECEIVED, SENT, Letter, Reflection, replies_owed
from ritual.core.model import Friend
from ritual.core.planner import OCCASION, POST, WRITE, AgendaItem
from ritual.core.prompts import Moment, Prompt, another, occasion_key, relationship_key, select
from ritual.settings.load import Settings
from ritual.store.cards import CardRepository
from ritual.store.database import Database
from ritual.store.letters import LetterRepository
from ritual.store.reflections import ReflectionRepository

# Without --occasion, an occasion this close is taken to be what the letter is for.
NEAR_OCCASION_DAYS = 60
EARLIER_ANSWERS = 3
_CARD_KINDS = (OCCASION, WRITE, POST)


@dataclass(frozen=True)
class Briefing:
    """What to have in mind before the questions: the friend, the occasion, the letters, earlier answers."""

    friend: Friend
    occasion: str | None
    occasion_item: AgendaItem | None
    last_sent: Letter | None
    last_received: Letter | None
    owed: tuple[Letter, ...]
    earlier: tuple[Reflection, ...]
    card: Card | None = None  # the card this letter is for, where it stands
    card_letters: tuple[Letter, ...] = ()


def build_briefing(settings: Settings, db: Database, friend: Friend, occasion: str | None, today: date) -> Briefing:
    """Gather the briefing; the occasion's dates come from the planner, never computed here."""
    from ritual.services.planning.agenda import agenda

    items = agenda(settings, db, today, today + timedelta(days=366), today)
    item = find_occasion(items, friend.id or 0, occasion, today)
    letters = LetterRepository(db)
    card = _card_of(db, item)
    return Briefing(
        friend=friend,
        occasion=item.occasion if item and not occasion else occasion,
        occasion_item=item,
        last_sent=letters.latest(friend.id, SENT),
        last_received=letters.latest(friend.id, RECEIVED),
        owed=tuple(replies_owed(letters.list(friend.id, direction=RECEIVED), today)),
        earlier=tuple(ReflectionRepository(db).answers(friend.id, limit=EARLIER_ANSWERS)),
        card=card,
        card_letters=tuple(letters.of_card(card.id)) if card is not None and card.id else (),
    )


def _card_of(db: Database, item: AgendaItem | None) -> Card | None:
    """The card behind the occasion item, stored or only planned (None when the occasion asks for no card)."""
    if item is None or item.card_status is None:
        return None
    key = CardKey(item.friend_id, item.occasion, item.occasion_date)
    return CardRepository(db).find(key) or planned(key, item.friend)


def find_occasion(items: Sequence[AgendaItem], friend_id: int, wanted: str | None, today: date) -> AgendaItem | None:
    """The friend's next occasion of that name, or without a name the next one close enough to write for."""
    mine = [i for i in items if i.friend_id == friend_id and i.kind in _CARD_KINDS and i.occasion_date]
    if wanted:
        mine = [i for i in mine if occasion_key(i.occasion) == occasion_key(wanted)]
    else:
        # Unnamed, the letter is for a card still to write, not one already done.
        mine = [i for i in mine if (i.occasion_date - today).days <= NEAR_OCCASION_DAYS and i.card_status not in DONE]
    mine = [i for i in mine if i.occasion_date >= today]
    return min(mine, key=lambda i: (i.occasion_date, _CARD_KINDS.index(i.kind)), default=None)


def moment_for(friend: Friend, occasion: str | None, tone: str | None) -> Moment:
    """What the prompts are chosen for."""
    return Moment(relationship_key(friend.relationship), occasion_key(occasion), tone)


class Sitting:
    """One ritual for one friend: questions in turn, a fresh one for each skip, answers saved as given."""

    def __init__(
        self, db: Database, deck: Sequence[Prompt], friend: Friend, moment: Moment, count: int, seed: int
    ) -> None:
        self.store = ReflectionRepository(db)
        self.deck = tuple(deck)
        self.friend = friend
        self.moment = moment
        self.count = count
        self.seed = seed
        self.id = uuid.uuid4().hex
        self.history = self.store.asked_ids(friend.id)
        self.queue = select(self.deck, moment, self.history, count, seed)
        self.shown: list[Prompt] = []
        self.answered: list[Reflection] = []

    def next_prompt(self) -> Prompt | None:
        """The next question, or None when the sitting is complete."""
        if not self.queue or len(self.answered) >= self.count:
            return None
        prompt = self.queue.pop(0)
        self.shown.append(prompt)
        return prompt

    def answer(self, prompt: Prompt, text: str, now: datetime) -> Reflection:
        """Save an answer now, so leaving halfway keeps it."""
        saved = self.store.add(self._reflection(prompt, text.strip(), now, skipped=False))
        self.answered.append(saved)
        return saved

    def skip(self, prompt: Prompt, now: datetime) -> Prompt | None:
        """Note the skip (so it rests a while) and queue another question when the deck has one."""
        self.store.add(self._reflection(prompt, "", now, skipped=True))
        asked = [*self.history, *(p.id for p in self.shown)]
        offered = another(self.deck, self.moment, asked, [*self.shown, *self.queue], self.seed + len(self.shown))
        if offered is not None:
            self.queue.insert(0, offered)
        return offered

    def _reflection(self, prompt: Prompt, text: str, now: datetime, skipped: bool) -> Reflection:
        return Reflection(
            friend_id=self.friend.id or 0,
            prompt_id=prompt.id,
            question=prompt.question,
            answer=text,
            asked_at=now,
            sitting=self.id,
            occasion=self.moment.occasion,
            tone=self.moment.tone or "",
            skipped=skipped,
        )
