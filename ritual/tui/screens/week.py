"""The home screen: the week Monday to Sunday, and a calm side list of what is still open."""

from __future__ import annotations

from typing import TYPE_CHECKING

from datetime import date, timedelta

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from ritual.core.planner import INVITATIONS, AgendaItem
from ritual.core.reminders import DIGEST
from ritual.core.text import short_day
from ritual.tui.card_actions import CARD_BINDINGS, CardActions, card_of
from ritual.tui.formatting import day_heading, hanging, item_text
from ritual.tui.messages import FriendChosen, RitualRequested, WeekPlanned
from ritual.tui.screens.base import DataScreen
from ritual.core.dates import monday_of
from ritual.core.sessions import LetterTask
from ritual.services.planning.week import WeekPlan
from ritual.tui.week_sessions import notes_options, session_options
from ritual.tui.widgets.fitting_footer import FittingFooter

if TYPE_CHECKING:
    from ritual.tui.data import RitualData

OPEN_SHOWN = 20
# How long to wait for the lists to be laid out (tries × seconds) before waiting for the screen to come back.
LAYOUT_TRIES = 200
LAYOUT_WAIT_SECONDS = 0.05
# A day shows this many items and counts the rest: with thousands of friends a day holds hundreds, and a list
# that long takes the app seconds to lay out while it tells nobody more (`ritual week` prints them all).
DAY_SHOWN = 30
# Below this many columns the days and the side list share the width equally.
NARROW_WIDTH = 100
HELLO_SHOWN = 10


