"""A path field that completes with tab, like a shell: the one match filled in, or the choices shown below it."""

from __future__ import annotations

import os
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Static

from ritual.text.safe import visible

MOST_CHOICES = 8


def _matches(folder: Path, start: str) -> list[tuple[str, bool]]:
    """(name, is a folder) of the entries of `folder` starting with `start`; hidden ones only when asked for."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    found = [(e.name, e.is_dir()) for e in entries
             if e.name.startswith(start) and (start.startswith(".") or not e.name.startswith("."))]
    return sorted(found, key=lambda pair: pair[0].casefold())


def complete(text: str) -> tuple[str, list[str]]:
    """The text completed as far as it is sure, and the choices left when more than one entry matches."""
    typed = os.path.expanduser(text) if text.startswith("~") else text
    head, start = os.path.split(typed)
    folder = Path(head) if head else Path(".")
    matches = _matches(folder, start)
    if not matches:
        return text, []
    if len(matches) == 1:
        name, is_dir = matches[0]
        return os.path.join(head, name) + (os.sep if is_dir else ""), []
    shared = os.path.commonprefix([name for name, _ in matches])
    shown = [name + (os.sep if is_dir else "") for name, is_dir in matches]
    return (os.path.join(head, shared) if shared else text), shown


class PathInput(Input):
    """An Input for a file or folder path; tab completes it, and with nothing to complete moves on."""

    BINDINGS = [Binding("tab", "complete", "Complete the path", show=False)]

    def action_complete(self) -> None:
        """Complete the path; show the choices when several entries match."""
        completed, choices = complete(self.value)
        field = self.parent if isinstance(self.parent, PathField) else None
        if field is not None:
            field.show_choices(choices)
        if completed == self.value and not choices:
            self.screen.focus_next()
            return
        self.value = completed
        self.cursor_position = len(completed)


class PathField(Vertical):
    """A path input with room for the completion choices under it."""

    DEFAULT_CSS = """
    PathField { height: auto; width: 1fr; }
    PathField > .path-choices { display: none; color: $text-muted; padding: 0 1; }
    PathField.-choosing > .path-choices { display: block; }
    """

    def __init__(self, value: str = "", *, placeholder: str = "", input_id: str, compact: bool = False) -> None:
        super().__init__()
        self.input = PathInput(value, placeholder=placeholder, id=input_id, compact=compact)

    def compose(self) -> ComposeResult:
        """The input, then its choices (hidden while there are none)."""
        yield self.input
        yield Static("", classes="path-choices", markup=False)

    def show_choices(self, choices: list[str]) -> None:
        """List the entries that match, or hide the list."""
        shown = choices[:MOST_CHOICES] + ([f"… {len(choices) - MOST_CHOICES} more"] if len(choices) > MOST_CHOICES else [])
        # File names are data: control characters in them are shown, never sent to the terminal.
        self.query_one(".path-choices", Static).update(visible("  ".join(shown)))
        self.set_class(bool(choices), "-choosing")
