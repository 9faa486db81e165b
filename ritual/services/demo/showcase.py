"""The demo's showcase: a few demo friends placed around today, so this week and the next show every kind of item."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time, timedelta

from ritual.core.cards import Card
from ritual.core.dates import PartialDate, monday_of
from ritual.core.letters import Letter
from ritual.core.model import BIRTHDAY, Friend
from ritual.core.planner import PlanRules
from ritual.core.postal import post_by, write_by
from ritual.services.demo.build import demo_friends
from ritual.services.planning.agenda import plan_rules
from ritual.settings.load import Settings
from ritual.store.cards import CardRepository
from ritual.store.database import Database
from ritual.store.friends import FriendRepository
from ritual.store.letters import LetterRepository
from ritual.store.sessions import SessionDays

# The roles, in the order the first demo friends take them.
WRITE_NOW, POST_NOW, WRITE_NEXT, POST_NEXT, LATE, POSTED, REPLY = (
    "write this week", "post this week", "write next week", "post next week", "late", "posted", "reply owed",
)
ROLES = (WRITE_NOW, POST_NOW, WRITE_NEXT, POST_NEXT, LATE, POSTED, REPLY)
_SESSION_START = time(19, 0)
_SESSION_MINUTES = 60
# How far ahead a showcase birthday is looked for.
_SEARCH_DAYS = 70


def fill_demo(settings: Settings, db: Database, count: int, seed: int, today: date) -> int:
    """Add `count` demo friends, the first few placed around today, with a session, a letter to answer and a posted card."""
    rules = plan_rules(settings, db, today - timedelta(days=7), today + timedelta(days=_SEARCH_DAYS + 14))
    friends = demo_friends(count, seed, today)
    placed = {role: friend for role, friend in zip(ROLES, friends)}
    days = {role: _birthday_for(role, friend, rules, today) for role, friend in placed.items() if role != REPLY}
    shaped = [_with_birthday(f, days[r]) if days.get(r) else f for r, f in placed.items()]
    with db.transaction():
        stored = FriendRepository(db).add_many(shaped + friends[len(shaped):])
        by_role = dict(zip(placed, stored))
        _keep_steps(db, by_role, days, rules, today)
        _keep_sessions(db, by_role, days, rules, today)
    return len(stored)


def _birthday_for(role: str, friend: Friend, rules: PlanRules, today: date) -> date | None:
    """The nearest birthday from tomorrow on that gives `friend` the role's item this week or the next."""
    monday = monday_of(today)
    rest_of_week = (today, monday + timedelta(days=6))
    this_week = (monday, monday + timedelta(days=6))
    next_week = (monday + timedelta(days=7), monday + timedelta(days=13))
    transit = _transit(friend, rules)
    deadlines = lambda day: _deadlines(day, transit, rules)  # noqa: E731
    # Each role, with a second choice for the days the first cannot happen (on a Sunday nothing is posted).
    wanted: dict[str, tuple[Callable[[date], bool], ...]] = {
        WRITE_NOW: (lambda day: _within(deadlines(day)[1], rest_of_week),
                    lambda day: _within(deadlines(day)[1], this_week)),
        POST_NOW: (lambda day: _within(deadlines(day)[0], rest_of_week),
                   lambda day: _within(deadlines(day)[0], this_week)),
        WRITE_NEXT: (lambda day: _within(deadlines(day)[1], next_week),),
        POST_NEXT: (lambda day: _within(deadlines(day)[0], next_week),),
        LATE: (lambda day: deadlines(day)[0] < today,),
        # Posted on its post-by day, so it arrives in time.
        POSTED: (lambda day: deadlines(day)[0] < today and _within(day, (today + timedelta(days=1), next_week[1])),),
    }
    for choice in wanted[role]:
        found = next((day for day in _days_ahead(today) if choice(day)), None)
        if found is not None:
            return found
    return None


def _deadlines(day: date, transit: int, rules: PlanRules) -> tuple[date, date]:
    posted = post_by(day, transit, rules.mail)
    return posted, write_by(posted, rules.writing_lead_days)


def _within(day: date, span: tuple[date, date]) -> bool:
    return span[0] <= day <= span[1]


def _days_ahead(today: date):
    return (today + timedelta(days=n) for n in range(1, _SEARCH_DAYS))


def _with_birthday(friend: Friend, day: date) -> Friend:
    year = friend.birthday.year if friend.birthday and friend.birthday.year else None
    # A year that has this day (29 February needs a leap year).
    if year is not None and day.month == 2 and day.day == 29:
        year = 1988
    return friend._replace(birthday=PartialDate(day.month, day.day, year), birthday_card=True)


def _transit(friend: Friend, rules: PlanRules) -> int:
    return rules.transit.days(rules.home_country, friend.country or rules.home_country)


def _keep_steps(db: Database, by_role: dict[str, Friend], days: dict[str, date | None], rules: PlanRules,
                today: date) -> None:
    """The card to post is already written, one card is already posted, one letter waits for a reply."""
    cards = CardRepository(db)
    if days.get(POST_NOW):
        cards.save(Card(by_role[POST_NOW].id, BIRTHDAY, days[POST_NOW], written_on=today - timedelta(days=1)))
    if days.get(POSTED):
        posted = _deadlines(days[POSTED], _transit(by_role[POSTED], rules), rules)[0]
        cards.save(Card(by_role[POSTED].id, BIRTHDAY, days[POSTED], written_on=posted - timedelta(days=1),
                        posted_on=posted))
    if REPLY in by_role:
        # Received long enough ago that the gentle "waiting for your reply" shows this week.
        LetterRepository(db).add(Letter(by_role[REPLY].id, "received", today - timedelta(days=20), medium="card"))


def _keep_sessions(db: Database, by_role: dict[str, Friend], days: dict[str, date | None], rules: PlanRules,
                   today: date) -> None:
    """An evening writing session on this week's and next week's write-by days."""
    sessions = SessionDays(db)
    for role in (WRITE_NOW, WRITE_NEXT):
        if days.get(role):
            written_by = _deadlines(days[role], _transit(by_role[role], rules), rules)[1]
            sessions.add_extra(max(written_by, today), _SESSION_START, _SESSION_MINUTES)