class WeekScreen(CardActions, DataScreen):
    """What to write, what to post and whose day it is, this week or any other."""

    BINDINGS = [
        Binding("left,[", "shift_week(-1)", "Previous week", key_display="← ["),
        Binding("right,]", "shift_week(1)", "Next week", key_display="→ ]"),
        Binding("t", "this_week", "Today"),
        Binding("a", "app.add_friend", "Add friend"),
        Binding("e", "app.export", "Export calendar"),
        Binding("r", "ritual", "Ritual"),
        Binding("s", "start_session", "Start session"),
        Binding("u", "app.supplies", "Supplies"),
        Binding("p", "app.projects", "Projects"),
        Binding("v", "app.review", "Weekly review"),
        *CARD_BINDINGS,
    ]

    def __init__(self, data: RitualData) -> None:
        super().__init__(data)
        self.monday = monday_of(data.today())
        self.items: list[AgendaItem] = []
        self.planned = WeekPlan(self.monday, data.today(), [])
        self._unfilled = False

    def compose(self) -> ComposeResult:
        """Title, the days, and the side list."""
        yield Static(id="week-title", classes="screen-title")
        with Horizontal(id="week-body"):
            yield OptionList(id="week-days")
            with Vertical(id="week-aside"):
                yield Label("Also this week", classes="section-title")
                yield OptionList(id="week-open")
        yield FittingFooter()

    def load(self) -> None:
        """Plan the shown week in the background."""
        sunday = self.monday + timedelta(days=6)
        week_no = self.monday.isocalendar().week
        self.query_one("#week-title", Static).update(
            f"Week {week_no} · {short_day(self.monday)} – {short_day(sunday)} {sunday.year}")
        self.query_one("#week-days").loading = True
        # After the frame: planning 10,000 friends in a thread would hold the interpreter while it is drawn.
        self.call_after_refresh(self._plan, self.monday)

    @work(thread=True, exclusive=True, group="week-plan")
    def _plan(self, monday: date) -> None:
        self.post_message(WeekPlanned(self.data.week(monday)))

    def on_week_planned(self, message: WeekPlanned) -> None:
        """Show a finished plan, unless the user already moved to another week."""
        if message.planned.monday != self.monday:
            return
        self.planned = message.planned
        self.items = message.planned.items
        self.query_one("#week-days", OptionList).loading = False
        self._show_plan()

    def _show_plan(self, tries: int = 0) -> None:
        days = self.query_one("#week-days", OptionList)
        if not days.scrollable_content_region.width:
            # Just out of loading, the list has no width yet to wrap to: fill it once it is laid out. Under
            # another screen it is never laid out, so stop asking and fill it when this screen comes back.
            self._unfilled = True
            # Waited by the clock, not by refreshes: an idle app refreshes at once, and a busy machine can lay
            # out later than any number of quick refreshes.
            if tries < LAYOUT_TRIES and self.is_current:
                self.set_timer(LAYOUT_WAIT_SECONDS, lambda: self._show_plan(tries + 1))
            return
        self._unfilled = False
        self._fill(days, self._day_options())
        self._fill(self.query_one("#week-open", OptionList), self._open_options())

    def _fill(self, options: OptionList, content: list) -> None:
        highlighted = options.highlighted
        options.clear_options()
        options.add_options(content)
        if content:
            options.highlighted = min(highlighted or 0, len(content) - 1)
            if options.highlighted_option and options.highlighted_option.disabled:
                options.action_cursor_down()

    def _day_options(self) -> list[Option]:
        today = self.data.today()
        found: list[Option] = []
        for offset in range(7):
            day = self.monday + timedelta(days=offset)
            todays = [(i, item) for i, item in enumerate(self.items) if item.date == day and self._in_days(item)]
            sessions = session_options(self.planned, day, self._width("#week-days"))
            heading = day_heading(day, today)
            if not todays and not sessions:
                heading.append("  nothing planned", style="dim")
            found.append(Option(heading, disabled=True, id=f"day-{day.isoformat()}"))
            found += [Option(self._wrapped("#week-days", item_text(item)), id=str(i)) for i, item in todays[:DAY_SHOWN]]
            if len(todays) > DAY_SHOWN:
                found.append(Option(Text(f"  and {len(todays) - DAY_SHOWN} more this day (all in `ritual week`)",
                                         style="dim italic"), disabled=True))
            found += sessions
        if not self.data.count():
            found.append(Option(Text("No friends yet: press a to add the first one.", style="italic"), disabled=True))
        return found

    def _in_days(self, item: AgendaItem) -> bool:
        # As `ritual week` places them: everything due this week on its day, only what is overdue aside.
        return not item.overdue

    def _wrapped(self, list_id: str, text: Text) -> Text:
        """An item under a two-space margin, wrapped to its list with its lines hanging under the words."""
        return hanging(Text("  ").append_text(text), self._width(list_id))

    def _width(self, list_id: str) -> int:
        """The cells a line of the list can fill, short of its scrollbar."""
        return self.query_one(list_id, OptionList).scrollable_content_region.width - 2

    def on_screen_resume(self) -> None:
        """Back on top: fill a plan that arrived while another screen covered this one."""
        if self._unfilled:
            self.call_after_refresh(self._show_plan)

    def on_resize(self) -> None:
        """Halve the width between days and the rest on a narrow terminal, and wrap the items again."""
        self.set_class(self.size.width < NARROW_WIDTH, "-narrow")
        if self.items:
            self.call_after_refresh(self._show_plan)

    def _open_options(self) -> list[Option]:
        indexed = list(enumerate(self.items))
        still_open = [(i, it) for i, it in indexed if it.overdue and it.kind not in INVITATIONS]
        hellos = sorted(((i, it) for i, it in indexed if it.overdue and it.kind in INVITATIONS),
                        key=lambda p: p[1].date)
        found = notes_options(self.planned)
        found += self._section("Still open from earlier", still_open, OPEN_SHOWN, "more still open")
        found += self._section("Might enjoy a letter", hellos, HELLO_SHOWN, "more friends you could write to")
        return found or [Option(Text("Nothing left over. A quiet week.", style="italic"), disabled=True)]

    def _section(self, title: str, pairs: list[tuple[int, AgendaItem]], shown: int, more: str) -> list[Option]:
        if not pairs:
            return []
        found = [Option(Text(title, style="bold"), disabled=True)]
        found += [Option(self._wrapped("#week-open", item_text(it, show_date=True)), id=str(i))
                  for i, it in pairs[:shown]]
        if len(pairs) > shown:
            found.append(Option(Text(f"  and {len(pairs) - shown} {more}", style="dim italic"), disabled=True))
        return found

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter on an item opens the friend it is about; on a session, starts it."""
        if event.option_id and event.option_id.isdigit():
            self.post_message(FriendChosen(self.items[int(event.option_id)].friend_id))
        elif self._session_letter(event.option_id) is not None:
            self.post_message(FriendChosen(self._session_letter(event.option_id).friend_id))
        elif self._session_index(event.option_id) is not None:
            self.action_start_session()

    def _highlighted_id(self) -> str:
        focused = self.focused if isinstance(self.focused, OptionList) else self.query_one("#week-days", OptionList)
        option = focused.highlighted_option
        return option.id or "" if option is not None else ""

    def _session_index(self, option_id: str | None) -> int | None:
        parts = (option_id or "").split("-")
        return int(parts[1]) if parts[0] == "session" and len(parts) > 1 else None

    def _session_letter(self, option_id: str | None) -> LetterTask | None:
        parts = (option_id or "").split("-")
        if parts[0] != "session" or len(parts) != 3:
            return None
        return self.planned.letters_in(self.planned.sessions[int(parts[1])])[int(parts[2])]

    def action_start_session(self) -> None:
        """Walk through the highlighted session's letters one by one, with the ritual for each."""
        index = self._session_index(self._highlighted_id())
        if index is None:
            self.notify("Highlight a writing session in the days first (its line starts with the time), then s.")
            return
        session = self.planned.sessions[index]
        letters = self.planned.letters_in(session)
        used = self.planned.session_plan.used_minutes(session)
        from ritual.tui.screens.session import SessionScreen

        self.app.push_screen(SessionScreen(self.data, session, letters, used, paths=self.app.paths))

    def action_ritual(self) -> None:
        """Sit down to write the letter of the highlighted item (for its occasion, when it has one)."""
        option_id = self._highlighted_id()
        letter = self._session_letter(option_id)
        if letter is not None:
            self.post_message(RitualRequested(letter.friend_id, letter.occasion))
            return
        if not option_id.isdigit():
            self.notify("Choose someone in the week first, then r.")
            return
        item = self.items[int(option_id)]
        self.post_message(RitualRequested(item.friend_id, item.occasion))

    def chosen_card(self):
        """The card of the highlighted write, post or day."""
        option_id = self._highlighted_id()
        return card_of(self, self.items[int(option_id)]) if option_id.isdigit() else None

    def shows_digest(self, reminder) -> bool:
        """True when `reminder` is the weekly digest of the week on screen, whose lines the days already show."""
        return reminder.kind == DIGEST and monday_of(reminder.day + timedelta(days=1)) == self.monday

    def action_shift_week(self, weeks: int) -> None:
        """Show an earlier or a later week."""
        self.monday += timedelta(weeks=weeks)
        self.reload()

    def action_this_week(self) -> None:
        """Back to the week holding today."""
        self.monday = monday_of(self.data.today())
        self.reload()
