"""The briefing before the ritual: the friend, the occasion, the letter being answered, and earlier answers."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from ritual.core.cards import DONE, Card, CardKey, planned
from ritual.core.dates import monday_of
from ritual.core.letters import RECEIVED, SENT, Letter, replies_owed
from ritual.core.model import BIRTHDAY, Friend
from ritual.core.planner import OCCASION, POST, WRITE, AgendaItem
from ritual.core.prompts import Moment, occasion_key, relationship_key
from ritual.core.sittings import EarlierSitting, age_on, by_sitting, months_between
from ritual.errors import InvalidValue
from ritual.services.letters.remembering import on_this_day_line
from ritual.settings.load import Settings
from ritual.store.cards import CardRepository
from ritual.store.database import Database
from ritual.store.letters import LetterRepository
from ritual.store.reflections import ReflectionRepository

# Without --occasion, an occasion this close is taken to be what the letter is for.
NEAR_OCCASION_DAYS = 60
EARLIER_SITTINGS = 3
EARLIER_ANSWERS = 15
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
    earlier: tuple[EarlierSitting, ...]
    answering: Letter | None = None
    last_sent_day: date | None = None
    last_received_day: date | None = None
    months_apart: int | None = None
    age: int | None = None
    missing: str = ""
    card: Card | None = None  # the card this letter is for, where it stands
    card_letters: tuple[Letter, ...] = ()
    on_this_day: str = ""
    last_card: Card | None = None  # the last card marked written, when it is later than any letter or profile date


def build_briefing(settings: Settings, db: Database, friend: Friend, occasion: str | None, today: date,
                   answering: int | None = None) -> Briefing:
    """Gather the briefing; the occasion's dates come from the planner, never computed here.

    `answering` is the id of a received letter this one answers; without it, the latest letter still
    waiting for a reply is the one being answered.
    """
    from ritual.services.planning.agenda import agenda

    items = agenda(settings, db, today, today + timedelta(days=366), today, friend_id=friend.id)
    item = find_occasion(items, friend.id or 0, occasion, today)
    letters = LetterRepository(db)
    card = _card_of(db, item)
    last_sent, last_received = letters.latest(friend.id, SENT), letters.latest(friend.id, RECEIVED)
    owed = tuple(replies_owed(letters.list(friend.id, direction=RECEIVED), today))
    sent_day = _latest(last_sent, friend.last_sent)
    last_card = _later_card(CardRepository(db).last_written(friend.id), sent_day)
    sent_day = _card_day(last_card) if last_card is not None else sent_day
    received_day = _latest(last_received, friend.last_received)
    last_day = sent_day or received_day  # the time apart counts from your last letter to them
    answers = ReflectionRepository(db).answers(friend.id, limit=EARLIER_ANSWERS)
    return Briefing(
        friend=friend,
        occasion=item.occasion if item and not occasion else occasion,
        occasion_item=item,
        last_sent=last_sent,
        last_received=last_received,
        owed=owed,
        earlier=tuple(by_sitting(answers, letters.sittings_in_post(friend.id), EARLIER_SITTINGS)),
        answering=_answering(letters, friend, answering, owed),
        last_sent_day=sent_day,
        last_received_day=received_day,
        months_apart=months_between(last_day, today),
        age=age_on(friend.birthday, today),
        missing=_missing(friend, occasion),
        card=card,
        card_letters=tuple(letters.of_card(card.id)) if card is not None and card.id else (),
        on_this_day=on_this_day_line(db, monday_of(today), friend.id),
        last_card=last_card,
    )


def _card_day(card: Card) -> date:
    """When the card was written (a card given by hand: the day it was given)."""
    return card.written_on or card.ended_on


def _later_card(card: Card | None, sent_day: date | None) -> Card | None:
    """The card, when it says more recently than letters and profile that you wrote to them."""
    if card is None or (sent_day is not None and _card_day(card) <= sent_day):
        return None
    return card


def _latest(letter: Letter | None, kept: date | None) -> date | None:
    """The later of the last logged letter and the date kept on the friend's profile."""
    return max((d for d in (letter and letter.day, kept) if d), default=None)


def _answering(letters: LetterRepository, friend: Friend, letter_id: int | None, owed: Sequence[Letter]) -> Letter | None:
    if letter_id is None:
        return owed[-1] if owed else None
    letter = letters.get(letter_id)
    if letter.friend_id != friend.id or letter.sent:
        raise InvalidValue("--reply-to", letter_id, f"is not a letter received from {friend.name}")
    return letter


def _missing(friend: Friend, occasion: str | None) -> str:
    """What the briefing cannot know about the asked-for occasion."""
    if occasion and occasion_key(occasion) == BIRTHDAY and friend.birthday is None:
        return f"no birthday on file for {friend.name}"
    return ""


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


def moment_for(briefing: Briefing, tone: str | None, aliases: Mapping[str, str] | None = None) -> Moment:
    """What the prompts are chosen for: the bond (through the deck's aliases), occasion, tone and history."""
    return Moment(
        relationship=relationship_key(briefing.friend.relationship, aliases),
        occasion=occasion_key(briefing.occasion),
        tone=tone,
        replying=briefing.answering is not None,
        months_apart=briefing.months_apart,
        age=briefing.age,
    )
