"""The ritual in the app: briefing, tone, questions saved one by one, skips, the outline, logging, resuming."""

from __future__ import annotations

from textual.widgets import OptionList, Static, TextArea

from ritual.core.letters import POSTED, SENT, WRITTEN
from ritual.store.letters import LetterRepository
from ritual.store.reflections import ReflectionRepository
from ritual.tui.screens.profile import ProfileScreen
from ritual.tui.screens.ritual import RitualScreen
from ritual.tui.screens.week import WeekScreen
from tests.tui.conftest import SIZE, friend_id, settle


def shown(screen, selector: str) -> str:
    """The plain text of a Static."""
    return str(screen.query_one(selector, Static).render())


async def open_ritual(app, pilot, friend: int) -> RitualScreen:
    """From the friend's profile, r."""
    app.push_screen(ProfileScreen(app.data, friend))
    await settle(pilot)
    await pilot.press("r")
    await settle(pilot)
    assert isinstance(app.screen, RitualScreen)
    return app.screen


async def answer(pilot, text: str) -> None:
    """Type an answer and keep it."""
    await pilot.press(*text)
    await pilot.press("ctrl+s")
    await settle(pilot)


async def choose_tone(pilot, tone: str) -> None:
    """Begin, then pick a tone by name from the palette."""
    await pilot.press("enter")
    tones = pilot.app.screen.query_one("#tone-list", OptionList)
    tones.highlighted = next(i for i in range(tones.option_count) if tones.get_option_at_index(i).id == tone)
    await pilot.press("enter")
    await settle(pilot)


async def test_the_whole_ritual_saves_each_answer_and_logs_the_letter(app, context):
    ana = friend_id(context, "Ana Souza")
    store = ReflectionRepository(context.db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_ritual(app, pilot, ana)
        briefing = shown(screen, "#briefing-text")
        assert "birthday on Sat 14 Mar 2026" in briefing and "write by Tue 10 Mar, post by Thu 12 Mar" in briefing
        assert "Loves postcards with old maps." in briefing and "shared a flat at university" in briefing
        await choose_tone(pilot, "tenderness")
        assert screen.step == "question" and app.focused is screen.query_one("#answer", TextArea)
        assert shown(screen, "#question-count") == "Question 1 of 4"
        first = screen.prompt
        await answer(pilot, "the owl stamp")
        (saved,) = store.sitting(screen.sitting.id)
        assert (saved.prompt_id, saved.answer, saved.tone, saved.occasion) == (first.id, "the owl stamp",
                                                                             "tenderness", "birthday")
        assert shown(screen, "#question-count").startswith("One detail, if you like") and screen.prompt is first
        await pilot.press("ctrl+n")  # one key skips the follow-up
        await settle(pilot)
        skipped = screen.prompt
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert screen.prompt != skipped and shown(screen, "#question-count") == "Question 2 of 4"
        assert store.sitting(screen.sitting.id)[-1].skipped
        for text in ("cedar", "her move", "the bench"):
            await answer(pilot, text)
        assert screen.step == "outline"
        rows = store.sitting(screen.sitting.id)
        assert [r.answer for r in rows] == ["the owl stamp", "", "cedar", "her move", "the bench"]
        outline = shown(screen, "#outline-text")
        assert "birthday · tenderness" in outline and "the bench" in outline and skipped.question not in outline
        await pilot.press("l")
        (letter,) = LetterRepository(context.db).list(ana)
        assert (letter.direction, letter.status, letter.occasion, letter.tone) == (SENT, WRITTEN, "birthday",
                                                                                 "tenderness")
        await pilot.press("l", "p")
        (letter,) = LetterRepository(context.db).list(ana)
        assert letter.status == POSTED and letter.posted == letter.day
        assert "in the post since today" in shown(screen, "#letter-status")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ProfileScreen)
        timeline = shown(app.screen, "#profile-timeline")
        assert "you wrote · letter · birthday · in the post" in timeline and "a ritual · 4 answers" in timeline


