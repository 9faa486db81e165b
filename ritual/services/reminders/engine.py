"""The reminder engine: reminders from the planner, delivered once through the notifiers, recorded in the store."""

from __future__ import annotations

import logging
import os
import socket
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone, tzinfo
from pathlib import Path

from ritual.core.planner import KEEP_IN_TOUCH
from ritual.core.reminders import Reminder, derive, session_reminders
from ritual.services.reminders.notifiers import NotifierChain
from ritual.services.planning.agenda import agenda
from ritual.services.planning.sessions import keeps_sessions, plan_sessions
from ritual.settings.load import Settings
from ritual.store.database import Database, open_database
from ritual.store.deliveries import DeliveryLog, Mutes
from ritual.clock import utc_now

log = logging.getLogger("ritual.reminders")

# Delivered this long after its time, a reminder says so.
LATE_AFTER = timedelta(minutes=10)
# Keep-in-touch suggestions for one friend come at most this often, whatever the data does meanwhile.
KEEP_IN_TOUCH_GAP = timedelta(days=6)
# The digest needs the week after the last reminder day.
_DIGEST_REACH = timedelta(days=7)

Now = Callable[[], datetime]


def local_zone(name: str = "") -> tzinfo:
    """The zone reminder times are read in: the configured one, or the machine's as it is right now."""
    from zoneinfo import ZoneInfo

    if name:
        return ZoneInfo(name)
    import tzlocal

    # Re-read each time, so a machine that moved to another time zone is followed without a restart.
    return tzlocal.reload_localzone()


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one due reminder in a round."""

    reminder: Reminder
    late: bool
    notifier: str | None


def process_owner() -> str:
    """A name for this process in the deliveries table."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class ReminderEngine:
    """Derives reminders and delivers the due ones; each round opens its own connection (jobs run in threads)."""

    def __init__(self, settings: Settings, db_path: Path, notifiers: NotifierChain,
                 now: Now = utc_now, zone: tzinfo | None = None, owner: str | None = None) -> None:
        self.settings = settings
        self.db_path = db_path
        self.notifiers = notifiers
        self.now = now
        self._zone = zone
        self.owner = owner or process_owner()
        self._lock = threading.Lock()

    def zone(self) -> tzinfo:
        """The zone of this round."""
        return self._zone or local_zone(self.settings.reminders.timezone)

    def reminders(self, db: Database, first: date, last: date, today: date) -> list[Reminder]:
        """Every reminder on days in [first, last], muted friends left out."""
        rules = self.settings.reminders.rules(self.settings.reminder_time, Mutes(db).ids())
        items = agenda(self.settings, db, first, last + _DIGEST_REACH, today, include_overdue=True)
        found = derive(items, rules, self.zone(), first, last)
        if not keeps_sessions(self.settings, db) or last < today:
            return found
        plan = plan_sessions(self.settings, db, today, last, items, last + _DIGEST_REACH)
        return sorted(found + session_reminders(plan, rules, self.zone(), first, last), key=lambda r: (r.due, r.key))

    def pending(self, db: Database, now: datetime) -> list[Reminder]:
        """Reminders due by `now` within the catch-up window and not yet delivered, oldest first."""
        zone = self.zone()
        today = now.astimezone(zone).date()
        window = timedelta(days=self.settings.reminders.catch_up_days)
        found = self.reminders(db, (now - window).astimezone(zone).date(), today, today)
        due = [r for r in found if now - window <= r.due <= now and (r.ends is None or now < r.ends)]
        done = DeliveryLog(db, self.owner).delivered_keys([r.key for r in due])
        return [r for r in due if r.key not in done]

    def upcoming(self, db: Database, now: datetime, days: int) -> list[Reminder]:
        """Reminders still to come in the next `days` days."""
        today = now.astimezone(self.zone()).date()
        found = self.reminders(db, today, today + timedelta(days=days), today)
        return [r for r in found if r.due > now]

    def quiet_now(self, now: datetime) -> bool:
        """True inside the quiet hours, when nothing is delivered."""
        quiet = self.settings.reminders.quiet
        return quiet is not None and quiet.holds(now.astimezone(self.zone()).time())

    def deliver_due(self) -> list[Outcome]:
        """One round: deliver every pending reminder once, oldest first; safe to call from any thread."""
        with self._lock:
            now = self.now()
            if self.quiet_now(now):
                return []
            db = open_database(self.db_path)
            try:
                return [o for r in self.pending(db, now) if (o := self._deliver(db, r, now)) is not None]
            finally:
                db.close()

    def _deliver(self, db: Database, reminder: Reminder, now: datetime) -> Outcome | None:
        record = DeliveryLog(db, self.owner)
        if reminder.kind == KEEP_IN_TOUCH and self._suggested_lately(record, reminder, now):
            return None
        late = now - reminder.due > LATE_AFTER
        if not record.claim(reminder.key, reminder.kind, reminder.friend_id, reminder.due, now, late):
            return None
        notifier = self.notifiers.deliver(reminder, late)
        if notifier is None:
            record.mark_failed(reminder.key, "no notifier could deliver it")
        else:
            record.mark_delivered(reminder.key, notifier, now)
            log.info("reminder %s delivered by %s%s", reminder.key, notifier, " (late)" if late else "")
        return Outcome(reminder, late, notifier)

    @staticmethod
    def _suggested_lately(record: DeliveryLog, reminder: Reminder, now: datetime) -> bool:
        last = record.last_keep_in_touch(reminder.friend_id)
        return last is not None and now - last < KEEP_IN_TOUCH_GAP

