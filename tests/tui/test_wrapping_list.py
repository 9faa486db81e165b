"""A list whose owner wraps its lines hears of a new width only when the lines were wrapped for another one."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets.option_list import Option

from ritual.tui.widgets.wrapping_list import WrappingOptionList


class OneList(App[None]):
    """A list 30 cells wide; `wrap_for` is the width its owner says the lines were wrapped to before layout."""

    CSS = "WrappingOptionList { width: 30; height: 5; }"

    def __init__(self, wrap_for: int) -> None:
        super().__init__()
        self.wrap_for = wrap_for
        self.heard: list[int] = []

    def compose(self) -> ComposeResult:
        yield WrappingOptionList(Option("one"), Option("two"))

    def on_mount(self) -> None:
        self.query_one(WrappingOptionList).wrapped_for = self.wrap_for

    def on_wrapping_option_list_width_changed(self, _: WrappingOptionList.WidthChanged) -> None:
        self.heard.append(self.query_one(WrappingOptionList).size.width)


async def width_changes(wrap_for: int) -> tuple[list[int], int]:
    app = OneList(wrap_for)
    async with app.run_test(size=(60, 10)) as pilot:
        await pilot.pause()
        width = app.query_one(WrappingOptionList).size.width
        assert width > 0
        return app.heard, width


async def test_lines_wrapped_for_the_width_the_list_gets_are_not_wrapped_again():
    _, width = await width_changes(0)
    heard, _ = await width_changes(width)
    assert heard == []


async def test_lines_wrapped_before_any_width_are_wrapped_again_once_it_has_one():
    heard, width = await width_changes(0)
    assert heard == [width]


async def test_lines_are_wrapped_to_the_width_left_by_the_scrollbar_they_will_bring_and_no_narrower():
    app = OneList(0)
    async with app.run_test(size=(60, 10)) as pilot:
        await pilot.pause()
        listing = app.query_one(WrappingOptionList)
        full, bar = listing.line_width, listing.styles.scrollbar_size_vertical
        rows = listing.scrollable_content_region.height
        assert bar > 0 and listing.width_for(rows) == full  # as many lines as rows fit
        assert listing.width_for(rows + 1) == full - bar
        listing.add_options([Option(str(n)) for n in range(10)])
        await pilot.pause()
        assert listing.show_vertical_scrollbar and listing.line_width == full - bar
        assert listing.width_for(rows + 1) == full - bar and listing.width_for(rows) == full
