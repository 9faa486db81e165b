"""A footer that shows as many of the screen's keys as fit the width, and always the key to all of them."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

if TYPE_CHECKING:
    from textual.screen import Screen

# Always shown: the help lists every key, so a footer that cannot hold them all still leads to them.
ALWAYS = ("help", "app.help")
# A compact key takes its label, a space, its description and a space before the next.
GAP = 2
# "^p all actions" with its padding and the separator before it.
PALETTE_ROOM = 18


class ShownKey(NamedTuple):
    """One key as the footer shows it."""

    key: str
    display: str
    description: str
    action: str
    enabled: bool
    tooltip: str
    classes: str

    def look(self) -> tuple:
        """What the key shows and does; of two keys for one action (← and [), either may come first."""
        return self[1:]


def fitting(entries: list[tuple[str, int]], room: int) -> list[int]:
    """Indexes of the (action, width) entries kept, in order: the always-shown first, then each that still fits."""
    kept = [i for i, (action, _) in enumerate(entries) if action in ALWAYS]
    left = room - sum(entries[i][1] for i in kept)
    for index, (action, width) in enumerate(entries):
        if index not in kept and width <= left:
            kept.append(index)
            left -= width
    return sorted(kept)


class FittingFooter(Footer):
    """The screen's own keys first, then the app's, as many as fit; help and the palette always."""

    def __init__(self) -> None:
        super().__init__(compact=True)
        self._width = 0
        self._shown: list[ShownKey] | None = None
        self._rebuilding = False

    def compose(self) -> ComposeResult:
        """Keys that fit the width, then the command palette on the right."""
        self._rebuilding = False
        if not self._bindings_ready:
            return
        self._width = self.size.width or self.app.size.width
        self._shown = self._keys(self._width)
        for shown in self._shown:
            # Compact from the start: a key made compact once mounted would be styled a second time.
            yield FooterKey(shown.key, shown.display, shown.description, shown.action, disabled=not shown.enabled,
                            tooltip=shown.tooltip, classes=shown.classes)

    def _keys(self, width: int) -> list[ShownKey]:
        """The keys that fit `width`, in the order shown."""
        shown: dict[str, tuple] = {}
        for _, binding, enabled, tooltip in self.screen.active_bindings.values():
            if binding.show:
                shown.setdefault(binding.action, (binding, enabled, tooltip))
        entries = list(shown.values())
        widths = [(b.action, len(self.app.get_key_display(b)) + len(b.description) + GAP) for b, _, _ in entries]
        keys = [ShownKey(b.key, self.app.get_key_display(b), b.description, b.action, enabled, tooltip, "-compact")
                for b, enabled, tooltip in (entries[i] for i in fitting(widths, width - PALETTE_ROOM))]
        return keys + self._palette_key()

    def _palette_key(self) -> list[ShownKey]:
        found = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
        if found is None or not self.app.ENABLE_COMMAND_PALETTE:
            return []
        _, binding, enabled, _ = found
        return [ShownKey(binding.key, self.app.get_key_display(binding), "all actions", binding.action, enabled,
                         binding.description, "-command-palette -compact")]

    def bindings_changed(self, screen: Screen) -> None:
        """Choose the keys again when the screen showing has other keys; a screen under a dialog waits for its turn.

        Textual rebuilds a footer whenever its screen is covered or shown again, which costs a new key widget
        for each key and a layout of a screen nobody sees.
        """
        self._bindings_ready = True
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen or not screen.is_current:
            return
        if self._shown is None or [k.look() for k in self._keys(self._width)] != [k.look() for k in self._shown]:
            self._rebuild()

    def _rebuild(self) -> None:
        """Choose the keys again once the message at hand is handled; changes that come before are taken in one go.

        Not after the next refresh, as Textual's footer does: that refresh would paint the screen with the old
        keys (or none, as a screen opens) and the new ones a frame later, and the screen complete only then.
        """
        if not self._rebuilding:
            self._rebuilding = True
            self.call_next(self.recompose)

    def on_resize(self) -> None:
        """Choose again when the width changed."""
        if self.size.width != self._width and self._bindings_ready:
            self._rebuild()
