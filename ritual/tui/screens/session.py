"""A writing session: its letters one by one, each with the ritual, at the user's own pace."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Static

from ritual.core.sessions import LetterTask, Session
from ritual.core.text import short_day
from ritual.tui.screens.ritual import RitualScreen
from ritual.tui.week_sessions import session_heading
from ritual.tui.widgets.fitting_footer import FittingFooter

if TYPE_CHECKING:
    from ritual.tui.data import RitualData

WRITTEN = "written"
LATER = "for later"
SKIPPED = "skipped"
MARKS = {WRITTEN: ("✓", "green"), LATER: ("…", "yellow"), SKIPPED: ("–", "dim")}


class SessionScreen(Screen):
    """Opens the ritual for each letter of a session in turn; between letters, a pause and what is done."""

    BINDINGS = [
        Binding("enter", "next_letter", "Next letter"),
        Binding("n", "skip_letter", "Skip this one"),
        Binding("escape", "leave", "End the session"),
    ]

    def __init__(self, data: RitualData, session: Session, letters: list[LetterTask], minutes_planned: int, *,
                 paths=None) -> None:
        super().__init__()
        self.data = data
        self.session = session
        self.minutes_planned = minutes_planned
        self.paths = paths
        self.letters = list(letters)
        self.outcomes: dict[int, str] = {}
        self.current: tuple[int, RitualScreen] | None = None

    def compose(self) -> ComposeResult:
        """The session, its letters with where each stands, and a word on what comes next."""
        yield Static(f"Writing session · {short_day(self.session.day)}", id="session-title", classes="screen-title")
        yield Static(session_heading(self.session, self.minutes_planned), id="session-heading")
        yield Static(id="session-letters")
        yield Static(id="session-next")
        yield FittingFooter()

    def on_mount(self) -> None:
        """Begin with the first letter straight away; a session without letters just says so."""
        self._show()
        if self.next_index() is not None:
            self.action_next_letter()

    def next_index(self) -> int | None:
        """The first letter not yet taken up in this session."""
        return next((i for i in range(len(self.letters)) if i not in self.outcomes), None)

    def action_next_letter(self) -> None:
        """Open the ritual for the next letter."""
        index = self.next_index()
        if index is None:
            return
        letter = self.letters[index]
        ritual = RitualScreen(self.data, letter.friend_id, letter.occasion, paths=self.paths)
        self.current = (index, ritual)
        self.app.push_screen(ritual, self._back_from_ritual)

    def _back_from_ritual(self, _result=None) -> None:
        index, ritual = self.current
        self.current = None
        self.outcomes[index] = WRITTEN if ritual.letter is not None else LATER
        self._show()

    def action_skip_letter(self) -> None:
        """Leave the next letter for another day and move on."""
        index = self.next_index()
        if index is not None:
            self.outcomes[index] = SKIPPED
            self._show()

    def action_leave(self) -> None:
        """Back to the week; letters not written stay planned."""
        self.dismiss()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Next and skip show only while a letter is still waiting."""
        if action in ("next_letter", "skip_letter"):
            return self.next_index() is not None
        return True

    def _show(self) -> None:
        self.query_one("#session-letters", Static).update(self._letters_text())
        self.query_one("#session-next", Static).update(self._next_text())
        self.refresh_bindings()

    def _letters_text(self) -> Text:
        text = Text()
        for index, letter in enumerate(self.letters):
            outcome = self.outcomes.get(index)
            mark, style = MARKS.get(outcome, ("·", ""))
            text.append(f"  {mark} ", style=style).append(letter.friend, style="bold")
            text.append(f" — {letter.occasion or 'a letter'}", style="dim")
            text.append(f"  {outcome}\n" if outcome else "\n", style="italic")
        return text

    def _next_text(self) -> Text:
        index = self.next_index()
        if not self.letters:
            return Text("No letters are due for this session. A good time for a letter of your choice.", style="italic")
        if index is None:
            left = " Those left for later stay in your plan." if set(self.outcomes.values()) - {WRITTEN} else ""
            return Text(f"That was every letter of this session. Thank you for the time you gave them.{left}",
                        style="italic")
        return Text(f"Next: {self.letters[index].friend}. Press enter when you are ready, "
                    "n to leave this one for another day.", style="italic")
