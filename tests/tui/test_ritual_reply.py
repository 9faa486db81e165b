"""Answering a letter from the letter box, the heart of an outline, the effort in the box, and on this day."""

from __future__ import annotations

from datetime import date

from textual.widgets import DataTable, OptionList, Static

from ritual.core.letters import RECEIVED, Letter

from ritual.store.letters import LetterRepository
from ritual.store.reflections import ReflectionRepository
from ritual.tui.screens.letter_box import LetterBoxScreen
from ritual.tui.screens.ritual import RitualScreen
from tests.tui.conftest import SIZE, friend_id, settle
from tests.tui.test_letter_box_screen import open_box
from tests.tui.test_letter_form import fill, open_form


async def test_a_received_letter_with_phrases_is_answered_from_the_letter_box(app, context):
    chloe = friend_id(context, "Chloé Martin")
    async with app.run_test(size=SIZE) as pilot:
        box = await open_box(pilot)
        form = await open_form(pilot, "r")
        fill(form, friend=chloe, day="2026-03-01", note="Lisbon, the yellow tram",
             quotes="the river smells of oranges | tell me about the pigeon")
        await pilot.press("ctrl+s")
        await settle(pilot)
        (letter,) = LetterRepository(context.db).list(chloe)
        assert letter.quotes == ("the river smells of oranges", "tell me about the pigeon")
        assert isinstance(app.screen, LetterBoxScreen)
        box.query_one(DataTable).focus()
        await pilot.press("s")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, RitualScreen) and screen.answering == letter.id
        briefing = str(screen.query_one("#briefing-text", Static).render())
        assert "Answering their letter of Sun 1 Mar 2026" in briefing and "Lisbon, the yellow tram" in briefing
        assert "“the river smells of oranges”" in briefing and "“tell me about the pigeon”" in briefing
        await pilot.press("enter", "enter")
        await settle(pilot)
        asked = [screen.sitting.question(p) for p in [*screen.sitting.shown, *screen.sitting.queue]]
        assert any(p.when == ("reply",) for p in [*screen.sitting.shown, *screen.sitting.queue]), asked
        assert not [q for q in asked if "{name}" in q]


async def test_the_heart_key_marks_the_closing_answer_and_the_box_shows_the_effort(app, context):
    ben = friend_id(context, "Ben Carter")
    screen = RitualScreen(app.data, ben, seed=3, count=3)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(screen)
        await settle(pilot)
        await pilot.press("enter", "enter")
        await settle(pilot)
        for keys in (("a", "ctrl+s", "ctrl+n"), ("b", "ctrl+s"), ("c", "ctrl+s")):
            await pilot.press(*keys)
            await settle(pilot)
        assert screen.step == "outline"
        await pilot.press("h", "l")
        await settle(pilot)
        rows = ReflectionRepository(context.db).sitting(screen.sitting.id)
        assert [r.heart for r in rows] == [False, False, True]
        assert "The heart of it" in str(screen.query_one("#outline-text", Static).render())
        await pilot.press("escape")
        box = await open_box(pilot)
        cells = [str(c) for c in box.query_one(DataTable).get_row_at(0)]
        assert "written · 3 questions answered" in cells


async def test_the_week_in_the_app_brings_back_one_line_from_an_earlier_year(app, context):
    ana = friend_id(context, "Ana Souza")
    LetterRepository(context.db).add(Letter(ana, RECEIVED, date(2025, 3, 11), medium="card",
                                            quotes=("the pigeon came back",)))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        aside = app.screen.query_one("#week-open", OptionList)
        memory = aside.get_option("on-this-day")
        assert "A year ago this week Ana Souza's card arrived; they wrote “the pigeon came back”." in str(memory.prompt)


async def test_the_sitting_on_screen_goes_warm_deep_forward_and_closes(app, context):
    order = {"warm": 0, "deep": 1, "forward": 2}
    async with app.run_test(size=SIZE) as pilot:
        for seed in (1, 2, 3):
            screen = RitualScreen(app.data, friend_id(context, "Ana Souza"), seed=seed)
            app.push_screen(screen)
            await settle(pilot)
            await pilot.press("enter", "enter")
            await settle(pilot)
            stages = [p.stage for p in [*screen.sitting.shown, *screen.sitting.queue]]
            assert stages[-1] == "closing" and stages.count("closing") == 1
            assert [order[s] for s in stages[:-1]] == sorted(order[s] for s in stages[:-1])
            shown = str(screen.query_one("#question-text", Static).render())
            assert shown == screen.sitting.question(screen.prompt) and "{" not in shown
            await pilot.press("escape")
            await settle(pilot)
