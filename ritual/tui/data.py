"""What the screens ask of the store and the planner, in one place; safe to call from worker threads."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, timedelta

from ritual.clock import Clock
from ritual.core.model import Friend, Occasion
from ritual.core.planner import AgendaItem, Subject, plan
from ritual.services.demo.build import demo_friends
from ritual.services.planning.agenda import agenda, plan_rules
from ritual.services.planning.week import WeekPlan, week
from ritual.settings.load import Settings
from ritual.store.cards import CardRepository
from ritual.store.database import Database, open_database
from ritual.store.friends import FriendRepository
from ritual.store.changes import data_version, friends_signature
from ritual.tui.friend_rows import FriendRow, NextOccasion, next_occasions, read_rows

DEMO_COUNT = 24
YEAR = timedelta(days=366)


class RitualData:
    """The store, settings and clock behind the app; methods marked *worker* open their own connection."""

    def __init__(self, settings: Settings, db: Database, clock: Clock) -> None:
        self.settings = settings
        self.db = db
        self.clock = clock
        self.repo = FriendRepository(db)
        self._seen_version: int | None = None
        self._seen_signature: tuple | None = None

    def today(self) -> date:
        """Today by the app's clock."""
        return self.clock.today()

    @contextmanager
    def reader(self) -> Iterator[Database]:
        """*worker*: a connection of the worker's own, closed afterwards."""
        # SQLite connections belong to the thread that opened them, so each worker opens its own.
        db = open_database(self.db.path, clock=self.clock)
        try:
            yield db
        finally:
            db.close()

    @contextmanager
    def writer(self) -> Iterator[Database]:
        """*worker*: a connection of the worker's own for imports and backups, closed afterwards."""
        with self.reader() as db:
            yield db

    def plan_range(self, start: date, end: date, include_overdue: bool = True) -> list[AgendaItem]:
        """*worker*: the agenda for [start, end] from the one planner."""
        with self.reader() as db:
            return agenda(self.settings, db, start, end, self.today(), include_overdue)

    def week(self, monday: date) -> WeekPlan:
        """*worker*: the week holding `monday`, planned as `ritual week` plans it, on the worker's own connection."""
        with self.reader() as db:
            return week(self.settings, db, monday, self.today())

    def friend_rows(self) -> list[FriendRow]:
        """*worker*: every friend as a light row."""
        with self.reader() as db:
            return read_rows(db)

    def next_occasions(self) -> dict[int, NextOccasion]:
        """*worker*: each friend's next occasion within a year."""
        today = self.today()
        return next_occasions(self.plan_range(today, today + YEAR, include_overdue=False))

    def friend_plan(self, friend: Friend) -> list[AgendaItem]:
        """*worker*: one friend's coming year, from the same planner as everything else."""
        today = self.today()
        with self.reader() as db:
            rules = plan_rules(self.settings, db, today, today + YEAR)
            cards = CardRepository(db).between(today, today + YEAR + timedelta(days=rules.horizon_days()))
        return plan([Subject.from_friend(friend)], rules, today, today + YEAR, today, include_overdue=False, cards=cards)

    def count(self) -> int:
        """How many friends are stored."""
        return self.repo.count()

    def friend(self, friend_id: int) -> Friend:
        """One friend by id."""
        return self.repo.get(friend_id)

    def save_friend(self, friend: Friend) -> Friend:
        """Add a new friend or replace a stored one."""
        return self.repo.update(friend) if friend.id is not None else self.repo.add(friend)

    def sync_conflicts(self, friend_id: int) -> list:
        """The friend's fields changed both here and in the address book since the last contacts sync."""
        from ritual.store.vdir_state import VdirState

        return [c for c in VdirState(self.db).conflicts() if c.friend_id == friend_id]

    def delete_friend(self, friend_id: int) -> None:
        """Remove a friend and their occasions."""
        self.repo.delete(friend_id)

    def save_occasion(self, friend_id: int, occasion: Occasion) -> Friend:
        """Add an occasion, or replace the one with the same id; returns the friend as stored."""
        if occasion.id is None:
            self.repo.add_occasion(friend_id, occasion)
            return self.repo.get(friend_id)
        friend = self.repo.get(friend_id)
        kept = tuple(occasion if o.id == occasion.id else o for o in friend.occasions)
        return self.repo.update(replace(friend, occasions=kept))

    def remove_occasion(self, occasion_id: int) -> None:
        """Delete one occasion."""
        self.repo.remove_occasion(occasion_id)

    def add_demo_friends(self, count: int = DEMO_COUNT) -> int:
        """Fill the home with demo friends; returns how many were added."""
        return len(self.repo.add_many(demo_friends(count, 1, self.today())))

    def changed_elsewhere(self) -> bool:
        """True when friends or occasions changed since the last call (cheap when nothing did)."""
        version = data_version(self.db)
        if version == self._seen_version:
            return False
        self._seen_version = version
        signature = friends_signature(self.db)
        changed = self._seen_signature is not None and signature != self._seen_signature
        self._seen_signature = signature
        return changed

    def note_own_change(self) -> None:
        """Remember the store as it is now, so our own writes do not count as changes from elsewhere."""
        self._seen_version = None
        self._seen_signature = None
        self.changed_elsewhere()
