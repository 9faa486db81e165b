"""Kept-current calendars inside the running scheduler: a periodic check, brought forward after an edit.

The check itself is cheap (a digest of the store compared with the one recorded). The build is not: for
10,000 friends it holds tens of megabytes for a few seconds, which a long-running daemon would keep as
resident memory afterwards. So the daemon hands the build to a short-lived `ritual export refresh` process;
the app, already holding its screens, builds in a worker thread.
"""

from __future__ import annotations

import logging
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from ritual.clock import utc_now
from ritual.services.reminders.engine import ReminderEngine

log = logging.getLogger("ritual.reminders")

# Checked this often, first a little after start (so the app can draw first), and soon after an edit.
EXPORT_CHECK_SECONDS = 300
EXPORT_START_DELAY = timedelta(seconds=20)
EXPORT_AFTER_EDIT = timedelta(seconds=3)
EXPORT_JOB = "exports"
CHILD_TIMEOUT = 600


def add_export_job(scheduler, engine: ReminderEngine, every_seconds: float = EXPORT_CHECK_SECONDS,
                   first_delay: timedelta = EXPORT_START_DELAY, runner: Callable[[], None] | None = None) -> bool:
    """Keep the settings' export targets current; False (and no job, no wake-ups) when there are none."""
    from apscheduler.triggers.interval import IntervalTrigger

    if not engine.settings.exports.any:
        return False
    scheduler.add_job(export_job, IntervalTrigger(seconds=every_seconds), args=(engine, runner), id=EXPORT_JOB,
                      next_run_time=utc_now() + first_delay, replace_existing=True)
    return True


def export_soon(scheduler) -> None:
    """Bring the next check forward; moving the job (not adding one) lets a burst of edits cost one export."""
    if scheduler.get_job(EXPORT_JOB) is not None:
        scheduler.modify_job(EXPORT_JOB, next_run_time=utc_now() + EXPORT_AFTER_EDIT)


def refresh_exports_now(engine: ReminderEngine) -> list:
    """One check of every export target, on the engine's clock; the new day is part of what is compared."""
    from ritual.services.calendar.kept import refresh_exports

    now = engine.now()
    return refresh_exports(engine.settings, engine.db_path, now, now.astimezone(engine.zone()).date())


def export_job(engine: ReminderEngine, runner: Callable[[], None] | None = None) -> None:
    """The scheduled check: in this process, or through `runner` when a target needs building."""
    from ritual.services.calendar.kept import FAILED, UPDATED, stale_targets

    if runner is not None:
        if stale_targets(engine.settings, engine.db_path, engine.now().astimezone(engine.zone())):
            runner()
        return
    for result in refresh_exports_now(engine):
        if result.outcome == FAILED and result.new_error:
            log.warning("could not refresh %s: %s", result.target.location, result.detail)
        elif result.outcome == UPDATED:
            log.info("refreshed %s: %s", result.target.location, result.detail)


@dataclass
class ChildRefresh:
    """Runs `ritual export refresh` in its own process and logs what it said, each failure once."""

    command: list[str]
    last_failure: str = ""

    def __call__(self) -> None:
        """Refresh now, in a child process."""
        try:
            done = subprocess.run(self.command, capture_output=True, text=True, timeout=CHILD_TIMEOUT, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            done = subprocess.CompletedProcess(self.command, 1, "", f"export refresh could not run: {exc}")
        for line in done.stdout.splitlines():
            log.info("export: %s", line)
        failure = done.stderr.strip()
        if failure and failure != self.last_failure:
            log.warning("export: %s", failure)
        self.last_failure = failure
