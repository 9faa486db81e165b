"""Exporting the calendar: an .ics file, and the CalDAV calendar when one is set, in a worker with its steps shown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, ProgressBar, Static

from ritual.errors import RitualError
from ritual.services.calendar.export_steps import ExportChoice, ExportResult, default_file, run_export
from ritual.tui.transfer_messages import CalendarExported, TransferFailed, TransferStepped
from ritual.tui.widgets.path_field import PathField
from ritual.tui.widgets.form_field import FormField
from ritual.tui.screens.base import QuickOpening

if TYPE_CHECKING:
    from ritual.tui.data import RitualData

INTRO = ("Birthdays and occasions as yearly events, and the days to write and post as events with an alarm, "
         "in a file every calendar reads (Google, Apple, Thunderbird, Outlook, khal).")
NO_CALDAV = "To publish to a CalDAV calendar as well, set caldav_url in your config.toml."


class ExportScreen(QuickOpening, ModalScreen[None]):
    """Choose the file (and CalDAV), export, and see how it went; the dialog stays until closed."""

    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("ctrl+s", "export", "Export"),
    ]

    def __init__(self, data: RitualData) -> None:
        super().__init__()
        self.data = data
        self.running = False
        self.result: ExportResult | None = None

    def _data_dir(self):
        paths = getattr(self.app, "paths", None)
        return paths.data_dir if paths is not None else None

    def compose(self) -> ComposeResult:
        """Where to, whether to publish, the progress, and the buttons."""
        url = self.data.settings.caldav_url
        with Vertical(id="export-dialog", classes="dialog"):
            yield Static("Export the calendar", classes="dialog-title")
            yield Static(INTRO, id="export-intro")
            yield FormField("File", PathField(default_file(self.data.settings, self._data_dir()), compact=True,
                                              input_id="export-file"), id="row-export-file")
            if url:
                yield Checkbox(f"Also publish to {url}", True, compact=True, id="export-caldav")
            else:
                yield Static(NO_CALDAV, id="export-caldav-hint")
            yield ProgressBar(id="export-progress", show_eta=False)
            yield Static(id="export-status")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Export (ctrl+s)", id="export-go", variant="primary")
                yield Button("Close (esc)", id="export-close")

    def on_mount(self) -> None:
        """Start in the file field (enter exports); the progress shows once something runs."""
        self.query_one("#export-progress").display = False
        self.query_one("#export-status").display = False
        self.query_one("#export-file", Input).focus()

    def choice(self) -> ExportChoice:
        """What the dialog asks for right now."""
        boxes = self.query("#export-caldav").results(Checkbox)
        return ExportChoice(self.query_one("#export-file", Input).value, any(box.value for box in boxes))

    @on(Input.Submitted, "#export-file")
    @on(Button.Pressed, "#export-go")
    def action_export(self) -> None:
        """Run the export in the background."""
        if self.running:
            return
        choice = self.choice()
        self.running = True
        self.query_one("#export-go", Button).disabled = True
        bar = self.query_one("#export-progress", ProgressBar)
        bar.display = True
        bar.update(total=len(choice.steps), progress=0)
        self._export(choice)

    @work(thread=True, exclusive=True, group="export")
    def _export(self, choice: ExportChoice) -> None:
        steps = iter(range(len(choice.steps)))

        def stepped(text: str) -> None:
            self.post_message(TransferStepped(text, next(steps), len(choice.steps)))

        try:
            with self.data.writer() as db:
                result = run_export(self.data.settings, db, self.data.today(), choice, stepped)
        except RitualError as exc:
            self.post_message(TransferFailed(exc.message))
            return
        self.post_message(CalendarExported(result))

    def on_transfer_stepped(self, message: TransferStepped) -> None:
        """Show the step under way."""
        self.query_one("#export-progress", ProgressBar).update(progress=message.done)
        self._say(f"{message.text}…")

    def on_calendar_exported(self, message: CalendarExported) -> None:
        """Say what was written and published, and anything that could not be."""
        self._finished()
        self.result = message.result
        self.query_one("#export-progress", ProgressBar).update(progress=len(self.choice().steps))
        self._say(message.result.text(), problem=bool(message.result.problems))
        self.app.notify(message.result.done[0], title="Calendar exported")

    def on_transfer_failed(self, message: TransferFailed) -> None:
        """Tell what stopped the export, calmly, and let the user try again."""
        self._finished()
        self.query_one("#export-progress").display = False
        self._say(f"Nothing was exported. {message.reason}", problem=True)

    def _say(self, text: str, problem: bool = False) -> None:
        status = self.query_one("#export-status", Static)
        status.update(text)
        status.display = True
        status.set_class(problem, "-problem")

    def _finished(self) -> None:
        self.running = False
        self.query_one("#export-go", Button).disabled = False

    @on(Button.Pressed, "#export-close")
    def action_close(self) -> None:
        """Close, unless an export is still under way."""
        if self.running:
            self.notify("One moment: the export is still running.")
            return
        self.dismiss(None)

    @property
    def status_text(self) -> str:
        """The status line as shown (for tests and screen readers)."""
        return str(self.query_one("#export-status", Static).content)
