"""A footer that shows as many of the screen's keys as fit the width, and always the key to all of them."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

# Always shown: the help lists every key, so a footer that cannot hold them all still leads to them.
ALWAYS = ("help", "app.help")
# A compact key takes its label, a space, its description and a space before the next.
GAP = 2
# "^p all actions" with its padding and the separator before it.
PALETTE_ROOM = 18


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

    def compose(self) -> ComposeResult:
        """Keys that fit the width, then the command palette on the right."""
        if not self._bindings_ready:
            return
        shown: dict[str, tuple] = {}
        for _, binding, enabled, tooltip in self.screen.active_bindings.values():
            if binding.show:
                shown.setdefault(binding.action, (binding, enabled, tooltip))
        entries = list(shown.values())
        widths = [(b.action, len(self.app.get_key_display(b)) + len(b.description) + GAP) for b, _, _ in entries]
        self._width = self.size.width or self.app.size.width
        for index in fitting(widths, self._width - PALETTE_ROOM):
            binding, enabled, tooltip = entries[index]
            yield FooterKey(binding.key, self.app.get_key_display(binding), binding.description, binding.action,
                            disabled=not enabled, tooltip=tooltip).data_bind(compact=Footer.compact)
        yield from self._palette_key()

    def _palette_key(self) -> ComposeResult:
        found = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
        if found is not None and self.app.ENABLE_COMMAND_PALETTE:
            _, binding, enabled, tooltip = found
            yield FooterKey(binding.key, self.app.get_key_display(binding), "all actions", binding.action,
                            classes="-command-palette", disabled=not enabled, tooltip=binding.description)

    def on_resize(self) -> None:
        """Choose again when the width changed."""
        if self.size.width != self._width and self._bindings_ready:
            self.call_after_refresh(self.recompose)
