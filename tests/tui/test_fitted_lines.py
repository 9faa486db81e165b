"""Options whose text is wrapped to fit already: counted, not wrapped again, and only those in view made ready."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ritual.tui.widgets.fitted_lines import FittedLines


class FittedList(App[None]):
    """Forty two-line options in a list five rows high."""

    CSS = "OptionList { width: 30; height: 7; }"

    def compose(self) -> ComposeResult:
        yield OptionList(*[Option(FittedLines(Text(f"Write to friend {n}\n  for the spring"))) for n in range(40)])


def test_fitted_text_is_as_high_as_its_lines_where_they_fit_and_wraps_where_they_do_not():
    fitted = FittedLines(Text("Write to Ana\n  birthday"))
    assert fitted.get_height({}, 20) == 2 and str(fitted) == "Write to Ana\n  birthday"
    assert fitted.get_height({}, 6) == 4  # "Write to Ana" needs two lines of six


async def test_a_list_of_fitted_options_draws_them_as_text_and_makes_ready_only_those_in_view():
    app = FittedList()
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        listing = app.query_one(OptionList)
        assert listing.virtual_size.height == 80
        shown = [line for line in listing.render_lines(listing.region.reset_offset)]
        assert "Write to friend 0" in "".join(segment.text for segment in shown[1])
        ready = [option for option in listing.options if option.prompt._content is not None]
        assert 0 < len(ready) <= 4
