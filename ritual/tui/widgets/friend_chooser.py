"""Choosing one friend by typing part of a name: a few matches at a time, each told apart by where they live."""

from __future__ import annotations

from collections import Counter

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from ritual.core.text import fold
from ritual.tui.friend_rows import FriendRow
from ritual.tui.widgets.form_field import compact

MATCHES_SHOWN = 6
LOOKING = "looking through your friends…"


def labels(rows: list[FriendRow]) -> dict[int, str]:
    """Each friend's name, with the city, circles and finally the id when the name alone is not enough."""
    counts = Counter(row.name for row in rows)
    return {row.id: label(row, counts) for row in rows}


def label(row: FriendRow, counts: Counter[str]) -> str:
    """The friend's name, told apart from others of that name (`counts`) by city, circles and id."""
    if counts[row.name] == 1:
        return row.name
    where = ", ".join(p for p in (row.city, row.country) if p)
    detail = " · ".join(p for p in (where, ", ".join(row.tags)) if p)
    return f"{row.name} · {detail} · #{row.id}" if detail else f"{row.name} · #{row.id}"


class FriendChooser(Vertical):
    """An input that offers the friends whose names match what is typed; `value` is the chosen id or None."""

    DEFAULT_CSS = """
    FriendChooser { height: auto; }
    FriendChooser > OptionList { height: auto; max-height: 8; display: none; }
    FriendChooser.-open > OptionList { display: block; }
    """

    class Changed(Message):
        """Another friend (or nobody) was chosen."""

        def __init__(self, chooser: FriendChooser) -> None:
            super().__init__()
            self.chooser = chooser

        @property
        def control(self) -> FriendChooser:
            """The chooser that changed."""
            return self.chooser

    class RowsWanted(Message):
        """Something was typed before any friends were given: the screen reads them now (then `set_rows`)."""

    def __init__(self, placeholder: str = "type a name", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.placeholder = placeholder
        self.rows: list[FriendRow] = []
        self.loaded = False  # True once `set_rows` gave the friends, even none
        self._asked = False
        self._by_id: dict[int, FriendRow] = {}
        self._counts: Counter[str] = Counter()
        self._value: int | None = None

    def compose(self) -> ComposeResult:
        """The input and, while typing, the matches under it."""
        yield compact(Input(placeholder=self.placeholder, select_on_focus=False))
        yield OptionList()

    def set_rows(self, rows: list[FriendRow]) -> None:
        """The friends to choose from; a chosen friend who is still among them stays chosen."""
        self.rows, self.loaded = rows, True
        # Labels are made only for the few friends shown: with 10,000 friends, making them all took longer than
        # drawing the form.
        self._by_id = {row.id: row for row in rows}
        self._counts = Counter(row.name for row in rows)
        if self._value is not None and self._value not in self._by_id:
            self.value = None
        elif self._value is not None:
            self._show_chosen()
        elif self.has_class("-open"):
            self._offer(self.query_one(Input).value)

    def name_of(self, friend_id: int) -> str:
        """The friend's name as this chooser shows it, told apart from others of the same name."""
        row = self._by_id.get(friend_id)
        return label(row, self._counts) if row is not None else ""

    @property
    def value(self) -> int | None:
        """The chosen friend's id, or None."""
        return self._value

    @value.setter
    def value(self, friend_id: int | None) -> None:
        changed = friend_id != self._value
        self._value = friend_id
        self._show_chosen()
        if changed:
            self.post_message(self.Changed(self))

    def _show_chosen(self) -> None:
        field = self.query_one(Input)
        with field.prevent(Input.Changed):
            field.value = self.name_of(self._value) if self._value is not None else ""
        self.remove_class("-open")

    def matches(self, text: str) -> list[FriendRow]:
        """The first few friends matching every typed word, in the rows' order."""
        words = fold(text).split()
        found = []
        for row in self.rows:
            if all(word in row.sort_key for word in words):
                found.append(row)
                if len(found) == MATCHES_SHOWN:
                    break
        return found

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        if not event.value.strip():
            self.query_one(OptionList).clear_options()
            self.remove_class("-open")
            if self._value is not None:
                self._value = None
                self.post_message(self.Changed(self))
            return
        if not self.loaded and not self._asked:
            self._asked = True
            self.post_message(self.RowsWanted())
        self._offer(event.value)

    def _offer(self, text: str) -> None:
        """The matches for `text` under the input (or a word that the friends are still being read)."""
        options = self.query_one(OptionList)
        options.clear_options()
        found = self.matches(text)
        # Names are data: shown as text, never read as markup.
        options.add_options([Option(Text(self.name_of(row.id)), id=str(row.id)) for row in found]
                            or [Option(LOOKING if not self.loaded else "nobody by that name", disabled=True)])
        options.highlighted = 0 if found else None
        self.add_class("-open")

    def on_key(self, event) -> None:
        """Up and down move through the matches while the input keeps the keys for typing."""
        if not self.has_class("-open") or event.key not in ("up", "down"):
            return
        event.stop()
        options = self.query_one(OptionList)
        options.action_cursor_down() if event.key == "down" else options.action_cursor_up()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        options = self.query_one(OptionList)
        if self.has_class("-open") and options.highlighted_option is not None:
            event.stop()
            self.value = int(options.highlighted_option.id)

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.value = int(event.option.id)
        self.query_one(Input).focus()
