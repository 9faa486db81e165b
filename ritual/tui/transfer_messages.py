"""Messages of the import and export screens: workers report progress and results; screens tell the app."""

from __future__ import annotations

from textual.message import Message

from ritual.services.calendar.export_steps import ExportResult
from ritual.services.contacts.file_import import ImportChoices, ImportReport


class TransferStepped(Message):
    """A worker started the next step of an import or export."""

    def __init__(self, text: str, done: int, total: int | None) -> None:
        super().__init__()
        self.text = text
        self.done = done
        self.total = total


class TransferFailed(Message):
    """An import or export stopped; `reason` says why in plain words."""

    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason


class CalendarExported(Message):
    """The .ics file was written (and the CalDAV calendar updated, when asked)."""

    def __init__(self, result: ExportResult) -> None:
        super().__init__()
        self.result = result


class ImportRead(Message):
    """A worker finished a preview (dry run) or an import of one file or folder, with the choices it ran under."""

    def __init__(self, path: str, report: ImportReport, choices: ImportChoices | None = None) -> None:
        super().__init__()
        self.path = path
        self.report = report
        self.choices = choices


class ContactsImported(Message):
    """Friends were created or updated by an import: the app refreshes what shows them."""

    def __init__(self, report: ImportReport) -> None:
        super().__init__()
        self.report = report
