"""What the weekly review shows: open cards from before, the coming week with its sessions, supplies, the post."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from ritual.core.cards import OPEN, POSTED, SKIPPED, WRITTEN, CardKey
from ritual.core.planner import POST, WRITE, AgendaItem
from ritual.core.sessions import Session
from ritual.core.supplies import needed
from ritual.services.cards.steps import CardChange, card_step
from ritual.services.planning.week import WeekPlan, week
from ritual.settings.load import Settings
from ritual.store.database import Database
from ritual.store.supplies import SupplyRepository

# The one-key steps the review offers on an open card.
MARKS = {"w": WRITTEN, "p": POSTED, "s": SKIPPED}


@dataclass(frozen=True)
class ReviewCard:
    """One card in the review: its friend and occasion, and the step it waits for (write, or post)."""

    item: AgendaItem

    @property
    def key(self) -> CardKey:
        """Which card it is."""
        return CardKey(self.item.friend_id, self.item.occasion or "", self.item.occasion_date)

    @property
    def waits_for(self) -> str:
        """`write` or `post`."""
        return self.item.kind


@dataclass(frozen=True)
class WeeklyReview:
    """The review as of `today`: cards still open from before, the coming week, what it needs against what is on hand."""

    today: date
    plan: WeekPlan
    still_open: list[ReviewCard]
    coming: list[ReviewCard]
    sessions: dict[CardKey, Session] = field(default_factory=dict)
    need: Counter = field(default_factory=Counter)
    on_hand: dict[str, int] = field(default_factory=dict)
    # The friends (ids, once each) whose cards go in the post: late ones first, then the coming week's.
    to_post: list[int] = field(default_factory=list)


def review_week_day(today: date) -> date:
    """A day of the week the review looks at: on a Sunday the coming week is the next one, else this one."""
    return today + timedelta(days=1)


def weekly_review(settings: Settings, db: Database, today: date, plan: WeekPlan | None = None) -> WeeklyReview:
    """The review: on a Sunday the coming week is the next one; on any other day, the rest of this week.

    `plan` is that week planned as of `today` when the caller has it already (the app keeps the week it shows).
    """
    plan = plan or week(settings, db, review_week_day(today), today)
    open_items = [i for i in plan.items if i.overdue and _open_card(i)]
    ahead = [i for i in plan.items if not i.overdue and i.date >= today and _open_card(i)]
    sessions = {CardKey(task.friend_id, task.occasion or "", task.occasion_date): session
                for session in plan.session_plan.sessions for task in plan.letters_in(session)}
    return WeeklyReview(
        today=today,
        plan=plan,
        still_open=_one_per_card(open_items),
        coming=_one_per_card(ahead),
        sessions=sessions,
        need=needed(open_items + ahead, settings.home_country),
        on_hand=SupplyRepository(db).all(),
        to_post=list(dict.fromkeys(i.friend_id for i in open_items + ahead if i.kind == POST)),
    )


def mark(settings: Settings, db: Database, card: ReviewCard, key: str, today: date) -> CardChange:
    """Take the step a review key stands for (w written, p posted, s skipped) on the card, today."""
    item = card.item
    return card_step(settings, db, str(item.friend_id), item.occasion or "", MARKS[key], today,
                     occasion_date=item.occasion_date)


def _open_card(item: AgendaItem) -> bool:
    return item.kind in (WRITE, POST) and (item.card_status is None or item.card_status in OPEN)


def _one_per_card(items: list[AgendaItem]) -> list[ReviewCard]:
    """A card waiting to be written and posted appears once, as the write it waits for first."""
    cards: dict[CardKey, ReviewCard] = {}
    for item in sorted(items, key=lambda i: (i.date, i.kind != WRITE)):
        cards.setdefault(ReviewCard(item).key, ReviewCard(item))
    return list(cards.values())
