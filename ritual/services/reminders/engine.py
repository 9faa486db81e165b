"""The reminder engine: reminders from the planner, delivered once through the notifiers, recorded in the store."""

from __future__ import annotations

import logging
import os
import socket
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path

from ritual.core.planner import KEEP_IN_TOUCH
from ritual.core.catch_up import needs_summary, summarise
from ritual.core.reminders import DIGEST, Reminder, derive, session_reminders, with_uncertain
from ritual.services.reminders.gentle import first_use, first_use_so_far, invitations_allowed
from ritual.services.reminders.notifiers import NotifierChain
from ritual.services.planning.agenda import agenda
from ritual.services.planning.sessions import keeps_sessions, plan_sessions
from ritual.services.reminders.settings_source import SettingsSource
from ritual.settings.load import Settings
from ritual.store.database import Database, open_database
from ritual.store.deliveries import INTERRUPTED, DeliveryLog
from ritual.store.mutes import Mutes
from ritual.clock import utc_now

log = logging.getLogger("ritual.reminders")

# Delivered this long after its time, a reminder says so.
LATE_AFTER = timedelta(minutes=10)
# The digest needs the week after the last reminder day.
_DIGEST_REACH = timedelta(days=7)

Now = Callable[[], datetime]


class RunningClock:
    """A clock that reads `start` now and then runs at the real pace (to rehearse a day's reminders)."""

    def __init__(self, start: datetime, real: Now = utc_now) -> None:
        self.real = real
        self.ahead = start - real()  # how far this clock is from the real one, which schedulers count in

    def __call__(self) -> datetime:
        """The moment on this clock."""
        return self.real() + self.ahead


def running_from(start: datetime, real: Now = utc_now) -> RunningClock:
    """The clock `ritual daemon --now` runs on."""
    return RunningClock(start, real)


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
        self._source: SettingsSource | None = None
        self._notifiers_for: Callable[[Settings], NotifierChain] | None = None

    def follow(self, source: SettingsSource, notifiers_for: Callable[[Settings], NotifierChain]) -> None:
        """From now on, take up settings changed in the files at the next round, notifiers included."""
        self._source, self._notifiers_for = source, notifiers_for

    def _take_up_settings(self) -> None:
        """The settings of this round: a changed home country, reminder time or notifier counts at once."""
        if self._source is None:
            return
        fresh = self._source.current()
        if fresh is not self.settings:
            self.settings = fresh
            self.notifiers = self._notifiers_for(fresh)

    def zone(self) -> tzinfo:
        """The zone of this round."""
        return self._zone or local_zone(self.settings.reminders.timezone)

    def reminders(self, db: Database, first: date, last: date, today: date) -> list[Reminder]:
        """Every reminder on days in [first, last], muted friends left out."""
        self._take_up_settings()
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
        # An invitation never goes stale: it waits for its one delivery however long ago the friend became due.
        due = [r for r in found if (now - window <= r.due or r.kind == KEEP_IN_TOUCH) and r.due <= now
               and (r.ends is None or now < r.ends)]
        record = DeliveryLog(db, self.owner)
        done = record.delivered_keys([r.key for r in due])
        waiting = [r for r in due if r.key not in done]
        return invitations_allowed(db, record, waiting, now, zone, self.settings.reminders.keep_in_touch_repeat_days)

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
        """One round: deliver every pending reminder once, oldest first; safe to call from any thread.

        More than a few at once (after a long absence, an import, the demo) go out as one summary.
        """
        with self._lock:
            self._take_up_settings()
            now = self.now()
            db = open_database(self.db_path)
            try:
                since = first_use(db, now)
                if self.quiet_now(now):
                    return []
                self._settle_interrupted(db, now)
                claimed = [(r, self._late(r, now, since)) for r in self.pending(db, now)]
                record = DeliveryLog(db, self.owner)
                claimed = [(r, late) for r, late in claimed
                           if record.claim(r.key, r.kind, r.friend_id, r.due, now, late)]
                if needs_summary([r for r, _ in claimed]):
                    return self._deliver_summary(record, claimed, now)
                return [self._deliver(record, r, late, now) for r, late in claimed]
            finally:
                db.close()

    def lateness(self, db: Database, reminders: list[Reminder], now: datetime) -> list[bool]:
        """Whether each reminder would go out late now (for a dry run: records nothing)."""
        since = first_use_so_far(db) or now
        return [self._late(r, now, since) for r in reminders]

    @staticmethod
    def _late(reminder: Reminder, now: datetime, since: datetime) -> bool:
        # Nothing from before the first round was missed; an invitation has no time to be late for.
        return reminder.kind != KEEP_IN_TOUCH and reminder.due >= since and now - reminder.due > LATE_AFTER

    def _settle_interrupted(self, db: Database, now: datetime) -> None:
        """Claims left by a process killed mid-delivery become uncertain, said once in the log."""
        record = DeliveryLog(db, self.owner)
        if record.settle_interrupted(now):
            for gone in record.uncertain(unreported_only=True):
                log.warning("reminder %s: %s; it is not sent again (see `ritual remind --status`)", gone.key,
                            INTERRUPTED)

    def _deliver(self, record: DeliveryLog, reminder: Reminder, late: bool, now: datetime) -> Outcome:
        # The weekly digest also names, once, any reminder whose delivery was interrupted.
        told = record.uncertain(unreported_only=True) if reminder.kind == DIGEST else []
        if told:
            reminder = with_uncertain(reminder, [(u.key, u.due_at.astimezone(self.zone())) for u in told])
        notifier = self.notifiers.deliver(reminder, late)
        self._record([reminder], record, notifier, now)
        if notifier is not None:
            record.mark_reported([u.key for u in told], now)
        return Outcome(reminder, late, notifier)

    def _deliver_summary(self, record: DeliveryLog, claimed: list[tuple[Reminder, bool]], now: datetime) -> list[Outcome]:
        reminders = [r for r, _ in claimed]
        summary = summarise(reminders, now.astimezone(self.zone()), away=any(late for _, late in claimed))
        notifier = self.notifiers.deliver(summary, False)
        self._record(reminders, record, notifier, now)
        return [Outcome(r, late, notifier) for r, late in claimed]

    @staticmethod
    def _record(reminders: list[Reminder], record: DeliveryLog, notifier: str | None, now: datetime) -> None:
        for reminder in reminders:
            if notifier is None:
                record.mark_failed(reminder.key, "no notifier could deliver it")
            else:
                record.mark_delivered(reminder.key, notifier, now)
                log.info("reminder %s delivered by %s", reminder.key, notifier)
