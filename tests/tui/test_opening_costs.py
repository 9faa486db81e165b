"""What keeps screens quick to open: work Textual would repeat for nothing is skipped, and what shows is the same."""

from __future__ import annotations

from collections import Counter

from textual.widgets._footer import FooterKey

from ritual.tui.screens.export import ExportScreen
from ritual.tui.screens.friend_form import FriendFormScreen
from ritual.tui.screens.week import WeekScreen
from tests.tui.conftest import SIZE, settle


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
        assert styled["row-city"] == 1
        assert styled["field-city"] == 1
