"""What the screens ask of the store and the planner, in one place; safe to call from worker threads."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from threading import Lock
from datetime import date, timedelta
from typing import TYPE_CHECKING

from ritual.clock import Clock
from ritual.core.cards import Card, CardKey
from ritual.core.dates import monday_of
from ritual.core.letters import Letter
from ritual.core.model import Friend, Occasion
from ritual.core.planner import AgendaItem, Subject, plan
from ritual.services.planning.agenda import agenda, plan_rules
from ritual.services.planning.week import WeekPlan, week
from ritual.settings.load import Settings
from ritual.store.cards import CardRepository
from ritual.store.projects import Project, ProjectRepository
from ritual.store.supplies import SupplyRepository
from ritual.store.database import Database, open_database
from ritual.store.friends import FriendRepository
from ritual.store.letters import LetterRepository
from ritual.store.changes import data_version, friends_signature
from ritual.tui.friend_rows import FriendRow, NextOccasion, next_occasions, read_rows, with_next_occasions

if TYPE_CHECKING:
    # Writing letters, undo and the demo load when first used: the first frame needs none of them.
    from ritual.services.letters.posting import LetterLogged
    from ritual.store.restore_points import RestorePoint
    from ritual.tui.calendar_days import CalendarYear

DEMO_COUNT = 24
YEAR = timedelta(days=366)
# Plans kept for asking again: the friend list's coming year and the calendar's year, with room for one more each.
PLANS_KEPT = 4
# Weeks kept for asking again: the one shown and the one the weekly review looks at (the next, on a Sunday).
WEEKS_KEPT = 3


class RitualData:
    """The store, settings and clock behind the app; methods marked *worker* open their own connection."""

    def __init__(self, settings: Settings, db: Database, clock: Clock) -> None:
        self.settings = settings
        self.db = db
        self.clock = clock
        self.repo = FriendRepository(db)
        self._seen_version: int | None = None
        self._seen_signature: tuple | None = None
        # The friend rows last read, with the store's signature then: every screen that lists friends shares them.
        self._rows: tuple[tuple, list[FriendRow]] | None = None
        self._rows_lock = Lock()
        # The rows with next occasions, by (signature, today) and with the settings they were planned with.
        self._planned: tuple[tuple, Settings, list[FriendRow]] | None = None
        # Plans of whole ranges by what they were made from (start, end, overdue too, today, the store's signature),
        # each with the settings it was made with.
        self._plans: dict[tuple, tuple[Settings, list[AgendaItem]]] = {}
        self._plans_lock = Lock()
        # Weeks planned, by (Monday, today, the store's signature), each with the settings it was planned with.
        self._weeks: dict[tuple, tuple[Settings, WeekPlan]] = {}
        self._weeks_lock = Lock()
        # The calendar's year last grouped, with the kept plan it was grouped from.
        self._calendar_year: tuple[list[AgendaItem], CalendarYear] | None = None

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

    def holidays(self, year: int) -> dict[date, str]:
        """*worker*: the home country's public holidays of `year`, with their names."""
        from ritual.services.planning.agenda import holiday_names

        with self.reader() as db:
            return holiday_names(self.settings, db, year)

    def plan_range(self, start: date, end: date, include_overdue: bool = True) -> list[AgendaItem]:
        """*worker*: the agenda for [start, end] from the one planner, shared while nothing it is made from changed.

        A year's plan of 10,000 friends takes half a second; the friend list and the calendar each want one.
        One plan is made at a time, so a screen asking while the same plan is being made waits for it.
        """
        return list(self._kept_plan(start, end, include_overdue))

    def _kept_plan(self, start: date, end: date, include_overdue: bool) -> list[AgendaItem]:
        """The plan kept for these days, made now if nothing is kept or what it was made from changed."""
        with self.reader() as db, self._plans_lock:
            today, settings = self.today(), self.settings
            key = (start, end, include_overdue, today, friends_signature(db))
            kept = self._plans.get(key)
            if kept is None or kept[0] is not settings:  # settings change when a home country is first chosen
                if len(self._plans) >= PLANS_KEPT:
                    del self._plans[next(iter(self._plans))]  # the oldest
                kept = self._plans[key] = (settings, agenda(settings, db, start, end, today, include_overdue))
            return kept[1]

    def year_plan(self, year: int) -> list[AgendaItem]:
        """*worker*: every occasion, card and invitation of one calendar year (nothing overdue from before)."""
        return self.plan_range(date(year, 1, 1), date(year, 12, 31), include_overdue=False)

    def calendar_year(self, year: int) -> CalendarYear:
        """*worker*: the year's plan grouped by day with its days marked, shared as long as the plan is."""
        from ritual.tui.calendar_days import calendar_year  # with the grids' marks: loaded for the calendar only

        plan = self._kept_plan(date(year, 1, 1), date(year, 12, 31), include_overdue=False)
        kept = self._calendar_year
        if kept is None or kept[0] is not plan:  # a plan made again is a new list
            kept = self._calendar_year = (plan, calendar_year(list(plan)))
        return kept[1]

    def read_ahead(self) -> None:
        """*worker*: read now, while the app is idle, what the friend list and the calendar first ask for."""
        self.planned_friend_rows()
        self.calendar_year(self.today().year)
        self.holidays(self.today().year)

    def log_letter(self, letter: Letter, occasion_date: date | None = None) -> LetterLogged:
        """Log a letter: a sent one joins its card, one logged as posted takes its stamp."""
        from ritual.services.letters.posting import log

        return log(self.settings, self.db, letter, occasion_date)

    def move_letter(self, letter_id: int, status: str) -> LetterLogged:
        """Move a letter on today; its card follows, and posting it takes its stamp."""
        from ritual.services.letters.posting import move

        return move(self.settings, self.db, letter_id, status, self.today())

    def move_letter_undoable(self, letter_id: int, status: str) -> tuple[LetterLogged, RestorePoint]:
        """Move a letter on as `move_letter` does, and return what undo puts back."""
        from ritual.services.undo.points import before_letter_change

        point = before_letter_change(self.db, letter_id)
        return self.move_letter(letter_id, status), point

    def answered_counts(self, letters: list) -> dict[str, int]:
        """*worker*: how many questions were answered in the sitting behind each letter, by sitting."""
        from ritual.store.reflections import ReflectionRepository

        with self.reader() as db:
            return ReflectionRepository(db).answered_counts(x.sitting for x in letters)

    def supplies(self) -> SupplyRepository:
        """The supplies on hand (stamps and cards), read and changed on the app's connection."""
        return SupplyRepository(self.db)

    def projects(self) -> list[Project]:
        """Every holiday-card project with its people and their cards."""
        return ProjectRepository(self.db).all()

    def start_project(self, name: str, occasion: str, due: date | None, members: str) -> Project:
        """A new project with the friends named (names, ids, #circles), all checked before anything is written."""
        from ritual.services.cards.new_project import start_project

        return start_project(self.db, name, occasion, due, members)

    def set_project_status(self, project_id: int, friend_ids: list[int], status: str) -> RestorePoint:
        """Move people's cards in a project to `status`, dated today; returns what undo puts back."""
        from ritual.services.undo.points import before_project_change

        point = before_project_change(self.db, project_id, friend_ids)
        ProjectRepository(self.db).set_status(project_id, friend_ids, status, self.today())
        return point

    def timeline(self, friend_id: int) -> tuple[list, list]:
        """One friend's letters and their answers in rituals, for the profile's timeline."""
        from ritual.store.reflections import ReflectionRepository

        return LetterRepository(self.db).list(friend_id), ReflectionRepository(self.db).answers(friend_id)

    def stored_card(self, key: CardKey) -> Card | None:
        """The card with this key once a step happened, else None."""
        return CardRepository(self.db).find(key)

    def keep_effort(self, letter_id: int, sitting: str | None, minutes: int | None) -> None:
        """Keep the sitting and the focus minutes that went into a letter."""
        LetterRepository(self.db).keep_effort(letter_id, sitting, minutes)

    def week(self, monday: date) -> WeekPlan:
        """*worker*: the week holding `monday`, planned as `ritual week` plans it, on the worker's own connection.

        The week screen plans it as the app opens and the weekly review wants it too (a sixth of a second with
        10,000 friends), so it is shared while nothing it is made from changed: the signature counts every write
        to friends, cards, letters, supplies and sessions.
        """
        with self.reader() as db, self._weeks_lock:
            today, settings = self.today(), self.settings
            key = (monday_of(monday), today, friends_signature(db))
            kept = self._weeks.get(key)
            if kept is None or kept[0] is not settings:
                if len(self._weeks) >= WEEKS_KEPT:
                    del self._weeks[next(iter(self._weeks))]  # the oldest
                kept = self._weeks[key] = (settings, week(settings, db, monday, today))
            return kept[1]

    def letters(self, friend_id: int | None = None, year: int | None = None,
                direction: str | None = None) -> list:
        """*worker*: logged letters, optionally for one friend, year and direction."""
        from ritual.store.letters import LetterRepository

        with self.reader() as db:
            return LetterRepository(db).list(friend_id, year, direction)

    def friend_rows(self) -> list[FriendRow]:
        """*worker*: every friend as a light row, read again only when friends, letters or cards changed.

        Reading 10,000 rows takes a third of a second; the friend list, the letter box, the letter form and the
        palette each want them, so they share the last reading while the store's signature stays the same.
        """
        return self._signed_rows()[1]

    def _signed_rows(self) -> tuple[tuple, list[FriendRow]]:
        """The store's signature and the friend rows read at it."""
        # One reading at a time: a screen asking while the rows are being read waits for them.
        with self.reader() as db, self._rows_lock:
            signature = friends_signature(db)
            if self._rows is None or self._rows[0] != signature:
                self._rows = (signature, read_rows(db))
            return self._rows

    def planned_friend_rows(self) -> list[FriendRow]:
        """*worker*: the friend rows with each friend's next occasion filled in, shared as the rows are."""
        ready = self.ready_planned_friend_rows()
        if ready is not None:
            return ready
        signature, rows = self._signed_rows()
        planned = with_next_occasions(rows, self.next_occasions())
        with self._rows_lock:
            self._planned = ((signature, self.today()), self.settings, planned)
        return planned

    def ready_planned_friend_rows(self) -> list[FriendRow] | None:
        """*worker*: the planned rows last made, when nothing they were made from changed since; else None."""
        with self.reader() as db:
            signature = friends_signature(db)
        with self._rows_lock:
            kept = self._planned
        if kept is not None and kept[0] == (signature, self.today()) and kept[1] is self.settings:
            return kept[2]
        return None

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

    def delete_friend(self, friend_id: int) -> RestorePoint:
        """Remove a friend and their occasions; returns what undo puts back."""
        from ritual.services.undo.points import before_friend_removal

        point = before_friend_removal(self.db, friend_id)
        self.repo.delete(friend_id)
        return point

    def delete_letter(self, letter_id: int) -> RestorePoint:
        """Remove a logged letter; returns what undo puts back."""
        from ritual.services.undo.points import before_letter_change

        point = before_letter_change(self.db, letter_id)
        LetterRepository(self.db).delete(letter_id)
        return point

    def undo(self, point: RestorePoint) -> None:
        """Put back exactly what an undoable change touched."""
        from ritual.services.undo.points import undo

        undo(self.db, point)

    def save_occasion(self, friend_id: int, occasion: Occasion) -> Friend:
        """Add an occasion, or replace the one with the same id; returns the friend as stored."""
        if occasion.id is None:
            self.repo.add_occasion(friend_id, occasion)
            return self.repo.get(friend_id)
        friend = self.repo.get(friend_id)
        kept = tuple(occasion if o.id == occasion.id else o for o in friend.occasions)
        return self.repo.update(friend._replace(occasions=kept))

    def remove_occasion(self, occasion_id: int) -> None:
        """Delete one occasion."""
        self.repo.remove_occasion(occasion_id)

    def weekly_review(self) -> tuple:
        """*worker*: the weekly review as of today, and the names of the friends whose cards go in the post."""
        from ritual.services.review.weekly import review_week_day, weekly_review

        plan = self.week(review_week_day(self.today()))
        with self.reader() as db:
            review = weekly_review(self.settings, db, self.today(), plan)
            return review, FriendRepository(db).names(review.to_post)

    def mark_review_card(self, card, key: str):
        """Take a review step (w written, p posted, s skipped) on a card, today."""
        from ritual.services.review.weekly import mark

        return mark(self.settings, self.db, card, key, self.today())

    def print_week(self, friend_ids: list[int], kind: str, path):
        """The week's envelopes or labels for these friends, in one PDF."""
        from ritual.services.review.prints import week_pdf

        return week_pdf(self.settings, self.db, friend_ids, kind, path)

    def add_demo_friends(self, count: int = DEMO_COUNT) -> int:
        """Fill the home with demo friends; returns how many were added."""
        from ritual.services.demo.showcase import fill_demo

        return fill_demo(self.settings, self.db, count, 1, self.today())

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
