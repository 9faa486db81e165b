"""The weekly review in the app: open cards marked with one key, the coming week, supplies, the week's print."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pathlib import Path

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ritual.errors import RitualError
from ritual.text import review as words
from ritual.text.output import Styler
from ritual.tui.widgets.fitted_lines import FittedLines
from ritual.tui.widgets.fitting_footer import FittingFooter
from ritual.tui.widgets.long_text import LongText
from ritual.tui.widgets.wrapping_list import WrappingOptionList

if TYPE_CHECKING:
    from ritual.services.review.weekly import WeeklyReview
    from ritual.tui.data import RitualData

_PLAIN = Styler(False)
PRINTS = {"e": "envelopes", "l": "labels"}
OPEN_ROWS = 12  # the most rows the list of open cards takes; the page scrolls for the steps under it


class ReviewScreen(Screen):
    """One calm pass over the week; every step can be left as it is, nothing is decided for the user."""

    BINDINGS = [
        Binding("w", "mark('w')", "Written"),
        Binding("p", "mark('p')", "Posted"),
        Binding("s", "mark('s')", "Skip this year"),
        Binding("e", "print_week('e')", "Envelopes PDF"),
        Binding("l", "print_week('l')", "Labels PDF"),
        Binding("escape", "close", "Back"),
    ]

    def __init__(self, data: RitualData) -> None:
        super().__init__()
        self.data = data
        self.review: WeeklyReview | None = None  # read in the background: it plans the week
        self.names: list[str] = []  # of the friends whose cards go in the post

    def compose(self) -> ComposeResult:
        """The four steps, one under the other."""
        with VerticalScroll(id="review"):
            yield Static("Your weekly review", id="review-title", classes="dialog-title")
            yield Static("1. Still open from before: w written · p posted · s skip this year", classes="review-step")
            yield WrappingOptionList(id="review-open")
            # Long pages (two thousand lines with 10,000 friends): drawn a row at a time, only the rows in view.
            yield LongText(id="review-coming")
            yield LongText(id="review-supplies")
            yield LongText(id="review-post")
            yield Static(id="review-message")
        yield FittingFooter()

    def on_mount(self) -> None:
        """Read the review; its steps fill in when it is ready."""
        self.query_one("#review-open", OptionList).focus()
        self._read_review()

    @work(thread=True, exclusive=True, group="review")
    def _read_review(self) -> None:
        """*worker*: the review as it stands now, off the event loop."""
        review, names = self.data.weekly_review()
        self.app.call_from_thread(self._reviewed, review, names)

    def _reviewed(self, review: WeeklyReview, names: list[str]) -> None:
        if not self.is_attached:
            return  # left before the review was read
        self.review, self.names = review, names
        self.show()

    def show(self) -> None:
        """Every step from the review as it stands now, each wrapped to the width it has."""
        review = self.review
        self.query_one("#review-title", Static).update(words.heading(review, _PLAIN))
        self._fill_open()
        names = self.names
        extra = ["  e envelopes · l labels"] if names else []
        steps = {"#review-coming": lambda width: words.coming_lines(review, _PLAIN, width),
                 "#review-supplies": lambda width: words.supplies_lines(review, _PLAIN, width),
                 "#review-post": lambda width: words.post_lines(review, names, _PLAIN, width) + extra}
        for selector, lines in steps.items():
            self.query_one(selector, LongText).update_fitted(lambda width, lines=lines: "\n".join(lines(width)))

    def _fill_open(self) -> None:
        """The open cards, each wrapped to the list's width (its scrollbar's cells aside when they overflow)."""
        listing = self.query_one("#review-open", WrappingOptionList)
        if self.review is None or not listing.line_width:
            return  # not laid out yet: filled once the list has its width (WidthChanged)
        highlighted = listing.highlighted
        cards = self.review.still_open
        # Each card takes a line at least, so with as many cards as rows the list is full: a set height spares
        # measuring every card's lines at each layout (hundreds of cards with 10,000 friends).
        listing.styles.height = OPEN_ROWS if len(cards) >= OPEN_ROWS else "auto"
        width = listing.width_for(len(cards))
        listing.wrapped_for = listing.size.width
        listing.clear_options()
        # Counted rather than measured: hundreds of cards, each a line or two, as the list fills.
        options = [Option(FittedLines(_plain(words.card_line(c, width)))) for c in cards]
        listing.add_options(options or [Option("Nothing is waiting from the past days.", disabled=True)])
        if cards:
            listing.highlighted = min(highlighted or 0, len(cards) - 1)

    def on_wrapping_option_list_width_changed(self, _: WrappingOptionList.WidthChanged) -> None:
        """Wrap the open cards again to the list's new width, unless they were wrapped for it meanwhile."""
        if self.query_one("#review-open", WrappingOptionList).needs_wrapping:
            self._fill_open()

    def action_mark(self, key: str) -> None:
        """Take the step on the highlighted open card, say so, and show the review afresh."""
        index = self.query_one("#review-open", OptionList).highlighted
        if self.review is None or not self.review.still_open or index is None:
            return
        card = self.review.still_open[index]
        try:
            change = self.data.mark_review_card(card, key)
        except RitualError as exc:
            self._say(exc.message)
            return
        self._say(f"{card.item.friend}: {words.DONE_WORDS[change.after.status]}.")
        self._read_review()
        self.app.data_changed()

    def action_print_week(self, key: str) -> None:
        """Write the week's envelopes or labels to one PDF in the current folder."""
        if self.review is None or not self.review.to_post:
            self._say("No card goes in the post this week: nothing to print.")
            return
        kind = PRINTS[key]
        target = Path(f"ritual-week-{self.review.today.isoformat()}-{kind}.pdf")
        try:
            done = self.data.print_week(self.review.to_post, kind, target)
        except RitualError as exc:
            self._say(exc.message)
            return
        left = f" Left out (the address needs more): {'; '.join(done.left_out)}." if done.left_out else ""
        self._say(f"Wrote {len(done.names)} {kind} in {done.path.resolve()}.{left}")

    def action_close(self) -> None:
        """Back to the week."""
        self.dismiss()

    def _say(self, message: str) -> None:
        self.query_one("#review-message", Static).update(Text(message, style="italic"))


def _plain(text: str) -> Text:
    """Review text as it is, with no markup read into it (names come from strangers' files)."""
    return Text(text)
