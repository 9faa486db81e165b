"""Date fields in the app's forms: day words, and the month picker opened with F2 or ctrl+d."""

from __future__ import annotations

from datetime import date

from textual.widgets import Input

from ritual.core.dates import PartialDate
from ritual.store.friends import FriendRepository
from ritual.tui.screens.date_picker import DatePickerScreen
from ritual.tui.screens.friend_form import FriendFormScreen
from tests.tui.conftest import SIZE, settle
from tests.tui.test_forms import type_into


async def test_friend_form_takes_day_words(app, context):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await type_into(pilot, "name", "Greta")
        await type_into(pilot, "birthday", "8 jan")
        await type_into(pilot, "last_sent", "2 weeks ago")
        await pilot.press("tab")
        await pilot.pause()
        assert app.screen.query_one("#field-last_sent", Input).value == "2026-02-23"
        await type_into(pilot, "last_received", "last fri")
        await pilot.press("ctrl+s")
        await settle(pilot)
        greta = FriendRepository(context.db).find("Greta")
        assert greta.birthday == PartialDate(1, 8)
        assert (greta.last_sent, greta.last_received) == (date(2026, 2, 23), date(2026, 3, 6))


async def test_a_wrong_day_word_is_named_under_its_field(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await type_into(pilot, "last_sent", "the other day")
        await pilot.press("tab")
        await pilot.pause()
        assert app.screen.field_message("last_sent").startswith("“the other day” is not a date (try today")


async def test_f2_opens_the_month_picker_and_enter_chooses(app, context):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await type_into(pilot, "name", "Hugo")
        await type_into(pilot, "last_sent", "2026-03-09")
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, DatePickerScreen)
        await pilot.press("left", "up", "enter")
        await pilot.pause()
        assert isinstance(app.screen, FriendFormScreen)
        assert app.screen.query_one("#field-last_sent", Input).value == "2026-03-01"
        await pilot.press("ctrl+d", "escape")
        assert app.screen.query_one("#field-last_sent", Input).value == "2026-03-01"


async def test_the_letter_form_day_takes_words(app, context):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.action_show("box")
        await settle(pilot)
        from ritual.core.letters import RECEIVED
        from ritual.tui.screens.letter_form import LetterFormScreen

        app.push_screen(LetterFormScreen(app.data, RECEIVED))
        await settle(pilot)
        await type_into(pilot, "day", "yesterday")
        await pilot.press("tab")
        await pilot.pause()
        assert app.screen.query_one("#field-day", Input).value == "2026-03-08"
        assert app.screen.field_message("day") == ""


def test_the_picker_at_80_columns(app, snap_compare):
    async def open_picker(pilot):
        await settle(pilot)
        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one("#field-last_sent", Input).focus()
        await pilot.press("f2")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=open_picker)