async def test_an_empty_answer_counts_as_a_skip(app, context):
    store = ReflectionRepository(context.db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_ritual(app, pilot, friend_id(context, "Ben Carter"))
        await choose_tone(pilot, "no-tone")
        await pilot.press("ctrl+s")
        await settle(pilot)
        (row,) = store.sitting(screen.sitting.id)
        assert row.skipped and row.tone == ""
        assert shown(screen, "#question-count") == "Question 1 of 4"


async def test_leaving_halfway_keeps_the_answers_and_the_ritual_picks_up_again(app, context):
    eva = friend_id(context, "Eva Lima")
    store = ReflectionRepository(context.db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_ritual(app, pilot, eva)
        await choose_tone(pilot, "nostalgia")
        await answer(pilot, "the ferry")
        await answer(pilot, "from the upper deck")
        await answer(pilot, "mango ice")
        sitting_id, asked = screen.sitting.id, [p.id for p in screen.sitting.shown]
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ProfileScreen)
        assert [r.answer for r in store.sitting(sitting_id)] == ["the ferry", "from the upper deck", "mango ice"]
        assert [r.detail for r in store.sitting(sitting_id)] == [False, True, False]
        again = await open_ritual(app, pilot, eva)
        assert "Your 2 answers are kept" in shown(again, "#briefing-text")
        await pilot.press("enter")
        await settle(pilot)
        assert again.step == "question" and again.tone == "nostalgia"
        assert shown(again, "#question-count") == "Question 3 of 4"
        assert again.sitting.id == sitting_id and again.prompt.id not in asked
        await answer(pilot, "the red bicycle")
        await answer(pilot, "her laugh")
        assert again.step == "outline"
        assert [r.answer for r in store.sitting(sitting_id)] == ["the ferry", "from the upper deck", "mango ice",
                                                                 "the red bicycle", "her laugh"]
        outline = shown(again, "#outline-text")
        assert "the ferry" in outline and "+ from the upper deck" in outline


async def test_r_on_a_write_item_in_the_week_brings_its_occasion(app, context):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        days = app.screen.query_one("#week-days", OptionList)
        days.focus()
        ids = [days.get_option_at_index(i).id or "" for i in range(days.option_count)]
        days.highlighted = next(i for i, key in enumerate(ids)
                                if key.isdigit() and app.screen.items[int(key)].kind == "write")
        item = app.screen.items[int(days.highlighted_option.id)]
        assert (item.friend, item.kind) == ("Ana Souza", "write")
        await pilot.press("r")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, RitualScreen) and screen.occasion == "birthday"
        assert screen.friend.name == "Ana Souza"
        assert "post by Thu 12 Mar" in shown(screen, "#briefing-text")
        await pilot.press("escape")
        assert isinstance(app.screen, WeekScreen)


async def test_the_command_palette_opens_a_ritual_for_anyone(app, context):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"ritual for dev")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, RitualScreen) and app.screen.friend.name == "Dev Patel"
        assert "just because" in shown(app.screen, "#briefing-text")


async def test_a_broken_deck_is_named_and_the_ritual_closes_gently(app, context):
    deck = context.paths.config_dir / "prompts" / "mine.toml"
    deck.parent.mkdir(parents=True)
    deck.write_text('[[prompt]]\nid = "mine.a"\nquestion = "Q?"\ncategories = ["memory"]\ntones = ["grumpy"]\n')
    async with app.run_test(size=SIZE) as pilot:
        await open_profile_and_press_r(app, pilot, friend_id(context, "Ana Souza"))
        assert isinstance(app.screen, ProfileScreen)
        assert any("mine.toml, line 5" in n.message for n in app._notifications)
        assert ReflectionRepository(context.db).latest_sitting(friend_id(context, "Ana Souza")) is None


async def open_profile_and_press_r(app, pilot, friend: int) -> None:
    app.push_screen(ProfileScreen(app.data, friend))
    await settle(pilot)
    await pilot.press("r")
    await settle(pilot)
