"""Long plain text drawn a row at a time: wrapped as a Static wraps it, only the rows in view drawn."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from ritual.tui.widgets.long_text import LongText, wrapped_rows
from tests.bench.test_tui_screens_bench import screen_text

PAGE = "\n".join([f"  write    Write to friend {n} — birthday Mon 23 Mar" for n in range(300)]
                 + ["  post     The cards to " + ", ".join(f"Friend {n}" for n in range(60)) + ".", "\x1b[31m"])


class Page(App[None]):
    """The same page as a Static or as LongText, in a scrolling column."""

    def __init__(self, widget) -> None:
        super().__init__()
        self.widget = widget

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield self.widget


async def shown(widget) -> list[str]:
    """The screen's text at the top of the page and at its end."""
    app = Page(widget)
    async with app.run_test(size=(50, 12)) as pilot:
        await pilot.pause()
        top = screen_text(app.screen)
        app.query_one(VerticalScroll).scroll_end(animate=False)
        await pilot.pause()
        return [top, screen_text(app.screen)]


async def test_long_text_shows_what_a_static_shows_and_draws_only_the_rows_in_view():
    drawn: list[int] = []

    class Counted(LongText):
        def render_line(self, y):
            drawn.append(y)
            return super().render_line(y)

    assert await shown(Counted(PAGE)) == await shown(Static(Text(PAGE.replace("\x1b", "^["))))
    assert drawn and max(drawn) > 300 and len(drawn) < 100  # two screenfuls of 12 rows, from a page of 300+


def test_rows_wrap_as_textual_wraps_them_a_word_longer_than_a_row_folded_and_control_characters_shown():
    for text, width in (("a verylongword b", 6), ("ab  cd  ef gh", 4), ("short", 10)):
        assert wrapped_rows(text, width) == [str(line) for line in Content(text).wrap(width)]
    assert LongText("ring\x07").content == "ring^G"
