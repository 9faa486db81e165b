"""The `.ics` export: the planner's items and the yearly occasions, rendered by icalendar."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, time, timedelta

from ritual.core.cards import Card, CardKey
from ritual.core.planner import KEEP_IN_TOUCH, POST, WRITE, AgendaItem, PlanRules, Subject, plan
from ritual.errors import InvalidValue
from ritual.services.calendar.events import (
    DEFAULT_INCLUDE,
    INCLUDE_CHOICES,
    SESSIONS,
    CalendarEvent,
    action_event,
    mar1_events,
    needs_mar1_rules,
    occasion_event,
    session_event,
    wanted_occasion,
)
from ritual.services.calendar.revisions import with_revisions
from ritual.services.planning.agenda import plan_rules
from ritual.services.planning.sessions import keeps_sessions, plan_sessions
from ritual.text.sessions import session_text
from ritual.settings.load import Settings
from ritual.store.cards import CardRepository
from ritual.store.database import Database
from ritual.store.friends import FriendRepository

CALENDAR_NAME = "ritual: letters and cards"


@dataclass(frozen=True)
class ExportRequest:
    """What to put in the calendar and for how long ahead."""

    today: date
    include: tuple[str, ...] = DEFAULT_INCLUDE
    years: int = 1

    @property
    def end(self) -> date:
        """The last day of the horizon for dated items (write-by, post-by, keep in touch)."""
        return _years_after(self.today, self.years)


def _years_after(day: date, years: int) -> date:
    return day + timedelta(days=round(365.25 * years) - 1)


def parse_include(text: str) -> tuple[str, ...]:
    """Read `birthdays,write,...`, naming the unknown part when there is one."""
    parts = tuple(dict.fromkeys(p.strip().lower().replace("-", "_") for p in text.split(",") if p.strip()))
    for part in parts:
        if part not in INCLUDE_CHOICES:
            raise InvalidValue("--include", part, "is not one of " + ", ".join(INCLUDE_CHOICES))
    if not parts:
        raise InvalidValue("--include", text, "names nothing to export")
    return parts


def calendar_events(settings: Settings, db: Database, request: ExportRequest) -> list[CalendarEvent]:
    """Every event the export holds, from the store and the planner."""
    rules = plan_rules(settings, db, request.today, request.end)
    # Cards that moved on drop their done steps: a kept calendar loses those events on its next refresh.
    cards = CardRepository(db).between(request.today - timedelta(days=rules.horizon_days()), request.end)
    events = build_events(FriendRepository(db).subjects(), rules, request, settings.reminder_time, cards)
    if SESSIONS in request.include:
        events = sorted(events + session_events(settings, db, request), key=lambda e: (e.start, e.uid))
    return with_revisions(db, events, request.today)


def session_events(settings: Settings, db: Database, request: ExportRequest) -> list[CalendarEvent]:
    """The writing sessions from today to the horizon, each naming the letters placed in it."""
    if not keeps_sessions(settings, db):
        return []
    plan = plan_sessions(settings, db, request.today, request.end)
    events = {}
    for session in plan.sessions:
        if session.day <= request.end:
            event = session_event(session, plan.letters_in(session), session_text(plan, session))
            # A one-off session at the very time of a weekly one is the same sitting in a calendar.
            events.setdefault(event.uid, event)
    return list(events.values())


def build_events(
    subjects: Sequence[Subject], rules: PlanRules, request: ExportRequest, remind_at: time,
    cards: Mapping[CardKey, Card] | None = None,
) -> list[CalendarEvent]:
    """Recurring occasions (with the Mar-1 rules of Feb-29 ones kept on Mar 1) and the dated actions, by UID."""
    events: dict[str, CalendarEvent] = {}
    for subject in subjects:
        policy = subject.feb29 or rules.feb29_policy
        for occasion in subject.occasions:
            if wanted_occasion(occasion, request.include):
                more = mar1_events(subject, occasion) if needs_mar1_rules(occasion, policy) else []
                for event in (occasion_event(subject, occasion, policy), *more):
                    events.setdefault(event.uid, event)
    for event in _action_events(subjects, rules, request, remind_at, cards or {}):
        events.setdefault(event.uid, event)
    return sorted(events.values(), key=lambda e: (e.start, e.uid))


def _action_events(
    subjects: Sequence[Subject], rules: PlanRules, request: ExportRequest, remind_at: time,
    cards: Mapping[CardKey, Card],
) -> Iterable[CalendarEvent]:
    actions = {WRITE, POST, KEEP_IN_TOUCH} & set(request.include)
    if actions:
        for item in _items(subjects, rules, request.today, request.end, cards):
            if item.kind in actions:
                yield action_event(item, remind_at)


def _items(subjects: Sequence[Subject], rules: PlanRules, start: date, end: date,
           cards: Mapping[CardKey, Card]) -> list[AgendaItem]:
    # Only what falls inside the horizon: a calendar shows days, not what is overdue today.
    items = plan(subjects, rules, start, end, start, include_overdue=False, cards=cards)
    return [i for i in items if start <= i.date <= end]

