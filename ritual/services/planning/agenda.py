"""Ask the planner a question with the user's data: the store and settings in, agenda items out."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from ritual.core.planner import AgendaItem, PlanRules, occasion_window, plan
from ritual.core.postal import MailCalendar
from ritual.services.cards.follow import follow_occasions
from ritual.services.planning.holidays import compute_holidays, library_version
from ritual.settings.load import Settings
from ritual.store.cards import CardRepository
from ritual.store.database import Database
from ritual.store.friends import FriendRepository
from ritual.store.holidays import HolidayCache


def plan_rules(settings: Settings, db: Database, start: date, end: date, today: date | None = None) -> PlanRules:
    """The rules for planning [start, end] (and what is open at `today`), with the holidays of every year touched.

    Every plan starts here, so this is where stored cards first follow their occasions' current dates: whatever
    changed a birthday (an edit, a form, an import, a restore, the Feb 29 setting), no plan sees a card left behind.
    """
    follow_occasions(settings, db)
    years = {*range(start.year - 1, end.year + 2), *(range(today.year - 1, today.year + 2) if today else ())}
    holidays = HolidayCache(db).days(settings.home_country, years, library_version(), compute_holidays)
    return PlanRules(
        home_country=settings.home_country,
        transit=settings.transit,
        mail=MailCalendar(settings.mail_days, holidays),
        writing_lead_days=settings.writing_lead_days,
        feb29_policy=settings.feb29,
        reply_after_days=settings.reply_owed_days,
    )


def holiday_names(settings: Settings, db: Database, year: int) -> dict[date, str]:
    """The home country's public holidays in `year`, by day, with their names (for the calendar)."""
    return HolidayCache(db).names(settings.home_country, [year], library_version(), compute_holidays)


def agenda(
    settings: Settings, db: Database, start: date, end: date, today: date, include_overdue: bool = True,
    invitations_until: date | None = None, friend_id: int | None = None,
) -> list[AgendaItem]:
    """Everything due between `start` and `end`, plus what is still open from before when asked.

    A caller that needs the gentle invitations (keep in touch) only up to `invitations_until` says so: those due
    after it may be left out, and the friends only they would bring are not loaded at all. With `friend_id`, that
    friend's items alone, the same as among everyone's.
    """
    rules = plan_rules(settings, db, start, end, today if include_overdue else None)
    window = occasion_window(rules, start, end, today, include_overdue)
    with _collector_paused():
        due_by = end if invitations_until is None else invitations_until
        subjects = FriendRepository(db).subjects(window, due_by=due_by, friend_id=friend_id)
        return plan(subjects, rules, start, end, today, include_overdue, CardRepository(db).between(*window))


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while a plan is built: its tens of thousands of tuples form no cycles, yet
    every collection would walk them all again (a tenth of a year's plan). Reference counting still frees them.

    On the way out the plan's objects go straight to the oldest generation: the first young collection after
    the pause would otherwise walk every one of them once more (60 ms after a year's plan of 10,000 friends).
    They are looked at again only by a full collection, as long-lived objects are. Not when objects are frozen
    already (the app sets its start aside so): unfreezing would hand those back to every full collection.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if not _anything_frozen():
            gc.freeze()
            gc.unfreeze()
        if was_on:
            gc.enable()


_frozen_seen = False  # set once the collector had frozen objects


def _anything_frozen() -> bool:
    """True once any object was frozen in this process; asked of the collector only until then.

    Counting frozen objects walks every one of them (tens of milliseconds in the app, which freezes its start
    and what it reads ahead), and nothing frozen is thawed again: the pause above thaws only what it froze itself.
    """
    global _frozen_seen
    _frozen_seen = _frozen_seen or bool(gc.get_freeze_count())
    return _frozen_seen
