"""Projects: a batch of cards (holiday cards 2026) and where each person's card stands."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import DataTable, OptionList, Static
from textual.widgets.option_list import Option

from ritual.core.text import now_is, short_day
from ritual.store.projects import STATUSES, Project
from ritual.tui.screens.base import DataScreen
from ritual.tui.screens.project_form import ProjectFormScreen
from ritual.tui.widgets.fitting_footer import FittingFooter
from ritual.tui.safe_text import markup_safe

if TYPE_CHECKING:
    from ritual.tui.data import RitualData

STATUS_WORDS = {"to_write": "to write", "written": "written", "posted": "in the post", "arrived": "arrived",
                "skipped": "skipped this year", "given": "given"}
NONE_YET = "No projects yet.\nPress n to start one:\na name, a due day and\nwho gets a card."
HINT = "n new project · space moves a card on · 1–4 set it · z undo"


def project_prompt(project: Project) -> Text:
    """The project's name, when it is due, and how far its cards have come."""
    counts = project.counts()
    text = Text(project.name, style="bold")
    if project.due:
        text.append(f"  by {short_day(project.due)}", style="dim")
    done = ", ".join(f"{n} {STATUS_WORDS[s]}" for s, n in counts.items() if n)
    return text.append(f"\n  {done or 'nobody yet'}", style="dim")


class ProjectsScreen(DataScreen):
    """Projects on the left, the chosen one's people and their cards on the right."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("n", "new_project", "New project"),
        Binding("space", "next_status", "Next status"),
        *[Binding(str(n), f"set_status('{s}')", STATUS_WORDS[s].capitalize(), show=False)
          for n, s in enumerate(STATUSES, start=1)],
    ]

    def __init__(self, data: RitualData) -> None:
        super().__init__(data)
        self.projects: list[Project] = []
        self.chosen: Project | None = None

    def compose(self) -> ComposeResult:
        """Title, the projects beside the chosen one's people."""
        yield Static("Projects", id="projects-title", classes="screen-title")
        with Horizontal(id="projects-body"):
            yield OptionList(id="project-list")
            yield DataTable(id="member-table", cursor_type="row", zebra_stripes=True)
        yield Static(HINT, id="projects-hint")
        yield FittingFooter()

    def on_mount(self) -> None:
        """Set up the columns."""
        self.query_one(DataTable).add_columns("Friend", "Card")

    def load(self) -> None:
        """Read the projects, keeping the one chosen before."""
        self.projects = self.data.projects()
        listing = self.query_one("#project-list", OptionList)
        chosen_id = self.chosen.id if self.chosen else None
        listing.clear_options()
        if not self.projects:
            listing.add_option(Option(Text(NONE_YET, style="italic"), disabled=True))
            self.chosen = None
            self.show_members()
            return
        listing.add_options([Option(project_prompt(p), id=str(p.id)) for p in self.projects])
        ids = [p.id for p in self.projects]
        listing.highlighted = ids.index(chosen_id) if chosen_id in ids else 0
        self.chosen = self.projects[listing.highlighted]
        self.show_members()

    def action_new_project(self) -> None:
        """Open the form for a new project; it is chosen once started."""
        self.app.push_screen(ProjectFormScreen(self.data), self._started)

    def _started(self, project: Project | None) -> None:
        if project is not None:
            self.chosen = project
            self.app.data_changed()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Show the people of the highlighted project."""
        if event.option_id:
            self.chosen = next(p for p in self.projects if str(p.id) == event.option_id)
            self.show_members()

    def show_members(self) -> None:
        """Each person in the chosen project and where their card stands."""
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        for member in self.chosen.members if self.chosen else ():
            table.add_row(markup_safe(member.friend), STATUS_WORDS[member.status], key=str(member.friend_id))
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))

    def action_next_status(self) -> None:
        """Move the card under the cursor on one step (after arrived, back to to write)."""
        member = self._member()
        if member is not None:
            step = STATUSES.index(member.status) + 1 if member.status in STATUSES else 0
            self.action_set_status(STATUSES[step % len(STATUSES)])

    def action_set_status(self, status: str) -> None:
        """Put the card under the cursor at `status`."""
        member = self._member()
        if member is None:
            return
        point = self.data.set_project_status(self.chosen.id, [member.friend_id], status)
        self.app.offer_undo(f"{member.friend}'s card in {self.chosen.name} {now_is(STATUS_WORDS[status])}", point)

    def _member(self):
        table = self.query_one(DataTable)
        if self.chosen is None or not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return next((m for m in self.chosen.members if str(m.friend_id) == key), None)
