"""Starting a project in the app: its name, what the cards are for, when they are due, and who gets one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from ritual.core.date_words import parse_day_words
from ritual.errors import InvalidValue, RitualError
from ritual.store.projects import Project
from ritual.tui.screens.friend_form import describe
from ritual.tui.widgets.date_input import DateInput
from ritual.tui.widgets.form_field import FieldMessages, FormField
from ritual.tui.screens.base import QuickOpening

if TYPE_CHECKING:
    from ritual.tui.data import RitualData

# Which field an error raised while starting the project belongs to.
ERROR_FIELDS = {"project name": "name", "occasion": "occasion", "due": "due", "members": "members"}


class ProjectFormScreen(QuickOpening, FieldMessages, ModalScreen[Project | None]):
    """A modal form for a new project; escape starts nothing."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save"),
    ]

    def __init__(self, data: RitualData) -> None:
        super().__init__()
        self.data = data

    def compose(self) -> ComposeResult:
        """Name, occasion, due day and members, then Save and Cancel."""
        with Vertical(id="project-form", classes="dialog form"):
            yield Static("A new project", classes="dialog-title")
            yield FormField("Name", Input(placeholder="Holiday cards 2026", compact=True, id="field-name"),
                            id="row-name")
            yield FormField("Occasion", Input(placeholder="holidays, new year, … (optional)", compact=True,
                                              id="field-occasion"), id="row-occasion")
            yield FormField("Due", DateInput(today=self.data.today(), placeholder="the day the cards are for: 10 dec, +2w · F2",
                                             id="field-due"), id="row-due")
            yield FormField("Who", Input(placeholder="Ana, Ben, #family (names, ids, #circles)", compact=True,
                                         id="field-members"), id="row-members")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", id="form-save", variant="primary")
                yield Button("Cancel (esc)", id="form-cancel")

    def on_mount(self) -> None:
        """Start in the name field."""
        self.query_one("#field-name", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#form-save")
    def action_save(self) -> None:
        """Start the project when every field is right; otherwise say what to change, beside it."""
        values = {key: self.query_one(f"#field-{key}", Input).value for key in ERROR_FIELDS.values()}
        for key in values:
            self._show(key, "")
        try:
            due = parse_day_words(values["due"], self.data.today(), "due") if values["due"].strip() else None
            project = self.data.start_project(values["name"], values["occasion"].strip(), due, values["members"])
        except InvalidValue as exc:
            self._problem(ERROR_FIELDS.get(exc.field, "name"), describe(exc))
            return
        except RitualError as exc:
            self._problem("members", exc.message)
            return
        self.app.notify(f"Started {project.name} with {len(project.members)} "
                        f"{'person' if len(project.members) == 1 else 'people'}.")
        self.dismiss(project)

    def _problem(self, key: str, message: str) -> None:
        self._show(key, message)
        self.query_one(f"#field-{key}").focus()

    @on(Button.Pressed, "#form-cancel")
    def action_cancel(self) -> None:
        """Close without starting anything."""
        self.dismiss(None)
