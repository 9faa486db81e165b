"""Importing in the app: which reader fits a file, and a table-ready report of what an import does or would do."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ritual.core.text import plural
from ritual.errors import RitualError
from ritual.store.database import Database

VCARD, CSV, ICS = "vCard", "CSV", "iCalendar"
SUFFIXES = {".vcf": VCARD, ".vcard": VCARD, ".csv": CSV, ".ics": ICS, ".ical": ICS}
STATUSES = ("created", "updated", "unchanged", "skipped")
NOTE = "note"
CALENDAR_CHOICES = "Circles and --overwrite are for contacts files; a calendar's dates only fill gaps."

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ReportRow:
    """One line of the preview table."""

    status: str
    name: str
    detail: str


@dataclass
class ImportReport:
    """The counts and the lines of one import (or of its preview)."""

    kind: str
    dry_run: bool
    counts: dict[str, int] = field(default_factory=dict)
    rows: list[ReportRow] = field(default_factory=list)

    @property
    def changes(self) -> int:
        """How many friends are (or would be) created or updated."""
        return self.counts.get("created", 0) + self.counts.get("updated", 0)

    def headline(self) -> str:
        """One calm sentence with the counts."""
        counts = ", ".join(f"{self.counts.get(status, 0)} {status}" for status in STATUSES)
        if self.dry_run:
            ending = " Nothing is saved until you choose Import." if self.changes else " There is nothing new to import."
            return f"This {self.kind} import would give: {counts}.{ending}"
        return f"Imported from {self.kind}: {counts}."


def file_kind(path: Path) -> str:
    """vCard, CSV or iCalendar, from a folder (of cards), the file name's ending, or the file's first lines."""
    if path.is_dir():
        return VCARD
    if not path.is_file():
        raise RitualError(f"There is no file or folder at {path}.")
    if path.suffix.lower() in SUFFIXES:
        return SUFFIXES[path.suffix.lower()]
    with path.open("rb") as handle:
        head = handle.read(4096).upper()
    if b"BEGIN:VCARD" in head:
        return VCARD
    if b"BEGIN:VCALENDAR" in head:
        return ICS
    if b"," in head or b";" in head:
        return CSV
    raise RitualError(f"{path.name} does not look like a vCard, CSV or iCalendar file.")


@dataclass(frozen=True)
class ImportChoices:
    """What the user chose beside the file: circles for everyone imported, and whether the file's values win."""

    tags: tuple[str, ...] = ()
    overwrite: bool = False


def read_and_import(db: Database, path: Path, dry_run: bool, progress: Progress | None = None,
                    choices: ImportChoices = ImportChoices()) -> ImportReport:
    """*worker*: import one file or folder in one transaction (rolled back for a dry run) and report."""
    kind = file_kind(path)
    if kind == ICS:
        report = _calendar(db, path, dry_run)
        if choices.tags or choices.overwrite:
            report.rows.insert(0, ReportRow(NOTE, "circles", CALENDAR_CHOICES))
        return report
    return _contacts(db, path, kind, dry_run, progress, choices)


def _calendar(db: Database, path: Path, dry_run: bool) -> ImportReport:
    from ritual.services.calendar.importer import import_calendar, read_source

    summary = import_calendar(db, read_source(str(path)), str(path), dry_run=dry_run)
    rows = [ReportRow(o.status, o.name, o.detail) for o in summary.outcomes]
    rows += [ReportRow(NOTE, "calendar", note) for note in summary.notes]
    return ImportReport(ICS, dry_run, {status: summary.count(status) for status in STATUSES}, rows)


def _contacts(db: Database, path: Path, kind: str, dry_run: bool, progress: Progress | None,
              choices: ImportChoices) -> ImportReport:
    from ritual.services.contacts.importer import import_contacts

    batches = _batches(path, kind)
    total = sum(len(records) for _, records in batches)
    done = [0]

    def counted(step: int) -> None:
        done[0] += step
        if progress:
            progress(done[0], total)

    summary = import_contacts(db, batches, kind.lower(), choices.overwrite, dry_run, counted, choices.tags)
    counts = {"created": summary.created, "updated": summary.updated, "unchanged": summary.unchanged,
              "skipped": summary.skipped_count}
    files = len(batches)
    rows = [ReportRow(o.status, o.name or _where(o.file, o.line, files), o.detail) for o in summary.outcomes]
    rows += [ReportRow(NOTE, _where(note.file, note.line, files), note.message) for note in summary.warnings]
    if summary.kept_edits:
        kept = plural(summary.kept_edits, "field")
        rows.insert(0, ReportRow(NOTE, "your edits", f"{kept} you changed in ritual kept; "
                                                        "tick “the file's values win” to take the file's"))
    return ImportReport(kind, dry_run, counts, rows)


def _batches(path: Path, kind: str) -> list[tuple[str, list]]:
    if kind == VCARD:
        from ritual.services.contacts.vcard_import import iter_vcard_paths

        return [(str(file), records) for file, records in iter_vcard_paths([path])]
    from ritual.services.contacts.csv_import import read_csv_file

    return [(str(path), read_csv_file(path))]


def _where(file: str, line: int, files: int) -> str:
    return f"{Path(file).name}, line {line}" if files > 1 else f"line {line}"

