"""The gentle rules around delivery: keep-in-touch at most twice, nothing late from before the home's first use."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time, timezone, tzinfo

from ritual.core.planner import KEEP_IN_TOUCH
from ritual.core.reminders import Reminder, invitation_allowed
from ritual.errors import RitualError
from ritual.store.database import Database
from ritual.store.deliveries import DeliveryLog
from ritual.store.friends import FriendRepository
from ritual.store.meta import Meta

# The first moment reminders ran in this home: what was due before it was never missed, so never "late".
FIRST_USE_KEY = "reminders_first_round"


def first_use(db: Database, now: datetime) -> datetime:
    """When reminders first ran here (this round, the first time)."""
    return datetime.fromisoformat(Meta(db).keep_first(FIRST_USE_KEY, now.astimezone(timezone.utc).isoformat()))


def first_use_so_far(db: Database) -> datetime | None:
    """When reminders first ran here, or None before their first round."""
    kept = Meta(db).get(FIRST_USE_KEY)
    return datetime.fromisoformat(kept) if kept else None


def invitations_allowed(db: Database, record: DeliveryLog, due: Sequence[Reminder], now: datetime,
                        zone: tzinfo, repeat_days: int) -> list[Reminder]:
    """`due` without the keep-in-touch suggestions that would come too soon or once too often."""
    kept, invited = [], set()
    for reminder in due:
        if reminder.kind != KEEP_IN_TOUCH:
            kept.append(reminder)
        elif reminder.friend_id not in invited and _may_invite(db, record, reminder, now, zone, repeat_days):
            # One suggestion per friend per round, even when an invitation and its reminder are both due.
            invited.add(reminder.friend_id)
            kept.append(reminder)
    return kept


def _may_invite(db: Database, record: DeliveryLog, reminder: Reminder, now: datetime, zone: tzinfo,
                repeat_days: int) -> bool:
    since = _last_letter(db, reminder.friend_id, zone)
    return invitation_allowed(record.keep_in_touch_times(reminder.friend_id), since, now, repeat_days)


def _last_letter(db: Database, friend_id: int | None, zone: tzinfo) -> datetime | None:
    try:
        last = FriendRepository(db).get(friend_id).last_letter if friend_id else None
    except RitualError:
        return None
    return datetime.combine(last, time(0), zone) if last else None
