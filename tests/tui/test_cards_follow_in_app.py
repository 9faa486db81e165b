"""A birthday corrected in the app's friend form takes its stored card along: the profile shows it on the new day."""

from __future__ import annotations

from datetime import date

from textual.widgets import DataTable

from ritual.services.cards.steps import card_step
from ritual.store.cards import CardRepository
from ritual.tui.screens.profile import ProfileScreen
from tests.tui.conftest import SIZE, friend_id, settle
from tests.tui.test_forms import type_into


async def test_a_birthday_corrected_in_the_form_keeps_its_posted_card(app, context):
    ana = friend_id(context, "Ana Souza")
    posted = card_step(context.settings, context.db, "Ana Souza", "birthday", "posted", date(2026, 3, 9)).after
    assert posted.day == date(2026, 3, 14)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(ProfileScreen(app.data, ana))
        await settle(pilot)
        await pilot.press("e")
        await type_into(pilot, "birthday", "1990-03-16")
        await pilot.press("ctrl+s")
        await settle(pilot)
        profile = app.screen
        assert isinstance(profile, ProfileScreen)
        first = profile.query_one(DataTable).get_row_at(0)
        assert [str(cell) for cell in first[:3]] == ["birthday", "Mon 16 Mar", "card posted"]
    [card] = CardRepository(context.db).all()
    assert (card.id, card.day, card.status) == (posted.id, date(2026, 3, 16), "posted")
