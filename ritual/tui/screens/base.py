"""What every screen showing stored data shares: reload when the data changed, and letters typed are not commands."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual._context import NoActiveAppError
from textual._time import get_time  # the clock Textual stamps each event with as it comes in
from textual.geometry import Size
from textual.screen import Screen
from textual.timer import Timer

from ritual.tui.messages import DataChanged

if TYPE_CHECKING:
    from ritual.tui.data import RitualData

# A letter that follows another this quickly is someone typing a word, never a key choosing an action; so a
# letter's key acts only once this long passed with no letter after it (an arrow or enter makes it act at once).
TYPING_GAP_SECONDS = 0.6


class QuickOpening:
    """For screens: work Textual repeats as a screen opens is skipped, so a form shows in a fraction of the time.

    Textual styles each widget as it mounts, then all of them again when the screen is first shown (on a form of
    sixty widgets the second pass is a sixth of its opening); and a screen, once laid out, is sent a resize to the
    size it was just laid out at, which lays it out again and the screen under it too. Later showings restyle as
    usual (the theme may have changed while the screen was covered), and a real resize lays out as usual.
    """

    _shown_before = False

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        try:
            # Styled with the stylesheet as it stands: otherwise Textual parses the whole stylesheet again when the
            # screen becomes a mode's (twice for the week at start), only to find that nothing changed.
            self._css_update_count = self.app._css_update_count
        except NoActiveAppError:
            pass  # made outside a running app; Textual refreshes its styles as usual

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        # Runs before Screen's own handler for the same event, which reads `refresh_styles`.
        if not self._shown_before:
            self._shown_before = True
            event.refresh_styles = False

    def _screen_resized(self, size: Size) -> None:
        if size == self._size and self.is_attached:
            return
        super()._screen_resized(size)


class DataScreen(QuickOpening, Screen):
    """A screen that loads from RitualData and reloads when it is shown after a change."""

    def __init__(self, data: RitualData, *, name: str | None = None) -> None:
        super().__init__(name=name)
        self.data = data
        self._generation = -1
        self._last_letter = float("-inf")
        # The letter key held back while it might still be the start of a word, as (key, character).
        self.waiting_key: tuple[str, str] | None = None
        self._waiting_timer: Timer | None = None

    def on_screen_resume(self) -> None:
        """Load on first showing, and again when the data changed while hidden; a word typed before is over."""
        self._last_letter = float("-inf")
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

    async def on_key(self, event: events.Key) -> None:
        """A letter's key acts only once no other letter follows it quickly; letters in a run are typing."""
        if not _is_letter(event):
            self._last_letter = float("-inf")  # a word is letters in a row: an arrow or escape ends it
            if self.waiting_key is not None:
                # The held key acts first; this key then goes wherever that left the focus (a dialog it opened).
                event.stop()
                event.prevent_default()
                await self._act_now()
                self.app.simulate_key(event.key)
            return
        # When the key came, not when it is handled: a busy moment in the app must not split a word into keys.
        now = event.time
        typing, self._last_letter = now - self._last_letter < TYPING_GAP_SECONDS, now
        if not typing and not self._has_key(event.key):
            typing = True
        event.stop()
        event.prevent_default()
        if typing:
            self._type_waiting()
            self.typed(event.character)
        else:
            self._wait_with(event.key, event.character)

    def _wait_with(self, key: str, character: str) -> None:
        """Hold a letter's key for the gap: a letter after it makes both typing, else the key acts."""
        self._type_waiting()
        self.waiting_key = (key, character)
        self._waiting_timer = self.set_timer(TYPING_GAP_SECONDS, self._act_now)

    def _type_waiting(self) -> None:
        """The key held back turned out to start a word: it is typing, and nothing acts."""
        if self.waiting_key is not None:
            character = self.waiting_key[1]
            self._drop_waiting()
            self.typed(character)

    async def _act_now(self) -> None:
        """The key held back acts now: its gap passed, or another kind of key (an arrow, enter) came first."""
        if self.waiting_key is not None:
            key = self.waiting_key[0]
            self._drop_waiting()
            if self.app.screen is self:
                await self.app._check_bindings(key)

    def _drop_waiting(self) -> None:
        if self._waiting_timer is not None:
            self._waiting_timer.stop()
        self.waiting_key, self._waiting_timer = None, None

    def start_typing(self, character: str) -> None:
        """Take a letter as typing, never as its key: letters right after it are typing too."""
        self._last_letter = get_time()
        self._type_waiting()
        self.typed(character)

    def _has_key(self, key: str) -> bool:
        """True when the key means something here, even if it does not fit the moment (a mark already made)."""
        return any(key in bindings.key_to_bindings for _, bindings in self._modal_binding_chain)

    has_search = False  # a screen whose typed letters start a search says so

    def typed(self, character: str) -> None:
        """A letter typed where it is no command: nothing happens unless the screen has a search."""


def _is_letter(event: events.Key) -> bool:
    """True for a letter or digit typed on its own, the keys that can start a word."""
    return bool(event.is_printable and event.character and event.character.isalnum() and len(event.character) == 1)
