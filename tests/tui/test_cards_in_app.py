"""A card's life from the app's week and profile: keys, a short confirmation, one undo; the plan and JSON follow."""

from __future__ import annotations

from datetime import date, datetime, timezone

from textual.widgets import DataTable, OptionList

from ritual.core.cards import ARRIVED, POSTED, SKIPPED, WRITTEN
from ritual.core.planner import OCCASION, POST, WRITE
from ritual.services.reminders.engine import ReminderEngine
from ritual.services.reminders.notifiers import NotifierChain
from ritual.store.cards import CardRepository
from ritual.tui.screens.profile import ProfileScreen
from tests.conftest import RitualRunner
from tests.tui.conftest import MONDAY, SIZE, friend_id, settle

BIRTHDAY = date(2026, 3, 14)


async def _highlight(pilot, kind: str) -> None:
    """Put the cursor of the days on Ana's item of `kind`."""
    screen = pilot.app.screen
    days = screen.query_one("#week-days", OptionList)
    days.focus()
    for index in range(days.option_count):
        option_id = days.get_option_at_index(index).id
        if option_id and option_id.isdigit():
            item = screen.items[int(option_id)]
            if item.friend == "Ana Souza" and item.kind == kind:
                days.highlighted = index
                await pilot.pause()
                return
    raise AssertionError(f"no {kind} item for Ana in the week")


def _ana(screen) -> dict[str, str | None]:
    return {i.kind: i.card_status for i in screen.items if i.friend == "Ana Souza" and i.occasion_date == BIRTHDAY}


def _json(context) -> list[dict]:
    runner = RitualRunner(context.paths.config_dir.parent, MONDAY)
    return [i for i in runner.json("week") if i["friend"] == "Ana Souza"]


def _due_kinds(context, day: date) -> set[str]:
    """What the reminder engine would deliver for Ana on that day at 10:00."""
    engine = ReminderEngine(context.settings, context.paths.database, NotifierChain([]), zone=timezone.utc)
    now = datetime(day.year, day.month, day.day, 10, tzinfo=timezone.utc)
    return {r.kind for r in engine.pending(context.db, now) if r.friend == "Ana Souza"}


async def test_week_keys_move_a_card_through_its_life_and_z_takes_one_step_back(app, context):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert _ana(screen) == {WRITE: "planned", POST: "planned", OCCASION: "planned"}
        await _highlight(pilot, WRITE)
        await pilot.press("n")
        await settle(pilot)
        assert _ana(screen) == {POST: WRITTEN, OCCASION: WRITTEN}
        assert any("card written Mon 9 Mar" in n.message and "z to undo" in n.message for n in app._notifications)
        assert {i["kind"] for i in _json(context)} == {"post", "occasion"}
        assert WRITE not in _due_kinds(context, date(2026, 3, 10))
        await _highlight(pilot, POST)
        await pilot.press("n")
        await settle(pilot)
        assert _ana(screen) == {OCCASION: POSTED}
        assert [i["card_status"] for i in _json(context)] == ["posted"]
        assert not {WRITE, POST} & _due_kinds(context, date(2026, 3, 12))
        await _highlight(pilot, OCCASION)
        await pilot.press("n")
        await settle(pilot)
        assert _ana(screen) == {OCCASION: ARRIVED}
        await pilot.press("z")
        await settle(pilot)
        assert _ana(screen) == {OCCASION: POSTED}
        card = CardRepository(context.db).all()[0]
        assert (card.status, card.written_on, card.posted_on, card.arrived_on) == (POSTED, MONDAY, MONDAY, None)


async def test_the_profile_skips_this_years_card_and_undoes_it(app, context):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await _highlight(pilot, OCCASION)
        await pilot.press("enter")
        await settle(pilot)
        profile = app.screen
        assert isinstance(profile, ProfileScreen)
        table = profile.query_one(DataTable)
        table.focus()
        await pilot.press("k")
        await settle(pilot)
        assert str(table.get_row_at(0)[2]) == f"card {SKIPPED}"
        assert [i["card_status"] for i in _json(context)] == [SKIPPED]
        await pilot.press("z")
        await settle(pilot)
        assert str(table.get_row_at(0)[2]) != f"card {SKIPPED}"
        assert {i["card_status"] for i in _json(context)} == {"planned"}


async def test_the_card_actions_are_in_the_command_palette(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert {"Card: next step", "Card: skip this year", "Card: given by hand", "Card: undo the last step"} <= titles


async def test_the_letter_box_logs_a_card_and_moves_it_posted_then_arrived(app, context):
    from tests.tui.test_letter_box_screen import open_box
    from tests.tui.test_letter_form import fill, open_form

    ana = friend_id(context, "Ana Souza")
    async with app.run_test(size=SIZE) as pilot:
        box = await open_box(pilot)
        form = await open_form(pilot, "l")
        fill(form, friend=ana, medium="card", occasion="birthday")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is box
        assert any("birthday card of Sat 14 Mar: card written Mon 9 Mar" in n.message for n in app._notifications)
        assert {i["kind"] for i in _json(context)} == {"post", "occasion"}
        await pilot.press("p")
        await settle(pilot)
        assert [i["card_status"] for i in _json(context)] == [POSTED]
        assert not {WRITE, POST} & _due_kinds(context, date(2026, 3, 12))
        await pilot.press("a")
        await settle(pilot)
        assert [i["card_status"] for i in _json(context)] == [ARRIVED]


async def test_a_session_holds_only_open_cards_and_its_ritual_moves_the_card(tmp_path):
    from ritual.tui.app import build_app
    from ritual.tui.screens.ritual import RitualScreen
    from tests.tui.test_ritual_screen import answer, choose_tone
    from tests.tui.test_sessions_screens import highlight, session_context

    context = session_context(tmp_path / "home")
    app = build_app(context, check_seconds=3600)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            week = app.screen
            assert [t.friend for t in week.planned.letters_in(week.planned.sessions[0])] == ["Ana Souza"]
            highlight(week, "session-0")
            await pilot.press("s")
            await settle(pilot)
            assert isinstance(app.screen, RitualScreen)
            await choose_tone(pilot, "tenderness")
            for _ in range(5):  # four questions and the one follow-up a short answer brings
                await answer(pilot, "ok")
            await pilot.press("l")
            await settle(pilot)
            assert [i["card_status"] for i in _json(context) if i["kind"] == "occasion"] == [WRITTEN]
            await pilot.press("p")
            await settle(pilot)
            assert [i["card_status"] for i in _json(context)] == [POSTED]
            await pilot.press("escape", "escape")
            await settle(pilot)
            assert app.screen is week
            assert "Ana Souza" not in [t.friend for s in week.planned.sessions for t in week.planned.letters_in(s)]
            assert not {WRITE, POST} & _due_kinds(context, date(2026, 3, 10))
    finally:
        context.close()
