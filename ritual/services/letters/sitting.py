"""One sitting of the ritual: questions in turn, one follow-up for a detail, answers saved the moment they come."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from datetime import datetime

from ritual.core.letters import FOLLOW_UP_SUFFIX, Reflection
from ritual.core.model import Friend
from ritual.core.prompt_choice import another, select
from ritual.core.prompts import CLOSING, Moment, Prompt, gap_words
from ritual.core.sittings import follow_up
from ritual.store.database import Database
from ritual.store.reflections import ReflectionRepository


def name_in_questions(friend: Friend) -> str:
    """How questions call the friend: the nickname, else the first word of the name."""
    return friend.nickname.strip() or friend.name.split()[0]


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
        self.name = name_in_questions(friend)
        self.gap = gap_words(moment.months_apart) if moment.months_apart is not None else ""
        self.history = self.store.asked_ids(friend.id)
        self.queue = select(self.deck, moment, self.history, count, seed)
        self.shown: list[Prompt] = []
        self.answered: list[Reflection] = []
        self.followed_up = False

    @property
    def answers_given(self) -> int:
        """Questions answered so far (a follow-up's detail belongs to its question)."""
        return sum(1 for r in self.answered if not r.detail)

    def question(self, prompt: Prompt) -> str:
        """The question as put to the writer, with the friend's name and the time apart."""
        return prompt.ask(self.name, self.gap)

    def next_prompt(self) -> Prompt | None:
        """The next question, or None when the sitting is complete."""
        if not self.queue or self.answers_given >= self.count:
            return None
        prompt = self.queue.pop(0)
        self.shown.append(prompt)
        return prompt

    def answer(self, prompt: Prompt, text: str, now: datetime) -> Reflection:
        """Save an answer now, so leaving halfway keeps it."""
        saved = self.store.add(self._reflection(prompt.id, self.question(prompt), text.strip(), now, skipped=False))
        self.answered.append(saved)
        return saved

    def follow_up(self, prompt: Prompt, answer: str) -> str | None:
        """The one follow-up of the sitting, asking for a concrete detail, offered after a short answer."""
        if self.followed_up:
            return None
        asked = follow_up(prompt, answer)
        self.followed_up = asked is not None
        return asked

    def answer_detail(self, prompt: Prompt, question: str, text: str, now: datetime) -> Reflection | None:
        """Keep the detail given to a follow-up, beside its question; nothing when it was skipped."""
        if not text.strip():
            return None
        saved = self.store.add(self._reflection(prompt.id + FOLLOW_UP_SUFFIX, question, text.strip(), now, False))
        self.answered.append(saved)
        return saved

    def mark_heart(self, reflection: Reflection) -> Reflection:
        """This answer is the heart of the outline."""
        self.store.mark_heart(reflection.id)
        self.answered = [r._replace(heart=r.id == reflection.id) for r in self.answered]
        return next(r for r in self.answered if r.id == reflection.id)

    def skip(self, prompt: Prompt, now: datetime) -> Prompt | None:
        """Note the skip (so it rests a while) and queue another question when the deck has one."""
        self.store.add(self._reflection(prompt.id, self.question(prompt), "", now, skipped=True))
        asked = [*self.history, *(p.id for p in self.shown)]
        offered = another(self.deck, self.moment, asked, [*self.shown, *self.queue], self.seed + len(self.shown),
                          closing=prompt.stage == CLOSING)
        if offered is not None:
            self.queue.insert(0, offered)
        return offered

    def _reflection(self, prompt_id: str, question: str, text: str, now: datetime, skipped: bool) -> Reflection:
        return Reflection(
            friend_id=self.friend.id or 0,
            prompt_id=prompt_id,
            question=question,
            answer=text,
            asked_at=now,
            sitting=self.id,
            occasion=self.moment.occasion,
            tone=self.moment.tone or "",
            skipped=skipped,
        )

