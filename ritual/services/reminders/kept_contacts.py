"""The contacts sync inside the running scheduler (app and daemon): a periodic pass, brought forward after an edit.

A pass over an unchanged vdir only hashes the files and compares, so it runs in-process; each new error is
logged once, and a refused mass removal waits for the user (`ritual sync contacts --force`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta

from ritual.clock import utc_now
from ritual.errors import RitualError
from ritual.services.reminders.engine import ReminderEngine
from ritual.store.database import open_database

log = logging.getLogger("ritual.reminders")

CONTACTS_CHECK_SECONDS = 300
CONTACTS_START_DELAY = timedelta(seconds=15)
CONTACTS_AFTER_EDIT = timedelta(seconds=3)
CONTACTS_JOB = "contacts"


@dataclass
class ContactsPass:
    """One sync of every configured folder, remembering the last failure so each is said once."""

    engine: ReminderEngine
    last_failure: str = ""

    def __call__(self) -> list:
        """Sync now; returns the folder reports (none when it failed)."""
        from ritual.services.contacts.vdir_run import sync_all

        db = open_database(self.engine.db_path)
        try:
            reports = sync_all(db, self.engine.settings.contacts, self.engine.now())
        except (RitualError, OSError) as exc:
            failure = exc.message if isinstance(exc, RitualError) else f"{exc.filename or ''}: {exc.strerror}"
            if failure != self.last_failure:
                log.warning("contacts sync: %s", failure)
            self.last_failure = failure
            return []
        finally:
            db.close()
        self.last_failure = ""
        for report in reports:
            if report.changed:
                log.info("contacts synced with %s", report.folder)
        return reports


def add_contacts_job(scheduler, engine: ReminderEngine, every_seconds: float = CONTACTS_CHECK_SECONDS,
                     first_delay: timedelta = CONTACTS_START_DELAY) -> bool:
    """Keep the contacts folders in step; False (and no job) when none is configured."""
    from apscheduler.triggers.interval import IntervalTrigger

    if not engine.settings.contacts.any:
        return False
    scheduler.add_job(ContactsPass(engine), IntervalTrigger(seconds=every_seconds), id=CONTACTS_JOB,
                      next_run_time=utc_now() + first_delay, replace_existing=True)
    return True


def contacts_soon(scheduler) -> None:
    """Bring the next pass forward after an edit in ritual; a burst of edits costs one pass."""
    if scheduler.get_job(CONTACTS_JOB) is not None:
        scheduler.modify_job(CONTACTS_JOB, next_run_time=utc_now() + CONTACTS_AFTER_EDIT)
