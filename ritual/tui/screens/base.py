"""What every screen showing stored data shares: reload when the data changed, and letters typed are not commands."""

from __future__ import annotations

from time import monotonic
from typing import TYPE_CHECKING

from textual import events
from textual.screen import Screen

from ritual.tui.messages import DataChanged

if TYPE_CHECKING:
    from ritual.tui.data import RitualData

# Letters that follow a letter with no key of its own this quickly are someone typing, not choosing actions.
TYPING_GAP_SECONDS = 0.6


class DataScreen(Screen):
    """A screen that loads from RitualData and reloads when it is shown after a change."""

    def __init__(self, data: RitualData, *, name: str | None = None) -> None:
        super().__init__(name=name)
        self.data = data
        self._generation = -1
        self._typing_since = float("-inf")

    def on_screen_resume(self) -> None:
        """Load on first showing, and again when the data changed while hidden."""
        if self._generation != self.app.data_generation:
            self.reload()

    def on_data_changed(self, _: DataChanged) -> None:
        """The store changed while this screen is showing (skipped when a resume already reloaded)."""
        if self._generation != self.app.data_generation:
            self.reload()

    def reload(self) -> None:
        """Load everything this screen shows."""
        self._generation = self.app.data_generation
        self.load()

    def load(self) -> None:
        """Read what this screen shows; screens fill this in."""
        raise NotImplementedError

    def on_key(self, event: events.Key) -> None:
        """A letter with no key of its own starts typing; letters right after it are typing too, never actions."""
        if not event.is_printable or event.character in (None, " "):
            return
        now = monotonic()
        typing = now - self._typing_since < TYPING_GAP_SECONDS
        if typing or not self._has_key(event.key):
            event.stop()
            event.prevent_default()
            self.start_typing(event.character)

    def start_typing(self, character: str) -> None:
        """Take a letter as typing: letters right after it are typing too."""
        self._typing_since = monotonic()
        self.typed(character)

    def _has_key(self, key: str) -> bool:
        """True when the key means something here, even if it does not fit the moment (a mark already made)."""
        return any(key in bindings.key_to_bindings for _, bindings in self._modal_binding_chain)

    has_search = False  # a screen whose typed letters start a search says so

    def typed(self, character: str) -> None:
        """A letter typed where it is no command: nothing happens unless the screen has a search."""
