"""What every screen showing stored data shares: reload when the data changed, and only then."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import Screen

from ritual.tui.messages import DataChanged

if TYPE_CHECKING:
    from ritual.tui.data import RitualData


class DataScreen(Screen):
    """A screen that loads from RitualData and reloads when it is shown after a change."""

    def __init__(self, data: RitualData, *, name: str | None = None) -> None:
        super().__init__(name=name)
        self.data = data
        self._generation = -1

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
