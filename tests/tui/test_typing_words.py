"""Typing a word on a list screen never acts, even when its first letter is a key; a key on its own still does."""

from __future__ import annotations

import pytest
from textual.widgets import Input, OptionList

from ritual.core.planner import WRITE
from ritual.store.cards import CardRepository
from ritual.store.friends import FriendRepository
from ritual.store.letters import LetterRepository
from ritual.tui.screens.friends import FriendsScreen
from ritual.tui.screens.letter_box import LetterBoxScreen
from ritual.tui.screens.week import WeekScreen
from ritual.tui.widgets.friend_chooser import FriendChooser
from tests.tui.conftest import SIZE, settle
from tests.tui.test_letter_box_screen import add_letters

# Each starts with a key of some screen: g (card given), h, z (card undo), d (delete), s (sort or session), q (quit).
WORDS = ("graduation", "holiday", "zara", "daisy", "sandy", "quinn")


def stored(context) -> tuple:
    """Everything a stray key could change: the cards, the letters' marks, the friends."""
    letters = [(x.id, x.status) for x in LetterRepository(context.db).list()]
    return CardRepository(context.db).all(), letters, FriendRepository(context.db).count()


async def highlight_a_card(screen: WeekScreen, pilot) -> None:
    """Put the week's cursor on a write item, so the card keys have a card to act on."""
    days = screen.query_one("#week-days", OptionList)
    days.focus()
    days.highlighted = next(i for i in range(days.option_count)
                            if (o := days.get_option_at_index(i)).id and o.id.isdigit()
                            and screen.items[int(o.id)].kind == WRITE)
    await pilot.pause()


async def open_screen(pilot, key: str):
    await settle(pilot)
    if key:
        await pilot.press(key)
        await settle(pilot)
    return pilot.app.screen


@pytest.mark.parametrize("key, kind", [("", WeekScreen), ("f", FriendsScreen), ("b", LetterBoxScreen)])
async def test_typing_words_on_a_list_screen_fires_nothing(app, context, key, kind):
    add_letters(context)
    before = stored(context)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(pilot, key)
        assert isinstance(screen, kind)
        for word in WORDS:
            if isinstance(screen, WeekScreen):
                await highlight_a_card(screen, pilot)
            else:
                screen.query_one("DataTable, FriendTable").focus()
                await pilot.pause()
            await pilot.press(*word)
            await settle(pilot)
            assert app.screen is screen and app.is_running, word
            assert stored(context) == before, word
            if isinstance(screen, FriendsScreen):
                search = screen.query_one("#friend-search", Input)
                assert search.value == word
                search.value = ""
            if isinstance(screen, LetterBoxScreen):
                chooser = screen.query_one(FriendChooser).query_one(Input)
                assert chooser.value == word
                chooser.value = ""


async def test_a_key_on_its_own_acts_once_the_gap_has_passed(app, context):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(pilot, "")
        await highlight_a_card(screen, pilot)
        await pilot.press("g")
        assert screen.waiting_key is None
        (card,) = CardRepository(context.db).all()
        assert card.status == "given"


async def test_a_held_key_acts_on_the_item_it_was_pressed_on_before_an_arrow_moves(app, context):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(pilot, "f")
        screen.query_one("FriendTable").focus()
        await pilot.press("down", "e", "down")
        form = app.screen
        assert type(form).__name__ == "FriendFormScreen" and form.friend.name == screen.rows[1].name


async def test_a_word_stays_a_word_when_the_app_handles_its_letters_late(app, context):
    from textual import events

    from ritual.tui.screens import base

    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(pilot, "")
        await highlight_a_card(screen, pilot)
        before = stored(context)
        first = events.Key("h", "h")  # means nothing on the week: the start of a word
        second = events.Key("g", "g")  # "given" on its own
        second.time = first.time + 0.05  # typed right after the h ...
        screen.post_message(first)
        await pilot.pause(base.TYPING_GAP_SECONDS + 0.2)  # ... but handled only after a busy moment
        screen.post_message(second)
        await settle(pilot)
        await pilot.pause(base.TYPING_GAP_SECONDS + 0.2)
        await settle(pilot)
        assert screen.waiting_key is None and stored(context) == before
