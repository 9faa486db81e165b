"""What keeps screens quick to open: work Textual would repeat for nothing is skipped, and what shows is the same."""

from __future__ import annotations

from collections import Counter

from textual.screen import Screen
from textual.widgets import OptionList
from textual.widgets._footer import FooterKey

from ritual.core.model import Friend
from ritual.tui.screens.export import ExportScreen
from ritual.tui.screens.friend_form import FriendFormScreen
from ritual.tui.screens.letter_form import LetterFormScreen
from ritual.tui.screens.profile import ProfileScreen
from ritual.tui.screens.week import WeekScreen
from ritual.tui.widgets.fitting_footer import FittingFooter
from ritual.tui.widgets.friend_chooser import FriendChooser
from tests.bench.test_tui_screens_bench import FrameLog
from tests.tui.conftest import SIZE, settle
from tests.tui.test_letter_box_screen import open_box


def footer_keys(screen) -> list[FooterKey]:
    """The key widgets in a screen's footer, in order."""
    return list(screen.query_one("FittingFooter").query(FooterKey))


async def test_a_footer_under_a_dialog_is_not_rebuilt_when_the_dialog_closes(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        week = app.screen
        assert isinstance(week, WeekScreen)
        before = footer_keys(week)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, ExportScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is week
        after = footer_keys(week)
        assert [k.description for k in after] == [k.description for k in before]
        assert all(a is b for a, b in zip(after, before, strict=True))


async def test_a_screen_opens_with_its_keys_in_the_footer_from_its_first_frame(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        log = FrameLog(app)
        await pilot.press("v")
        await settle(pilot)
        footers = [text.splitlines()[-1] for _, name, text in log.frames if name == "ReviewScreen" and text.strip()]
        # Textual's footer waits a refresh for its keys: the screen would show a frame with none, then another.
        assert footers and all("Written" in footer for footer in footers), footers


async def test_a_footer_shows_other_keys_when_the_screen_has_other_keys(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        week_keys = [k.description for k in footer_keys(app.screen)]
        await pilot.press("f")
        await settle(pilot)
        friends_keys = [k.description for k in footer_keys(app.screen)]
        assert "Open profile" in friends_keys and "Open profile" not in week_keys
        assert all(k.has_class("-compact") for k in footer_keys(app.screen))


async def test_a_form_styles_each_of_its_fields_once_as_it_opens(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        styled: Counter[str] = Counter()
        apply = app.stylesheet.apply

        def counting_apply(node, **kwargs):
            styled[node.id or ""] += 1
            return apply(node, **kwargs)

        app.stylesheet.apply = counting_apply
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, FriendFormScreen)
        assert app.focused.id == "field-name"
        # Focusing the scrolling fields first, then the name, and styling everything again on showing would
        # make these four each.
        assert styled["label-city"] == 1
        assert styled["field-city"] == 1


async def test_the_letter_form_reads_the_friends_only_once_a_name_is_typed(app, context):
    async with app.run_test(size=SIZE) as pilot:
        await open_box(pilot)
        await pilot.press("r")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, LetterFormScreen)
        chooser = form.query_one(FriendChooser)
        assert not chooser.loaded
        await pilot.press(*"eva")
        await settle(pilot)
        assert chooser.loaded
        assert [str(o.prompt) for o in chooser.query_one(OptionList).options] == ["Eva Lima"]


def test_friend_rows_are_read_again_only_after_a_change(app, context):
    first = app.data.friend_rows()
    assert app.data.friend_rows() is first
    app.data.save_friend(Friend(name="Fay Wong"))
    again = app.data.friend_rows()
    assert again is not first and "Fay Wong" in [row.name for row in again]


async def test_a_dialog_opening_lays_out_neither_the_screen_under_it_nor_itself_twice(app, monkeypatch):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        laid_out: Counter[str] = Counter()
        refresh_layout = Screen._refresh_layout

        def counting(screen, *args, **kwargs):
            laid_out[type(screen).__name__] += 1
            return refresh_layout(screen, *args, **kwargs)

        monkeypatch.setattr(Screen, "_refresh_layout", counting)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, ExportScreen)
        # Once as it shows and once more for the sizes that first layout found; never for a resize to its own size.
        assert laid_out["WeekScreen"] == 0
        assert laid_out["ExportScreen"] <= 2


async def test_a_profile_builds_its_footer_once_as_it_opens(app, monkeypatch):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f")
        await settle(pilot)
        built: list[str] = []
        recompose = FittingFooter.recompose

        async def counting(footer):
            built.append(type(footer.screen).__name__)
            return await recompose(footer)

        monkeypatch.setattr(FittingFooter, "recompose", counting)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ProfileScreen)
        assert built.count("ProfileScreen") == 1
        assert "Edit" in [k.description for k in footer_keys(app.screen)]


async def test_a_sent_letter_has_no_phrases_to_keep_and_a_received_one_has(app):
    async with app.run_test(size=SIZE) as pilot:
        await open_box(pilot)
        for key, shown in (("r", True), ("l", False)):
            await pilot.press(key)
            await settle(pilot)
            form = app.screen
            assert isinstance(form, LetterFormScreen)
            assert form.query_one("#label-quotes").display is shown
            assert form.query_one("#field-quotes").display is shown
            assert form.query_one("#label-note").display
            await pilot.press("escape")
            await settle(pilot)


async def test_the_stylesheet_is_parsed_once_however_many_sections_open(app, monkeypatch):
    from textual.css.stylesheet import Stylesheet

    from tests.tui.test_friends_screen import open_friends

    parsed_again = []
    reparse = Stylesheet.reparse
    monkeypatch.setattr(Stylesheet, "reparse", lambda sheet: parsed_again.append(1) or reparse(sheet))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, WeekScreen)
        await open_friends(app, pilot)
        await pilot.press("w")
        await settle(pilot)
        assert isinstance(app.screen, WeekScreen)
        # Each section opened for the first time made Textual parse every rule again, twice, with nothing changed.
        assert parsed_again == []


async def test_a_theme_chosen_restyles_the_screens_opened_before_it(app):
    from tests.tui.test_friends_screen import open_friends

    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        week = app.screen
        before = week.styles.background
        app.theme = "textual-light" if app.current_theme.dark else "textual-dark"
        await settle(pilot)
        assert week.styles.background != before
        friends = await open_friends(app, pilot)
        assert friends.styles.background == week.styles.background
