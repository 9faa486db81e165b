"""Reading ahead while the app is idle, so each section opens the first time as quickly as it does later."""

from __future__ import annotations

from importlib import import_module

from textual import events, work
from textual._time import get_time  # the clock Textual stamps each event with as it comes in

from ritual.tui.memory import set_aside_read_ahead

# After this long open with no key pressed, the sections' code is loaded and the friend list's and the calendar's
# first readings are made in the background (the week's own plan and the reminders go first).
READ_AHEAD_SECONDS = 1.5
# Between building one section's screen ahead and the next: a key that comes meanwhile waits for one build at most.
BUILD_GAP_SECONDS = 0.3


class ReadsAhead:
    """For the app: once nobody has pressed a key for a moment, load and read what the sections first need.

    Waiting for a quiet moment keeps the background work from slowing someone who is typing or moving about.
    """

    _last_key_at = float("-inf")
    # The modes whose screens are built (composed, styled and filled) off screen as the reading ahead begins.
    SECTIONS_BUILT_AHEAD: tuple[str, ...] = ()

    def start_reading_ahead(self) -> None:
        """Read ahead at the first quiet moment after READ_AHEAD_SECONDS."""
        self.set_timer(READ_AHEAD_SECONDS, self._read_ahead_when_quiet)

    async def on_event(self, event: events.Event) -> None:
        """Note when each key came."""
        if isinstance(event, events.Key):
            self._last_key_at = event.time
        await super().on_event(event)

    def _read_ahead_when_quiet(self) -> None:
        """Read ahead and build the sections ahead once no key came for a moment."""
        if self._quiet_or_wait(self._read_ahead_when_quiet):
            self.read_ahead()
            self._build_sections_when_quiet()

    def _quiet_or_wait(self, then) -> bool:
        """True when no key came for READ_AHEAD_SECONDS; else False, and `then` is called again once it may be."""
        quiet = get_time() - self._last_key_at
        if quiet < READ_AHEAD_SECONDS:
            self.set_timer(READ_AHEAD_SECONDS - quiet, then)
            return False
        return True

    def _build_sections_when_quiet(self) -> None:
        """Build the next section's screen off screen at a quiet moment, one a moment.

        A section's screen costs a few tenths of a second to compose, style and fill the first time (the calendar
        and the letter box with 10,000 friends); built ahead, its first opening only shows it. Its data is as
        fresh when shown: a screen reloads on showing when anything changed since.
        """
        waiting = [mode for mode in self.SECTIONS_BUILT_AHEAD if not self._screen_stacks.get(mode)]
        if waiting and self._quiet_or_wait(self._build_sections_when_quiet):
            self._init_mode(waiting[0])  # what switching to the mode does first, without showing it
            self.set_timer(BUILD_GAP_SECONDS, self._build_sections_when_quiet)

    @work(thread=True, exclusive=True, group="read-ahead")
    def read_ahead(self) -> None:
        """*worker*: the screens' code, what the friend list and the calendar first show, and the prompt decks."""
        for module in self.SCREENS_READ_AHEAD:
            import_module(f"ritual.tui.screens.{module}")
        self.data.read_ahead()
        read_decks_ahead(self.paths)
        set_aside_read_ahead()


def read_decks_ahead(paths) -> None:
    """*worker*: parse the prompt decks a ritual opens with; a deck with a problem is left for the ritual to say."""
    from ritual.errors import RitualError
    from ritual.services.letters.preparation import deck_in_use

    try:
        deck_in_use(paths)
    except RitualError:
        pass  # the ritual reads the decks again as it opens and shows the problem then
