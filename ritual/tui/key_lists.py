"""Which keys the help and the command palette list, and in what words."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import ActiveBinding

# Scrolling details of Textual's containers crowd the help; the arrows and page keys are listed anyway.
HELP_NOISE = {"Scroll Home", "Scroll End", "Page Left", "Page Right", "Copy selected text", "Scroll Up",
              "Scroll Down", "Scroll Left", "Scroll Right", "Page Up", "Page Down"}
HELP_WORDING = {"palette": "Command palette", "Focus Next": "Next part", "Focus Previous": "Previous part"}
# Cursor and focus moves, and the toolkit's own entries that only repeat what the help and the keys do.
LOW_LEVEL = {"Up", "Down", "First", "Last", "Page up", "Page down", "Focus Next", "Focus Previous", "Copy",
             "Paste", "Cut", "Select all"}
PALETTE_NOISE = {"Keys", "Maximize", "Minimize", "Screenshot", "Bell"}


def key_table(app: App) -> list[tuple[str, str]]:
    """Each active binding of the screen showing that has a description, as (keys, what it does)."""
    rows: dict[str, list[str]] = {}
    for active in app.screen.active_bindings.values():
        binding = active.binding
        if binding.description and active.enabled and binding.description not in HELP_NOISE:
            keys = rows.setdefault(HELP_WORDING.get(binding.description, binding.description), [])
            keys.append(app.get_key_display(binding))
    return [(" ".join(dict.fromkeys(keys)), description) for description, keys in rows.items()]


def palette_worthy(active: ActiveBinding) -> bool:
    """Our own actions only: not a list's cursor keys or focus moves from the toolkit's widgets."""
    binding = active.binding
    if not binding.description or not active.enabled or binding.description in HELP_NOISE | LOW_LEVEL:
        return False
    return not type(active.node).__module__.startswith("textual.")
