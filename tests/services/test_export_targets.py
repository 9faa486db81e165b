"""Kept-current `.ics` files on real files: written when the data changes, left alone when it does not."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta, timezone

import pytest

from ritual.core.dates import PartialDate
from ritual.core.model import Friend
from ritual.errors import SettingsError
from ritual.services.calendar.kept import CURRENT, FAILED, UNCHANGED, UPDATED, canonical, refresh_exports
from ritual.services.calendar.export import CALENDAR_NAME, ExportRequest, calendar_events
from ritual.services.calendar.render import render_calendar
from ritual.store.database import open_database
from ritual.store.export_targets import ExportTargetLog
from ritual.store.friends import FriendRepository
from tests.services.ics_homes import TODAY, hard_friends, open_home

NOW = datetime(2026, 11, 25, 9, 30, tzinfo=timezone.utc)


@pytest.fixture
def kept(tmp_path):
    """A home keeping one `.ics` file current, in a folder that does not exist yet."""
    target = tmp_path / "Sync" / "phone" / "ritual.ics"
    home = open_home(tmp_path / "home", f'export_ics_files = ["{target}"]\n', hard_friends())
    yield home, target
    home.db.close()


def refresh(home, now=NOW, today=TODAY, force=False):
    return refresh_exports(home.settings, home.db.path, now, today, force)


def stamp(path):
    """What changes when a file is written again, even with the same bytes."""
    info = path.stat()
    return info.st_ino, info.st_mtime_ns


def test_the_first_refresh_writes_what_export_ics_writes_privately(kept):
    home, target = kept
    [result] = refresh(home)
    assert result.outcome == UPDATED and "wrote" in result.detail
    request = ExportRequest(TODAY, home.settings.exports.include, home.settings.exports.years)
    assert target.read_bytes() == render_calendar(calendar_events(home.settings, home.db, request), CALENDAR_NAME)
    assert target.stat().st_mode & 0o777 == 0o600
    record = ExportTargetLog(home.db).get(f"file:{target}")
    assert record.refreshed_at == record.changed_at == NOW and record.events > 10 and record.last_error is None


def test_nothing_changed_means_nothing_built_and_nothing_written(kept):
    home, target = kept
    refresh(home)
    before = stamp(target)
    later = NOW + timedelta(hours=1)
    assert [r.outcome for r in refresh(home, later)] == [CURRENT]
    assert [r.outcome for r in refresh(home, later, force=True)] == [UNCHANGED]
    assert stamp(target) == before
    record = ExportTargetLog(home.db).get(f"file:{target}")
    assert record.refreshed_at == later and record.changed_at == NOW


def test_an_edit_rewrites_the_file_and_a_new_day_is_checked_again(kept):
    home, target = kept
    refresh(home)
    repo = FriendRepository(home.db)
    ana = repo.find("Ana Souza")
    repo.update(ana._replace(name="Ana Lima"))
    assert [r.outcome for r in refresh(home)] == [UPDATED]
    assert b"Ana Lima" in target.read_bytes() and b"Ana Souza" not in target.read_bytes()
    repo.add(Friend("Ivo New", birthday=PartialDate(4, 4)))
    assert [r.outcome for r in refresh(home)] == [UPDATED] and b"Ivo New" in target.read_bytes()
    assert [r.outcome for r in refresh(home)] == [CURRENT]
    assert [r.outcome for r in refresh(home, NOW + timedelta(days=1), TODAY + timedelta(days=1))] != [CURRENT]


def test_a_deleted_file_comes_back_at_the_next_check(kept):
    home, target = kept
    refresh(home)
    target.unlink()
    assert [r.outcome for r in refresh(home)] == [UPDATED] and target.exists()


def test_a_failure_is_recorded_said_once_and_cleared_by_the_next_success(kept, tmp_path):
    home, target = kept
    target.parent.parent.mkdir(parents=True)
    target.parent.write_text("a file where the folder should be")
    first, again = refresh(home)[0], refresh(home, NOW + timedelta(minutes=5))[0]
    assert first.outcome == again.outcome == FAILED
    assert first.new_error and not again.new_error
    record = ExportTargetLog(home.db).get(f"file:{target}")
    assert record.failing and record.refreshed_at is None and str(target.parent) in record.last_error
    target.parent.unlink()
    assert refresh(home, NOW + timedelta(minutes=10))[0].outcome == UPDATED
    record = ExportTargetLog(home.db).get(f"file:{target}")
    assert not record.failing and record.last_error, "the old error stays on record, older than the refresh"


def test_two_files_share_one_build_and_a_home_without_targets_does_nothing(tmp_path):
    one, two = tmp_path / "a.ics", tmp_path / "b.ics"
    home = open_home(tmp_path / "home", f'export_ics_files = ["{one}", "{two}", "{one}"]\n', hard_friends())
    assert [r.outcome for r in refresh(home)] == [UPDATED, UPDATED]
    assert one.read_bytes() == two.read_bytes()
    bare = open_home(tmp_path / "bare", friends=hard_friends())
    assert refresh(bare) == [] and ExportTargetLog(bare.db).all() == {}


def test_the_settings_fingerprint_ignores_set_order():
    assert canonical({"b": frozenset({"x", "y", "z"}), "a": (1, 2)}) == {"b": ["x", "y", "z"], "a": [1, 2]}


@pytest.mark.parametrize("line, problem", [
    ('export_ics_files = ["relative/ritual.ics"]', "full path"),
    ('export_ics_files = ["/tmp/ritual.txt"]', "end in .ics"),
    ('export_caldav_urls = ["dav.example/cal"]', "must start with https://"),
    ('export_include = ["birthdays", "cards"]', "export_include"),
    ("export_years = 0", "export_years"),
])
def test_mistakes_in_the_export_settings_name_the_key(tmp_path, line, problem):
    with pytest.raises(SettingsError, match=problem):
        open_home(tmp_path, line + "\n")


def test_urls_and_home_relative_files_are_read_as_meant(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    home = open_home(tmp_path / "home", 'export_ics_files = ["~/Sync/r.ics"]\nexport_caldav_urls = ["https://d.example/c"]\n')
    assert home.settings.exports.ics_files == (tmp_path / "Sync" / "r.ics",)
    assert home.settings.exports.caldav_urls == ("https://d.example/c/",)
    home.db.close()


def test_the_app_scheduler_keeps_the_file_current_and_an_edit_brings_the_check_forward(kept):
    from ritual.services.reminders.kept_calendars import EXPORT_JOB, add_export_job
    from ritual.services.reminders.jobs import start_app_reminders

    home, target = kept
    quiet = home.settings.reminders._replace(notifiers=("toast",), digest_weekday=None)
    settings = home.settings._replace(reminders=quiet)

    async def run():
        service = start_app_reminders(settings, home.db.path, lambda r, late: None, lambda: NOW, 60)
        assert service.scheduler.get_job(EXPORT_JOB) is not None
        add_export_job(service.scheduler, service.engine, first_delay=timedelta(0))
        for _ in range(100):
            if target.exists():
                break
            await asyncio.sleep(0.05)
        later = datetime.now(timezone.utc) + timedelta(seconds=60)
        assert service.scheduler.get_job(EXPORT_JOB).next_run_time > later
        service.refresh()
        assert service.scheduler.get_job(EXPORT_JOB).next_run_time < later
        service.stop()
        await asyncio.sleep(0.05)

    asyncio.run(run())
    assert b"Ana Souza" in target.read_bytes()


def test_no_targets_means_no_export_job_and_no_extra_wake_ups(tmp_path):
    from apscheduler.schedulers.background import BackgroundScheduler

    from ritual.services.reminders.notifiers import NotifierChain
    from ritual.services.reminders.engine import ReminderEngine
    from ritual.services.reminders.kept_calendars import add_export_job

    home = open_home(tmp_path / "home")
    engine = ReminderEngine(home.settings, home.db.path, NotifierChain([]), now=lambda: NOW)
    scheduler = BackgroundScheduler()
    assert add_export_job(scheduler, engine) is False and scheduler.get_jobs() == []


def test_the_daemon_builds_in_a_child_process_and_only_when_something_is_stale(kept):
    import sys

    from ritual.services.reminders.notifiers import NotifierChain
    from ritual.services.reminders.engine import ReminderEngine
    from ritual.services.reminders.kept_calendars import ChildRefresh, export_job

    home, target = kept
    # As in the daemon, no connection stays open while the child works: a second open_database in a process that
    # holds one drops its SQLite locks, and the child would then delete the WAL under it.
    home.db.close()
    engine = ReminderEngine(home.settings, home.db.path, NotifierChain([]), now=lambda: NOW, zone=timezone.utc)
    child = ChildRefresh([sys.executable, "-m", "ritual", "--home", str(home.root), "--today", TODAY.isoformat(),
                          "export", "refresh"])
    calls = []

    def runner():
        calls.append(1)
        child()

    export_job(engine, runner)
    assert calls == [1] and b"Ana Souza" in target.read_bytes() and child.last_failure == ""
    export_job(engine, runner)
    assert calls == [1], "nothing changed: no child process"
    db = open_database(home.db.path)
    FriendRepository(db).add(Friend("Ivo New", birthday=PartialDate(4, 4)))
    db.close()
    export_job(engine, runner)
    assert calls == [1, 1] and b"Ivo New" in target.read_bytes()
