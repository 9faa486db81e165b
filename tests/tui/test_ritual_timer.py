"""The focus timer: minutes chosen by the writer, pause and go on, and a soft word when the time is up."""

from __future__ import annotations

from ritual.store.letters import LetterRepository
from ritual.tui.screens.ritual import RitualScreen
from ritual.tui.widgets.focus_timer import FocusTimer
from tests.tui.conftest import SIZE, friend_id, settle


class FakeTime:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.seconds = 1000.0

    def __call__(self) -> float:
        return self.seconds


async def test_the_timer_counts_the_chosen_minutes_and_ends_quietly(app, context):
    screen = RitualScreen(app.data, friend_id(context, "Ben Carter"), seed=3, count=3)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(screen)
        await settle(pilot)
        await pilot.press("enter", "enter")
        await settle(pilot)
        for keys in (("a", "ctrl+s", "ctrl+n"), ("b", "ctrl+s"), ("c", "ctrl+s")):
            await pilot.press(*keys)  # ctrl+n skips the follow-up after the first answer
            await settle(pilot)
        assert screen.step == "outline"
        timer = screen.query_one(FocusTimer)
        timer.now = clock = FakeTime()
        await pilot.press("plus", "plus", "minus")
        assert timer.minutes == 25 and "25 minutes" in str(timer.render())
        await pilot.press("t")
        clock.seconds += 60 * 10 + 1
        timer.tick()
        assert timer.running and "14:59 left" in str(timer.render()) and timer.has_class("-running")
        await pilot.press("plus")
        assert timer.minutes == 25, "minutes stay put while the timer runs"
        await pilot.press("t")
        clock.seconds += 600
        timer.tick()
        assert not timer.running and "Paused · 14:59 left" in str(timer.render())
        await pilot.press("t")
        clock.seconds += 15 * 60
        timer.tick()
        await settle(pilot)
        assert timer.finished and "Your 25 minutes are up" in str(timer.render())
        assert any("25 minutes of writing" in n.message for n in app._notifications)
        await pilot.press("t")
        assert timer.running and not timer.finished and timer.left() == 25 * 60
        clock.seconds += 5 * 60
        await pilot.press("l")
        (letter,) = LetterRepository(context.db).list(friend_id(context, "Ben Carter"))
        assert letter.focus_minutes == 30 and letter.sitting == screen.sitting.id
