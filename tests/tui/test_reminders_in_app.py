"""What runs beside the screens: reminders arrive as a toast exactly once, edits rebuild the jobs, the daily backup."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from ritual.services.reminders.notifiers import NotifierChain
from ritual.services.reminders.engine import ReminderEngine
from ritual.store.friends import FriendRepository
from ritual.tui.app import RitualApp
from tests.tui.conftest import SIZE, settle
from tests.tui.test_forms import type_into

BERLIN = ZoneInfo("Europe/Berlin")
# Ana's card is written by Tuesday 10 March; its reminder is due at 09:00 that morning.
TUESDAY_MORNING = datetime(2026, 3, 10, 9, 0, 20, tzinfo=BERLIN)
HEARTBEAT = 0.05


def toast_only(settings):
    """Reminders through the in-app toast alone, in Berlin time, with no quiet hours and no digest."""
    reminders = settings.reminders._replace(notifiers=("toast",), quiet=None, digest_weekday=None,
                                           timezone="Europe/Berlin")
    return settings._replace(reminders=reminders)


def reminder_app(context, now: datetime, heartbeat: float = HEARTBEAT) -> RitualApp:
    """The app with a fixed reminder clock and, unless told, a quick heartbeat."""
    return RitualApp(toast_only(context.settings), context.db, context.clock, 3600, paths=context.paths,
                     heartbeat_seconds=heartbeat, reminder_now=lambda: now)


def engine_for(context, now: datetime) -> ReminderEngine:
    """An engine on the same settings, to ask what is due without delivering anything."""
    return ReminderEngine(toast_only(context.settings), context.db.path, NotifierChain([]), now=lambda: now)


def delivered(context) -> list[tuple[str, str, str]]:
    """Every delivery the store recorded, as (key, state, notifier)."""
    rows = context.db.query("SELECT key, state, notifier FROM reminder_deliveries ORDER BY key")
    return [(row["key"], row["state"], row["notifier"]) for row in rows]


async def test_many_due_reminders_show_as_one_summary_toast_and_each_is_recorded_once(context):
    due = engine_for(context, TUESDAY_MORNING).pending(context.db, TUESDAY_MORNING)
    assert len(due) > 3
    app = reminder_app(context, TUESDAY_MORNING)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for _ in range(10):  # many heartbeats: each one looks again for what is due
            await pilot.pause(HEARTBEAT)
        toasts = [(n.title, n.message) for n in app._notifications]
        assert app.reminders is not None and app.reminders.scheduler.running
    # The first round in this home: nothing due before it was missed, so the summary is not "while you were away".
    assert len(toasts) == 1 and toasts[0][0].startswith("Waiting for you: 2 cards to write, 1 to post")
    # The toast stays a few lines at 80×24: it names the first friends and counts the rest, which the week shows.
    from ritual.text.reminders import TOAST_LINES

    shown = toasts[0][1].splitlines()
    assert len(shown) <= TOAST_LINES
    assert all(r.friend in toasts[0][1] for r in due) or shown[-1].endswith("more: the week shows them all (w)")
    assert delivered(context) == sorted((r.key, "delivered", "toast") for r in due)
    assert not app.reminders.scheduler.running


async def test_reminders_delivered_before_are_not_shown_again_after_a_restart(context):
    for _ in range(2):
        app = reminder_app(context, TUESDAY_MORNING)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            for _ in range(6):
                await pilot.pause(HEARTBEAT)
            shown = len(list(app._notifications))
    assert shown == 0
    assert delivered(context) and all(state == "delivered" for _, state, _ in delivered(context))


async def test_a_friend_added_in_the_app_gets_reminder_jobs_at_once(context):
    # Exact jobs run on the real clock, so this morning lies ahead of it: a job in the past would run and vanish.
    morning = datetime.combine(date.today() + timedelta(days=30), time(7, 0), BERLIN)
    birthday = (morning + timedelta(days=1)).strftime("%m-%d")
    # No heartbeat while typing: the jobs must come from the save itself, and a busy heartbeat slows every key.
    app = reminder_app(context, morning, heartbeat=3600)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await type_into(pilot, "name", "Mia Weber")
        await type_into(pilot, "birthday", birthday)
        await pilot.press("ctrl+s")
        await settle(pilot)
        mia = FriendRepository(context.db).find("Mia Weber").id
        coming = engine_for(context, morning).upcoming(context.db, morning, 2)
        wanted = {r.due for r in coming if r.friend_id == mia and r.due <= morning + timedelta(hours=36)}
        jobs = {job.next_run_time for job in app.reminders.scheduler.get_jobs() if job.id.startswith("reminder:")}
    assert wanted and wanted <= jobs


async def test_the_open_app_keeps_the_daily_backup_when_the_day_turns(app, context):
    from ritual.services.backup.rolling import daily_file

    backup = daily_file(context.paths, "2026-03-09")
    assert not backup.exists()  # the store was opened before the fixed friends were added
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.keep_daily_backup()
        await settle(pilot)
    assert "Ana Souza" in backup.read_text(encoding="utf-8")
