"""The reminder engine on a real database: once only, catch-up after sleep, quiet hours, fallback, two engines."""

from __future__ import annotations

import asyncio
import threading
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from ritual.core.dates import PartialDate
from ritual.core.model import Friend
from ritual.paths import Paths
from ritual.services.reminders.notifiers import CommandNotifier, NotifierChain, ToastNotifier
from ritual.services.reminders.engine import ReminderEngine, local_zone
from ritual.settings.load import load_settings
from ritual.store.database import open_database
from ritual.store.friends import FriendRepository
from tests.services.clocks import Moment

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture
def home(tmp_path):
    """A home with one friend whose card is written, posted and celebrated in early December."""
    paths = Paths.under(tmp_path / "home")
    db = open_database(paths.database)
    FriendRepository(db).add(Friend(name="Ana", birthday=PartialDate(12, 10, 1990)))
    db.close()
    settings = load_settings(paths)
    return paths, settings._replace(reminders=settings.reminders._replace(digest_weekday=None))


def engine(home, clock, chain=None, received=None):
    paths, settings = home
    chain = chain or NotifierChain([ToastNotifier(lambda r, late: received.append((r.key, late)))])
    return ReminderEngine(settings, paths.database, chain, now=clock, zone=BERLIN)


def days_of(home, clock):
    """Every reminder day for Ana around the occasion, from the engine itself."""
    paths, _ = home
    db = open_database(paths.database)
    try:
        return engine(home, clock, received=[]).upcoming(db, clock(), 30)
    finally:
        db.close()


def test_a_due_reminder_is_delivered_once_even_across_restarts(home):
    clock = Moment(datetime(2026, 11, 20, 7, 0, tzinfo=BERLIN))
    first = days_of(home, clock)[0]
    clock.value = first.due + timedelta(seconds=5)
    received = []
    assert [o.reminder.key for o in engine(home, clock, received=received).deliver_due()] == [first.key]
    clock.value += timedelta(minutes=1)
    assert engine(home, clock, received=received).deliver_due() == []
    assert received == [(first.key, False)]


def test_after_three_days_asleep_everything_missed_arrives_once_oldest_first_and_late(home):
    clock = Moment(datetime(2026, 11, 20, 7, 0, tzinfo=BERLIN))
    coming = days_of(home, clock)
    assert [r.kind for r in coming] == ["write", "post", "occasion"]
    received = []
    assert engine(home, clock, received=received).deliver_due() == [], "a first round before the sleep"
    clock.value = coming[-1].due + timedelta(days=3)
    engine(home, clock, received=received).deliver_due()
    assert received == [(r.key, True) for r in coming]
    assert engine(home, clock, received=received).deliver_due() == []


def test_nothing_goes_out_in_quiet_hours_and_it_waits_for_the_morning(home):
    clock = Moment(datetime(2026, 11, 20, 7, 0, tzinfo=BERLIN))
    first = days_of(home, clock)[0]
    received = []
    assert engine(home, clock, received=received).deliver_due() == [], "a first round before the night"
    clock.value = datetime.combine(first.day, datetime.min.time(), BERLIN) + timedelta(hours=23)
    assert engine(home, clock, received=received).deliver_due() == []
    clock.value += timedelta(hours=9)
    engine(home, clock, received=received).deliver_due()
    assert received == [(first.key, True)]


def test_a_failing_notifier_falls_back_and_a_total_failure_is_tried_again_later(home):
    clock = Moment(datetime(2026, 11, 20, 7, 0, tzinfo=BERLIN))
    first = days_of(home, clock)[0]
    clock.value = first.due
    broken = CommandNotifier("false")
    outcome = engine(home, clock, NotifierChain([broken])).deliver_due()
    assert [o.notifier for o in outcome] == [None]
    received = []
    working = NotifierChain([broken, ToastNotifier(lambda r, late: received.append(r.key))])
    clock.value += timedelta(minutes=1)
    assert engine(home, clock, working).deliver_due() == [], "the failed claim is left alone for a while"
    clock.value += timedelta(minutes=5)
    assert [o.notifier for o in engine(home, clock, working).deliver_due()] == ["toast"]
    assert received == [first.key]


def test_two_engines_on_one_database_at_once_deliver_each_reminder_once(home):
    clock = Moment(datetime(2026, 11, 20, 7, 0, tzinfo=BERLIN))
    coming = days_of(home, clock)
    clock.value = coming[-1].due + timedelta(hours=1)
    received = []
    engines = [engine(home, clock, received=received) for _ in range(2)]
    threads = [threading.Thread(target=e.deliver_due) for e in engines]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(key for key, _ in received) == sorted(r.key for r in coming)


def test_the_machines_time_zone_is_read_afresh(monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    assert str(local_zone()) == "Asia/Tokyo"
    monkeypatch.setenv("TZ", "America/New_York")
    assert str(local_zone()) == "America/New_York"
    assert str(local_zone("Europe/Berlin")) == "Europe/Berlin"


def test_the_app_scheduler_delivers_through_the_toast_and_stops(home):
    from ritual.services.reminders.jobs import start_app_reminders

    paths, settings = home
    clock = Moment(datetime(2026, 11, 20, 7, 0, tzinfo=BERLIN))
    first = days_of(home, clock)[0]
    clock.value = first.due + timedelta(seconds=1)
    zoned = settings._replace(reminders=settings.reminders._replace(timezone="Europe/Berlin"))
    toasts = []

    async def run():
        service = start_app_reminders(zoned, paths.database, lambda r, late: toasts.append(r.key), clock, 0.2)
        job = service.scheduler.get_job("heartbeat")
        assert (job.misfire_grace_time, job.coalesce) == (None, True)
        for _ in range(50):
            if toasts:
                break
            await asyncio.sleep(0.05)
        service.refresh()
        service.stop()
        await asyncio.sleep(0.05)  # the asyncio scheduler shuts down on the loop's next turn
        assert not service.scheduler.running

    asyncio.run(run())
    assert toasts == [first.key]


def test_friends_sharing_a_reminder_time_share_one_exact_job(home):
    from apscheduler.schedulers.background import BackgroundScheduler

    from ritual.services.reminders.jobs import schedule_exact_jobs

    paths, _ = home
    db = open_database(paths.database)
    for name in ("Bo", "Cy", "Di"):
        FriendRepository(db).add(Friend(name=name, birthday=PartialDate(12, 10, 1990)))
    db.close()
    clock = Moment(datetime(2026, 11, 20, 7, 0, tzinfo=BERLIN))
    first = days_of(home, clock)[0]
    clock.value = first.due - timedelta(hours=1)
    sharing = [r for r in days_of(home, clock) if r.due == first.due]
    scheduler = BackgroundScheduler(timezone=BERLIN)
    assert schedule_exact_jobs(scheduler, engine(home, clock, received=[])) == 1
    (job,) = [j for j in scheduler.get_jobs() if j.id.startswith("reminder:")]
    assert len(sharing) == 4 and job.trigger.run_date == first.due


def test_a_job_cut_off_by_the_app_closing_prints_no_traceback_but_real_errors_still_do(caplog):
    import logging

    from ritual.services.reminders.jobs import quiet_when_closing

    quiet_when_closing()
    executor_log = logging.getLogger("apscheduler.executors.default")
    for error in (asyncio.CancelledError(), ValueError("a real fault")):
        try:
            raise error
        except BaseException:
            executor_log.error("Error running job first-round", exc_info=True)
    assert [r.exc_info[0] for r in caplog.records] == [ValueError]
