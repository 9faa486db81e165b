"""The friend and occasion forms: messages beside the fields, nothing saved until valid, escape cancels."""

from __future__ import annotations

from datetime import date

from textual.widgets import Input

from ritual.core.dates import PartialDate
from ritual.store.friends import FriendRepository
from ritual.tui.screens.friend_form import FriendFormScreen, build_friend, initial_values
from ritual.tui.screens.occasion_form import OccasionFormScreen
from ritual.tui.screens.profile import ProfileScreen
from ritual.tui.screens.week import WeekScreen
from tests.tui.conftest import SIZE, fixed_friends, friend_id, settle


async def type_into(pilot, field: str, text: str) -> None:
    """Replace a form field's text the way a person would: focus, clear, type."""
    widget = pilot.app.screen.query_one(f"#field-{field}", Input)
    widget.focus()
    widget.value = ""
    await pilot.press(*text) if text else await pilot.pause()


async def test_adding_a_friend_rejects_feb_30_then_saves(app, context):
    repo = FriendRepository(context.db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        form = app.screen
        assert isinstance(form, FriendFormScreen)
        await type_into(pilot, "name", "Greta Hoffmann")
        await type_into(pilot, "birthday", "1990-02-30")
        await type_into(pilot, "country", "DE")
        await pilot.press("ctrl+s")
        assert app.screen is form
        assert form.field_message("birthday") == "“1990-02-30” is not a day of the calendar."
        assert form.field_message("name") == ""
        assert app.focused.id == "field-birthday"
        assert repo.count() == 5
        await type_into(pilot, "birthday", "1990-02-28")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, WeekScreen)
        saved = repo.find("Greta Hoffmann")
        assert saved.birthday == PartialDate(2, 28, 1990)
        assert saved.country == "DE"
        assert repo.count() == 6


async def test_each_bad_field_gets_its_own_message(app, context):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        form = app.screen
        await type_into(pilot, "cadence", "-5")
        await type_into(pilot, "country", "Atlantis")
        await type_into(pilot, "last_sent", "someday")
        await pilot.press("ctrl+s")
        assert "Please fill this in" in form.field_message("name")
        assert form.field_message("cadence") == "“-5” must be between 1 and 36,500 days."
        assert form.field_message("country") == "“Atlantis” is not a known country code or country name."
        assert "is not a date" in form.field_message("last_sent")
        assert FriendRepository(context.db).count() == 5


async def test_leaving_a_field_checks_it_at_once(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        form = app.screen
        await type_into(pilot, "birthday", "13-01")
        await pilot.press("tab")
        await pilot.pause()
        assert "no month 13" in form.field_message("birthday")
        await type_into(pilot, "birthday", "--06")
        await pilot.press("tab")
        await pilot.pause()
        assert form.field_message("birthday") == ""


async def test_escape_cancels_without_changes(app, context):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await type_into(pilot, "name", "Nobody Saved")
        await pilot.press("escape")
        assert isinstance(app.screen, WeekScreen)
        assert FriendRepository(context.db).count() == 5


async def test_editing_a_friend_from_the_profile(app, context):
    repo = FriendRepository(context.db)
    ana = friend_id(context, "Ana Souza")
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(ProfileScreen(app.data, ana))
        await settle(pilot)
        await pilot.press("e")
        form = app.screen
        assert isinstance(form, FriendFormScreen)
        assert form.query_one("#field-city", Input).value == "Portland"
        await type_into(pilot, "city", "Seattle")
        await type_into(pilot, "cadence", "60")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ProfileScreen)
        stored = repo.get(ana)
        assert (stored.addresses[0].city, stored.cadence_days) == ("Seattle", 60)
        assert stored.addresses[0].lines == ("12 Maple Street",) and stored.birthday == PartialDate(3, 14, 1990)
        assert "Seattle" in str(app.screen.query_one("#profile-details").content)


async def test_occasion_form_rejects_a_bad_date_and_saves_a_good_one(app, context):
    repo = FriendRepository(context.db)
    ben = friend_id(context, "Ben Carter")
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(ProfileScreen(app.data, ben))
        await settle(pilot)
        await pilot.press("o")
        form = app.screen
        assert isinstance(form, OccasionFormScreen)
        await type_into(pilot, "name", "graduation")
        await type_into(pilot, "date", "02-30")
        await pilot.press("enter")
        assert form.field_message("date") == "“02-30” is not a day of the calendar."
        assert repo.get(ben).occasions == ()
        await type_into(pilot, "date", "2026-07-01")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ProfileScreen)
        (occasion,) = repo.get(ben).occasions
        assert (occasion.name, occasion.date, occasion.yearly) == ("graduation", PartialDate(7, 1, 2026), True)
        table = app.screen.query_one("#occasion-table")
        assert table.row_count == 2


async def test_changing_an_occasion_keeps_its_id(app, context):
    repo = FriendRepository(context.db)
    chloe = repo.find("Chloé Martin")
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(ProfileScreen(app.data, chloe.id))
        await settle(pilot)
        await pilot.press("down", "enter")
        form = app.screen
        assert isinstance(form, OccasionFormScreen)
        await type_into(pilot, "date", "2015-06-21")
        await pilot.press("ctrl+s")
        await settle(pilot)
        (occasion,) = repo.get(chloe.id).occasions
        assert occasion.id == chloe.occasions[0].id and occasion.date == PartialDate(6, 21, 2015)


def test_the_form_round_trips_a_stored_friend():
    friend = fixed_friends()[0]
    values = {**initial_values(friend), "birthday_card": True}
    rebuilt, problems = build_friend(friend, values, date(2026, 11, 25))
    assert problems == {}
    assert rebuilt == friend
    assert rebuilt.last_sent == date(2026, 1, 20)


async def test_the_occasion_form_checks_each_field_on_leaving_it(app, context):
    from ritual.tui.screens.occasion_form import OccasionFormScreen
    from ritual.tui.screens.profile import ProfileScreen
    from tests.tui.conftest import friend_id

    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.push_screen(ProfileScreen(app.data, friend_id(context, "Ben Carter")))
        await settle(pilot)
        await pilot.press("o")
        form = app.screen
        assert isinstance(form, OccasionFormScreen)
        await pilot.press("tab")
        await pilot.pause()
        assert form.field_message("name") == "Please give the occasion a name, such as anniversary."
        await type_into(pilot, "date", "13-40")
        await pilot.press("tab")
        await pilot.pause()
        assert "13-40" in form.field_message("date")
        await type_into(pilot, "name", "graduation")
        await pilot.press("tab")
        await pilot.pause()
        assert form.field_message("name") == ""
        assert isinstance(app.screen, OccasionFormScreen), "nothing was saved"


async def test_save_and_cancel_stay_in_sight_at_80_by_24_and_the_fields_scroll(app):
    from textual.widgets import Button

    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, FriendFormScreen)
        for button in form.query(Button):
            assert 0 <= button.region.y and button.region.bottom <= 24, button.id
        fields = form.query_one(".form-fields")
        assert fields.max_scroll_y > 0, "the fields scroll at 24 rows"
        form.query_one("#field-notes", Input).focus()
        await settle(pilot)
        notes = form.query_one("#field-notes", Input)
        assert fields.region.y <= notes.region.y < fields.region.bottom, "a focused field scrolls into sight"
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        assert fields.max_scroll_y == 0, "at 40 rows every field shows"
