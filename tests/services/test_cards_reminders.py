"""A reminder already scheduled stays quiet when its card's step was done meanwhile: checked again at delivery."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from ritual.core.planner import POST, WRITE
from ritual.services.cards.steps import card_step
from ritual.store.database import open_database
from tests.services.clocks import Moment
from tests.services.test_scheduler import BERLIN, days_of, engine, home  # noqa: F401


def test_a_scheduled_write_reminder_is_not_delivered_once_the_card_is_written(home):  # noqa: F811
    clock = Moment(datetime(2026, 11, 20, 7, 0, tzinfo=BERLIN))
    scheduled = {r.kind: r for r in days_of(home, clock)}
    assert {WRITE, POST} <= scheduled.keys()
    paths, settings = home
    db = open_database(paths.database)
    try:
        card_step(settings, db, "Ana", "birthday", "written", date(2026, 11, 20))
    finally:
        db.close()
    # The exact job fires at the write reminder's time, as the app's or daemon's scheduler would call it.
    clock.value = scheduled[WRITE].due + timedelta(seconds=5)
    received: list = []
    assert engine(home, clock, received=received).deliver_due() == [] and received == []
    clock.value = scheduled[POST].due + timedelta(seconds=5)
    delivered = engine(home, clock, received=received).deliver_due()
    assert [o.reminder.kind for o in delivered] == [POST], "the post step is still to do"
    db = open_database(paths.database)
    try:
        card_step(settings, db, "Ana", "birthday", "posted", date(2026, 11, 20))
    finally:
        db.close()
    clock.value += timedelta(days=1)
    assert not [o for o in engine(home, clock, received=received).deliver_due() if o.reminder.kind in (WRITE, POST)]


def test_a_running_clock_starts_where_it_is_told_and_keeps_the_real_pace():
    from datetime import datetime, timedelta, timezone

    from ritual.services.reminders.engine import running_from

    real = [datetime(2030, 1, 1, tzinfo=timezone.utc)]
    clock = running_from(datetime(2026, 12, 2, 8, 59, tzinfo=timezone.utc), lambda: real[0])
    assert clock() == datetime(2026, 12, 2, 8, 59, tzinfo=timezone.utc)
    real[0] += timedelta(seconds=75)
    assert clock() == datetime(2026, 12, 2, 9, 0, 15, tzinfo=timezone.utc)
