"""The week: items on their days, the calm side list, moving between weeks, opening a friend."""

from __future__ import annotations

from datetime import date, datetime

from textual.widgets import OptionList, Static

from ritual.core.reminders import DIGEST, Reminder
from ritual.core.planner import KEEP_IN_TOUCH, OCCASION, POST, WRITE
from ritual.tui.formatting import HANG
from ritual.tui.screens.profile import ProfileScreen
from ritual.tui.screens.week import WeekScreen
from tests.tui.conftest import MONDAY, SIZE, friend_id, settle


def shown_items(screen: WeekScreen, list_id: str):
    """The agenda items behind the selectable options of one list."""
    options = screen.query_one(list_id, OptionList)
    ids = [options.get_option_at_index(i).id for i in range(options.option_count)]
    return [screen.items[int(i)] for i in ids if i and i.isdigit()]


async def test_week_places_each_item_on_its_day(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, WeekScreen)
        assert "Week 11 · Mon 9 Mar – Sun 15 Mar 2026" in str(screen.query_one("#week-title", Static).content)
        days = {(i.friend, i.kind, i.date) for i in shown_items(screen, "#week-days")}
        assert ("Ana Souza", WRITE, date(2026, 3, 10)) in days
        assert ("Ana Souza", POST, date(2026, 3, 12)) in days
        assert ("Ana Souza", OCCASION, date(2026, 3, 14)) in days
        aside = shown_items(screen, "#week-open")
        assert any(i.friend == "Ben Carter" and i.kind == WRITE and i.overdue for i in aside)
        assert any(i.friend == "Dev Patel" and i.kind == KEEP_IN_TOUCH for i in aside)


async def test_arrows_brackets_and_t_move_between_weeks(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("right")
        assert screen.monday == date(2026, 3, 16)
        await pilot.press("]", "]")
        assert screen.monday == date(2026, 3, 30)
        await pilot.press("[", "left")
        await settle(pilot)
        assert screen.monday == date(2026, 3, 16)
        assert "Mon 16 Mar – Sun 22 Mar" in str(screen.query_one("#week-title", Static).content)
        assert {i.friend for i in shown_items(screen, "#week-days")} >= {"Ben Carter"}
        await pilot.press("t")
        await settle(pilot)
        assert screen.monday == MONDAY
        assert all(MONDAY <= i.date <= date(2026, 3, 15) for i in shown_items(screen, "#week-days"))


async def test_enter_on_an_item_opens_the_friend(app, context):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        days = app.screen.query_one("#week-days", OptionList)
        days.focus()
        await pilot.press("down", "down")
        chosen = app.screen.items[int(days.highlighted_option.id)]
        assert chosen.friend == "Ana Souza"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ProfileScreen)
        assert app.screen.friend_id == friend_id(context, "Ana Souza")
        assert "Ana Souza" in str(app.screen.query_one("#profile-title", Static).content)
        await pilot.press("escape")
        assert isinstance(app.screen, WeekScreen)


async def test_a_late_card_says_when_it_could_arrive(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        late = [i for i in app.screen.items if i.late]
        assert late and all(i.earliest_arrival for i in late)
        aside = app.screen.query_one("#week-open", OptionList)
        shown = [str(aside.get_option_at_index(i).prompt) for i in range(aside.option_count)]
        # Wrapped to the list's width, an item keeps every word and hangs its lines under the first one's words.
        prompts = [" ".join(p.split()) for p in shown]
        assert any("Eva Lima" in p and "running late: could arrive" in p for p in prompts)
        wrapped = next(p for p in shown if "Eva Lima" in p)
        assert all(line.startswith(" " * HANG) for line in wrapped.splitlines()[1:])


async def test_keep_in_touch_reads_in_touch_and_sits_on_its_day_as_in_the_cli(app, context):
    from ritual.core.model import Friend
    from ritual.store.friends import FriendRepository

    # Thirty days after 15 February: Tuesday 17 March, in the week after the fixed Monday.
    FriendRepository(context.db).add(Friend(name="Gil Moreno", cadence_days=30, last_sent=date(2026, 2, 15)))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("right")
        await settle(pilot)
        screen = app.screen
        due = [i for i in screen.items if i.kind == KEEP_IN_TOUCH and not i.overdue]
        assert [i.friend for i in due] == ["Gil Moreno"]
        days = screen.query_one("#week-days", OptionList)
        on_days = [str(days.get_option_at_index(i).prompt) for i in range(days.option_count)]
        for item in due:
            assert any(item.friend in " ".join(p.split()) and "in touch" in p for p in on_days)
        assert all(item.overdue for item in shown_items(screen, "#week-open"))


def digest_for(sunday: date) -> Reminder:
    """The weekly digest sent on `sunday` for the week after it."""
    return Reminder(key=f"digest:{sunday}", kind=DIGEST, due=datetime(sunday.year, sunday.month, sunday.day, 18),
                    day=sunday, friend_id=None, friend="", occasion=None, occasion_date=None,
                    title="Your week of letters", body="Here is what the coming week holds:\nTue 10 Mar  write: Ana")


async def test_the_digest_of_the_week_on_screen_does_not_repeat_its_days(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app._toast_reminder(digest_for(date(2026, 3, 8)), late=False)
        app._toast_reminder(digest_for(date(2026, 3, 15)), late=False)
        await pilot.pause()
        shown, other = [n.message for n in app._notifications][-2:]
    assert shown == "It is the week on screen now."
    assert other.startswith("Here is what the coming week holds:") and "Ana" in other


async def test_a_crowded_day_shows_its_first_items_and_counts_the_rest(app, context):
    from ritual.core.dates import PartialDate
    from ritual.core.model import Friend
    from ritual.store.friends import FriendRepository
    from ritual.tui.screens.week import DAY_SHOWN

    friends = FriendRepository(context.db)
    for n in range(DAY_SHOWN + 5):
        friends.add(Friend(name=f"Crowd {n:02d}", birthday=PartialDate(3, 13)))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        friday = [i for i in screen.items if i.date == date(2026, 3, 13) and not i.overdue]
        shown = [i for i in shown_items(screen, "#week-days") if i.date == date(2026, 3, 13)]
        days = screen.query_one("#week-days", OptionList)
        prompts = [str(days.get_option_at_index(i).prompt) for i in range(days.option_count)]
    assert len(friday) > DAY_SHOWN and shown == friday[:DAY_SHOWN]
    assert f"  and {len(friday) - DAY_SHOWN} more this day (all in `ritual week`)" in prompts
