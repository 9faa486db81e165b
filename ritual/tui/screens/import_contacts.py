"""Importing contacts and birthdays: a path, a preview of what would change, then the import itself."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Button, Checkbox, DataTable, Input, ProgressBar, Static

from ritual.errors import RitualError
from ritual.services.contacts.friend_fields import parse_tags
from ritual.services.contacts.file_import import ImportChoices, ImportReport, read_and_import
from ritual.tui.transfer_messages import ContactsImported, ImportRead, TransferFailed, TransferStepped
from ritual.tui.widgets.fitting_footer import FittingFooter
from ritual.tui.widgets.path_field import PathField
from ritual.tui.safe_text import markup_safe

if TYPE_CHECKING:
    from ritual.tui.data import RitualData

INTRO = ("vCard files (.vcf) or folders of them from phones and address books, CSV exports from Google or "
         "Outlook, or an .ics birthday calendar. You see what would change before anything is saved.")
STATUS_STYLES = {"created": "green", "updated": "cyan", "unchanged": "dim", "skipped": "yellow", "note": "dim"}
# Progress is posted about this many times per import, however many contacts the file holds.
PROGRESS_MESSAGES = 50


class ImportScreen(Screen[int]):
    """Preview first, import second; dismisses with how many friends were created or updated."""

    AUTO_FOCUS = "#import-path"
    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("ctrl+s", "run_import", "Import"),
    ]

    def __init__(self, data: RitualData) -> None:
        super().__init__()
        self.data = data
        self.preview: ImportReport | None = None
        self.previewed_path = ""
        self.previewed_choices = ImportChoices()
        self.imported = 0
        self.running = False

    def compose(self) -> ComposeResult:
        """The path and buttons above, the table of what happens below."""
        yield Static("Import contacts and birthdays", classes="screen-title")
        yield Static(INTRO, id="import-intro")
        with Horizontal(id="import-path-row"):
            yield PathField(placeholder="path to a .vcf, .csv or .ics file, or a folder of cards (tab completes)",
                            input_id="import-path")
            yield Button("Preview", id="import-preview")
            yield Button("Import (ctrl+s)", id="import-run", variant="primary", disabled=True)
        with Horizontal(id="import-choices-row"):
            yield Input(placeholder="circles for everyone imported, comma separated (optional)", id="import-tags")
            yield Checkbox("the file's values win over your edits", id="import-overwrite")
        yield ProgressBar(id="import-progress", show_eta=False)
        yield Static("Type a path and press enter for a preview.", id="import-status")
        yield DataTable(id="import-table", cursor_type="row", zebra_stripes=True)
        yield FittingFooter()

    def on_mount(self) -> None:
        """Columns, and no progress bar until something runs."""
        self.query_one(DataTable).add_columns("What happens", "Who", "Details")
        self.query_one("#import-progress").display = False

    @property
    def path_text(self) -> str:
        """The path as typed."""
        return self.query_one("#import-path", Input).value.strip()

    @property
    def choices(self) -> ImportChoices:
        """The circles and the overwrite choice as set now."""
        tags = parse_tags([self.query_one("#import-tags", Input).value])
        return ImportChoices(tags, self.query_one("#import-overwrite", Checkbox).value)

    @on(Input.Changed, "#import-path")
    @on(Input.Changed, "#import-tags")
    @on(Checkbox.Changed, "#import-overwrite")
    def _choice_changed(self) -> None:
        # Only what was previewed, as it was previewed, may be imported.
        self.query_one("#import-run", Button).disabled = True

    @on(Input.Submitted, "#import-path")
    @on(Input.Submitted, "#import-tags")
    @on(Button.Pressed, "#import-preview")
    def action_preview(self) -> None:
        """Read the file and show what an import would do, saving nothing."""
        if not self.path_text:
            self._say("Please type the path of a file or folder first.", problem=True)
            return
        self._start(self.path_text, dry_run=True, status="Reading")

    @on(Button.Pressed, "#import-run")
    def action_run_import(self) -> None:
        """Import what the preview showed."""
        if self.preview is None or not self.preview.changes or not self._as_previewed():
            self._say("Preview the file first (enter); then Import saves what the preview shows.", problem=True)
            return
        self._start(self.previewed_path, dry_run=False, status="Importing")

    def _as_previewed(self) -> bool:
        return self.previewed_path == self.path_text and self.previewed_choices == self.choices

    def _start(self, path: str, dry_run: bool, status: str) -> None:
        if self.running:
            return
        self.running = True
        for button in self.query(Button):
            button.disabled = True
        bar = self.query_one("#import-progress", ProgressBar)
        bar.display = True
        bar.update(total=None, progress=0)
        self._say(f"{status} {path}…")
        self._read(path, dry_run, self.choices)

    @work(thread=True, exclusive=True, group="import")
    def _read(self, path: str, dry_run: bool, choices: ImportChoices) -> None:
        def progressed(done: int, total: int) -> None:
            if done == total or done % max(1, total // PROGRESS_MESSAGES) == 0:
                self.post_message(TransferStepped("Reading", done, total))

        try:
            with self.data.writer() as db:
                report = read_and_import(db, Path(path).expanduser(), dry_run, progressed, choices)
        except RitualError as exc:
            self.post_message(TransferFailed(exc.message))
            return
        self.post_message(ImportRead(path, report, choices))

    def on_transfer_stepped(self, message: TransferStepped) -> None:
        """Move the bar."""
        self.query_one("#import-progress", ProgressBar).update(total=message.total, progress=message.done)

    def on_import_read(self, message: ImportRead) -> None:
        """Fill the table; after a preview, Import becomes possible when something would change."""
        report = message.report
        self._stopped()
        self._fill(report)
        self._say(report.headline())
        if report.dry_run:
            self.preview, self.previewed_path, self.previewed_choices = report, message.path, message.choices
            self.query_one("#import-run", Button).disabled = not report.changes or not self._as_previewed()
            return
        self.preview = None
        self.imported += report.changes
        self.post_message(ContactsImported(report))

    def on_transfer_failed(self, message: TransferFailed) -> None:
        """Say what is wrong with the file, calmly; nothing was saved."""
        self._stopped()
        self.query_one(DataTable).clear()
        self.preview = None
        self._say(f"{message.reason} Nothing was saved.", problem=True)

    def _stopped(self) -> None:
        self.running = False
        self.query_one("#import-progress").display = False
        self.query_one("#import-preview", Button).disabled = False

    def _fill(self, report: ImportReport) -> None:
        table = self.query_one(DataTable)
        table.clear()
        for row in report.rows:
            status = Text(row.status, style=STATUS_STYLES.get(row.status, ""))
            table.add_row(status, markup_safe(row.name), markup_safe(row.detail))

    def _say(self, text: str, problem: bool = False) -> None:
        status = self.query_one("#import-status", Static)
        status.update(text)
        status.set_class(problem, "-problem")

    @property
    def status_text(self) -> str:
        """The status line as shown (for tests and screen readers)."""
        return str(self.query_one("#import-status", Static).content)

    def action_back(self) -> None:
        """Leave, saying how many friends came in; not while a file is being read or imported."""
        if self.running:
            self.notify("One moment: the file is still being read.")
            return
        self.dismiss(self.imported)
