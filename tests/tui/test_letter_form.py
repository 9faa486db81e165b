"""Logging letters from the letter box: a small form, each field checked in place, the log updated after saving."""

from __future__ import annotations

from datetime import date

from textual.widgets import Input, OptionList, Select, Static

from ritual.core.letters import RECEIVED, SENT, Letter
from ritual.store.friends import FriendRepository
from ritual.store.letters import LetterRepository
from ritual.tui.screens.letter_box import LetterBoxScreen
from ritual.tui.screens.letter_form import LetterFormScreen, build_letter
from ritual.tui.widgets.friend_chooser import FriendChooser
from tests.tui.conftest import MONDAY, SIZE, friend_id, settle
from tests.tui.test_letter_box_screen import open_box, table_rows


async def open_form(pilot, key: str) -> LetterFormScreen:
    await pilot.press(key)
    await settle(pilot)
    assert isinstance(pilot.app.screen, LetterFormScreen)
    return pilot.app.screen


def fill(form: LetterFormScreen, **values) -> None:
    for key, value in values.items():
        form.query_one(f"#field-{key}", FriendChooser if key == "friend" else Select if key == "medium" else Input).value = value


async def test_a_received_letter_is_checked_field_by_field_then_logged(app, context):
    eva = friend_id(context, "Eva Lima")
    async with app.run_test(size=SIZE) as pilot:
        box = await open_box(pilot)
        form = await open_form(pilot, "r")
        assert form.query_one("#field-day", Input).value == MONDAY.isoformat()
        fill(form, day="2026-02-30")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert form.field_message("friend") == "Please choose who it is from."
        assert form.field_message("day").startswith("“2026-02-30”")
        fill(form, friend=eva, day="2026-04-01")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert (form.field_message("friend"), app.screen) == ("", form)
        assert form.field_message("day") == ("“2026-04-01” is still to come; a letter is logged once it is written "
                                             "or has come.")
        assert LetterRepository(context.db).list() == []
        fill(form, day="2026-03-07", medium="card", occasion="just because", note="pressed flowers inside")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is box
        assert table_rows(box)[0][:5] == ["Sat 7 Mar", "from", "Eva Lima", "card", "just because"]
        assert "Eva Lima" in str(box.query_one("#owed-list", Static).render())
        assert "Logged a card from Eva Lima." in [n.message for n in app._notifications]
    [letter] = LetterRepository(context.db).list()
    assert (letter.friend_id, letter.direction, letter.day, letter.note) == (eva, RECEIVED, date(2026, 3, 7),
                                                                             "pressed flowers inside")
    assert FriendRepository(context.db).get(eva).last_received == date(2026, 3, 7)


async def test_a_sent_letter_for_the_chosen_friend_shows_in_its_own_year(app, context):
    ben = friend_id(context, "Ben Carter")
    LetterRepository(context.db).add(Letter(ben, RECEIVED, date(2026, 2, 1)))
    async with app.run_test(size=SIZE) as pilot:
        box = await open_box(pilot)
        box.query_one("#box-friend", FriendChooser).value = ben
        await settle(pilot)
        form = await open_form(pilot, "l")
        assert form.query_one("#field-friend", FriendChooser).value == ben
        fill(form, day="2025-11-01", medium="postcard")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is box and box.year == 2025
        assert table_rows(box)[0][:4] == ["Sat 1 Nov 2025", "to", "Ben Carter", "postcard"]
    letter = LetterRepository(context.db).list(direction=SENT)[0]
    assert (letter.friend_id, letter.status, letter.medium) == (ben, "written", "postcard")


async def test_escape_logs_nothing(app, context):
    async with app.run_test(size=SIZE) as pilot:
        box = await open_box(pilot)
        form = await open_form(pilot, "r")
        fill(form, friend=friend_id(context, "Ana Souza"))
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is box and table_rows(box) == []
    assert LetterRepository(context.db).list() == []


def test_the_form_values_become_a_letter_or_messages():
    today = date(2026, 3, 9)
    values = {"friend": 3, "day": " 2026-03-01 ", "medium": "parcel", "occasion": " birthday ", "note": ""}
    letter, problems = build_letter(SENT, values, today)
    assert problems == {} and (letter.day, letter.medium, letter.occasion) == (date(2026, 3, 1), "parcel", "birthday")
    letter, problems = build_letter(SENT, {**values, "friend": Select.NULL, "day": ""}, today)
    assert letter is None and problems["friend"] == "Please choose who it is for."
    assert problems["day"].startswith("Please fill this in")


async def test_the_friend_is_found_by_typing_and_namesakes_are_told_apart(app, context):
    from ritual.core.model import Address, Friend
    from tests.tui.test_letter_box_screen import open_box

    repo = FriendRepository(context.db)
    sydney = repo.add(Friend(name="Zara White", addresses=(Address(("1 Bay St",), "Sydney", "", "2000", "AU"),)))
    repo.add(Friend(name="Zara White", addresses=(Address(("2 Elm Rd",), "Leeds", "", "LS1", "GB"),)))
    async with app.run_test(size=SIZE) as pilot:
        await open_box(pilot)
        form = await open_form(pilot, "r")
        await pilot.press(*"zara")
        chooser = form.query_one(FriendChooser)
        shown = [str(o.prompt) for o in chooser.query_one(OptionList).options]
        assert len(shown) == 2 and len(set(shown)) == 2
        assert any("Sydney, AU" in label for label in shown) and any("Leeds, GB" in label for label in shown)
        pick = next(i for i, label in enumerate(shown) if "Sydney" in label)
        await pilot.press(*["down"] * pick, "enter")
        assert chooser.value == sydney.id
        assert app.screen is form, "choosing a friend does not save the form"


async def test_friends_read_after_the_form_was_left_are_let_go(app, context):
    async with app.run_test(size=SIZE) as pilot:
        box = await open_box(pilot)
        form = await open_form(pilot, "r")
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is box
        form._friends_read(app.data.friend_rows())  # the worker's answer, arriving after the form closed
        await settle(pilot)
        assert app.screen is box and app.is_running
