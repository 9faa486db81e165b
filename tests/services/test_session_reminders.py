"""Reminders at the start of writing sessions: once, naming whom to write, never long after the session ended."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from ritual.core.dates import PartialDate
from ritual.core.model import Friend
from ritual.core.reminders import QuietHours, ReminderRules, session_reminders
from ritual.core.sessions import SESSION, LetterTask, Session, SessionPlan
from ritual.paths import Paths
from ritual.services.reminders.notifiers import NotifierChain, ToastNotifier
from ritual.services.reminders.engine import ReminderEngine
from ritual.services.reminders.jobs import schedule_exact_jobs
from ritual.settings.load import load_settings
from ritual.store.database import open_database
from ritual.store.friends import FriendRepository
from ritual.store.sessions import SessionDays
from tests.services.clocks import Moment

BERLIN = ZoneInfo("Europe/Berlin")
SUNDAY = date(2026, 11, 29)
START = datetime(2026, 11, 29, 10, 0, tzinfo=BERLIN)


@pytest.fixture
def home(tmp_path):
    """Ana's birthday in early December and a writing session every Sunday at 10:00."""
    paths = Paths.under(tmp_path / "home")
    paths.config_dir.mkdir(parents=True)
    paths.config_file.write_text('writing_sessions = ["sun 10:00 60"]\n', encoding="utf-8")
    db = open_database(paths.database)
    FriendRepository(db).add(Friend(name="Ana", birthday=PartialDate(12, 10, 1990)))
    db.close()
    settings = load_settings(paths)
    return paths, settings._replace(reminders=settings.reminders._replace(digest_weekday=None))


def engine(home, clock, received):
    paths, settings = home
    chain = NotifierChain([ToastNotifier(lambda r, late: received.append((r.key, late, r.body)))])
    return ReminderEngine(settings, paths.database, chain, now=clock, zone=BERLIN)


def upcoming_sessions(home, clock):
    db = open_database(home[0].database)
    try:
        return [r for r in engine(home, clock, []).upcoming(db, clock(), 14) if r.kind == SESSION]
    finally:
        db.close()


def test_each_session_reminds_at_its_start_with_a_stable_key_naming_whom_to_write(home):
    clock = Moment(datetime(2026, 11, 27, 12, 0, tzinfo=BERLIN))
    found = upcoming_sessions(home, clock)
    assert [r.key for r in found] == ["session/-/-/2026-11-29T10:00", "session/-/-/2026-12-06T10:00"]
    first = found[0]
    assert first.due == START and first.ends == START + timedelta(minutes=60)
    assert "letters to Ana" in first.body and first.title == "Your writing session is starting"
    assert "no letter due" in found[1].body


def test_a_session_reminder_is_delivered_once(home):
    clock = Moment(START + timedelta(seconds=5))
    received = []
    assert [o.reminder.key for o in engine(home, clock, received).deliver_due()] == ["session/-/-/2026-11-29T10:00"]
    clock.value += timedelta(minutes=2)
    assert engine(home, clock, received).deliver_due() == []
    assert [(key, late) for key, late, _ in received] == [("session/-/-/2026-11-29T10:00", False)]


def test_woken_during_a_session_it_still_comes_gently_late(home):
    clock = Moment(START - timedelta(hours=1))
    received = []
    engine(home, clock, received).deliver_due()  # the engine ran before the computer went to sleep
    clock.value = START + timedelta(minutes=40)
    engine(home, clock, received).deliver_due()
    assert [(key, late) for key, late, _ in received if key.startswith("session")] == [("session/-/-/2026-11-29T10:00", True)]


def test_after_the_session_ended_its_missed_reminder_stays_unsent(home):
    clock = Moment(START + timedelta(minutes=61))
    received = []
    db = open_database(home[0].database)
    derived = [r.key for r in engine(home, clock, received).reminders(db, SUNDAY, SUNDAY, SUNDAY)]
    db.close()
    assert "session/-/-/2026-11-29T10:00" in derived
    assert engine(home, clock, received).deliver_due() == [] and received == []


def test_a_skipped_day_and_a_one_off_session_change_the_reminders(home):
    db = open_database(home[0].database)
    SessionDays(db).add_skip(SUNDAY)
    SessionDays(db).add_extra(date(2026, 12, 1), time(19, 30), 30)
    db.close()
    keys = [r.key for r in upcoming_sessions(home, Moment(datetime(2026, 11, 27, 12, 0, tzinfo=BERLIN)))]
    assert keys == ["session/-/-/2026-12-01T19:30", "session/-/-/2026-12-06T10:00"]


def test_the_app_and_daemon_schedule_an_exact_job_at_the_session_start(home):
    class Jobs:
        def __init__(self):
            self.added = []

        def get_jobs(self):
            return []

        def add_job(self, func, trigger, id, replace_existing):
            self.added.append((id, trigger.run_date))

    jobs = Jobs()
    schedule_exact_jobs(jobs, engine(home, Moment(START - timedelta(hours=2)), []))
    assert (f"reminder:{START.isoformat()}", START) in jobs.added


def test_sessions_in_the_quiet_hours_are_not_announced():
    late = Session(SUNDAY, time(22, 30), 45)
    early = Session(SUNDAY, time(9, 0), 45)
    task = LetterTask(1, "Ana", "birthday", date(2026, 12, 10), date(2026, 12, 6), 20)
    plan = SessionPlan([early, late], {early: [task]})
    rules = ReminderRules(quiet=QuietHours(time(22, 0), time(8, 0)))
    found = session_reminders(plan, rules, BERLIN, SUNDAY, SUNDAY)
    assert [r.key for r in found] == ["session/-/-/2026-11-29T09:00"] and "to Ana" in found[0].body
    assert len(session_reminders(plan, ReminderRules(quiet=None), BERLIN, SUNDAY, SUNDAY)) == 2
