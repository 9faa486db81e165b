"""APScheduler around the reminder engine: the same jobs for the open app and for `ritual daemon`."""

from __future__ import annotations

import logging
import signal
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from ritual.services.reminders.notifiers import Toast
from ritual.services.reminders.notify_setup import build_notifiers
from ritual.clock import utc_now
from ritual.services.reminders.engine import Now, ReminderEngine
from ritual.services.reminders.kept_calendars import ChildRefresh, add_export_job, export_soon
from ritual.services.reminders.kept_contacts import add_contacts_job, contacts_soon
from ritual.paths import Paths
from ritual.services.reminders.settings_source import SettingsSource
from ritual.settings.load import Settings
from ritual.store.database import open_database

log = logging.getLogger("ritual.reminders")

HEARTBEAT_SECONDS = 60
# Exact-time jobs are kept for this far ahead; the daily rebuild and the heartbeat cover the rest.
LOOKAHEAD = timedelta(hours=36)
_PREFIX = "reminder:"
# A missed run is never dropped (the library's default grace of 1 s would lose reminders slept through),
# and a backlog of missed runs collapses into one.
JOB_DEFAULTS = {"misfire_grace_time": None, "coalesce": True, "max_instances": 1}


def add_reminder_jobs(scheduler, engine: ReminderEngine, heartbeat_seconds: float = HEARTBEAT_SECONDS,
                      export_runner: Callable[[], None] | None = None) -> None:
    """The first round right away (the catch-up, then today's exact jobs), the heartbeat, the rebuild after
    midnight, exports and the contacts sync."""
    from apscheduler.triggers.cron import CronTrigger
    from apscheduler.triggers.interval import IntervalTrigger

    # Both halves of the first round read the whole plan; one job in a worker thread keeps them off the app's
    # first frame and from competing with each other.
    scheduler.add_job(first_round, args=(scheduler, engine), id="first-round", next_run_time=utc_now())
    # Timers do not count time spent suspended; the heartbeat re-checks what is due after a wake.
    scheduler.add_job(engine.deliver_due, IntervalTrigger(seconds=heartbeat_seconds), id="heartbeat",
                      replace_existing=True)
    scheduler.add_job(schedule_exact_jobs, CronTrigger(hour=0, minute=1, timezone=engine.zone()),
                      args=(scheduler, engine), id="rebuild", replace_existing=True)
    add_export_job(scheduler, engine, runner=export_runner)
    add_contacts_job(scheduler, engine)


def first_round(scheduler, engine: ReminderEngine) -> None:
    """Deliver what is due (the catch-up), then schedule the exact jobs ahead."""
    engine.deliver_due()
    schedule_exact_jobs(scheduler, engine)


def schedule_exact_jobs(scheduler, engine: ReminderEngine) -> int:
    """Replace the one-off jobs with one per moment a reminder falls due in the look-ahead; returns how many.

    One job per moment, not per reminder: each round delivers everything due, and 10,000 friends share a few
    reminder times, so a job per reminder would repeat the same round hundreds of times at 09:00.
    """
    from apscheduler.triggers.date import DateTrigger

    for job in scheduler.get_jobs():
        if job.id.startswith(_PREFIX):
            job.remove()
    now = engine.now()
    db = open_database(engine.db_path)
    try:
        coming = [r for r in engine.upcoming(db, now, LOOKAHEAD.days + 1) if r.due <= now + LOOKAHEAD]
    finally:
        db.close()
    # The scheduler counts real time; an engine on a running clock started elsewhere is that far ahead (or behind).
    ahead = getattr(engine.now, "ahead", timedelta(0))
    # One job a moment, not one a reminder: 10,000 friends share a few reminder times.
    moments = sorted({r.due for r in coming})
    for due in moments:
        scheduler.add_job(engine.deliver_due, DateTrigger(due - ahead), id=_PREFIX + due.isoformat(),
                          replace_existing=True)
    log.info("reminders rebuilt: %d due at %d moments in the next %d hours", len(coming), len(moments),
             LOOKAHEAD.total_seconds() // 3600)
    return len(moments)


def new_scheduler(kind: str, engine: ReminderEngine):
    """A blocking (daemon) or asyncio (app) scheduler with the job defaults reminders need."""
    if kind == "blocking":
        from apscheduler.schedulers.blocking import BlockingScheduler as Scheduler
    else:
        from apscheduler.schedulers.asyncio import AsyncIOScheduler as Scheduler
    return Scheduler(job_defaults=JOB_DEFAULTS, timezone=engine.zone())


@dataclass
class ReminderService:
    """A running engine inside the app: refresh it after edits, stop it on unmount."""

    engine: ReminderEngine
    scheduler: object

    def refresh(self) -> None:
        """Rebuild the exact jobs from the data (after the user changed friends or occasions); soon the exports and
        the contacts sync."""
        schedule_exact_jobs(self.scheduler, self.engine)
        export_soon(self.scheduler)
        contacts_soon(self.scheduler)

    def stop(self) -> None:
        """Stop the scheduler without waiting for a running delivery."""
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)


class _QuietWhenClosing(logging.Filter):
    """Drops the traceback of a job cut off because the app closed mid-run: no error, and it would land on the
    terminal the user returns to."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Keep every record but a cancelled job's."""
        import asyncio

        return not (record.exc_info and isinstance(record.exc_info[1], asyncio.CancelledError))


def quiet_when_closing() -> None:
    """Keep the app's scheduler from printing a cancelled job's traceback when the app quits (set up once)."""
    executor_log = logging.getLogger("apscheduler.executors.default")
    if not any(isinstance(f, _QuietWhenClosing) for f in executor_log.filters):
        executor_log.addFilter(_QuietWhenClosing())


def start_app_reminders(settings: Settings, db_path: Path, toast: Toast, now: Now = utc_now,
                        heartbeat_seconds: float = HEARTBEAT_SECONDS, paths: Paths | None = None) -> ReminderService:
    """Start reminders in a running asyncio loop (call from the app's on_mount); `toast` runs in a worker thread.

    With `paths`, settings saved while the app runs (the welcome's country, an edited config.toml) count at once.
    """
    engine = ReminderEngine(settings, db_path, build_notifiers(settings, toast=toast), now)
    engine.follow(SettingsSource(settings, paths), lambda fresh: build_notifiers(fresh, toast=toast))
    quiet_when_closing()
    scheduler = new_scheduler("asyncio", engine)
    add_reminder_jobs(scheduler, engine, heartbeat_seconds)
    scheduler.start()
    return ReminderService(engine, scheduler)


class _Stopped(Exception):
    """SIGTERM arrived."""


def _on_sigterm(signum, frame) -> None:
    raise _Stopped


def run_daemon(engine: ReminderEngine, heartbeat_seconds: float = HEARTBEAT_SECONDS,
               export_command: list[str] | None = None) -> None:
    """Run in the foreground until Ctrl-C or SIGTERM, then stop cleanly; exports are built by `export_command`."""
    scheduler = new_scheduler("blocking", engine)
    add_reminder_jobs(scheduler, engine, heartbeat_seconds, ChildRefresh(export_command) if export_command else None)
    previous = signal.signal(signal.SIGTERM, _on_sigterm)
    log.info("ritual daemon started")
    try:
        scheduler.start()
    except (KeyboardInterrupt, _Stopped):
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        if scheduler.running:
            scheduler.shutdown(wait=False)
        log.info("ritual daemon stopped")
