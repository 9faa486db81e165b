"""Importing in the app: which reader fits a file, and a table-ready report of what an import does or would do."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ritual.core.model import Friend
from ritual.errors import RitualError
from ritual.store.database import Database

VCARD, CSV, ICS = "vCard", "CSV", "iCalendar"
SUFFIXES = {".vcf": VCARD, ".vcard": VCARD, ".csv": CSV, ".ics": ICS, ".ical": ICS}
STATUSES = ("created", "updated", "unchanged", "skipped")
# Shown for each contact read from a vCard or CSV file: the contacts importer counts outcomes, not names.
CONTACT = "in the file"
NOTE = "note"

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


def read_and_import(db: Database, path: Path, dry_run: bool, progress: Progress | None = None) -> ImportReport:
    """*worker*: import one file or folder in one transaction (rolled back for a dry run) and report."""
    kind = file_kind(path)
    if kind == ICS:
        return _calendar(db, path, dry_run)
    return _contacts(db, path, kind, dry_run, progress)


def _calendar(db: Database, path: Path, dry_run: bool) -> ImportReport:
    from ritual.services.ics_import import import_calendar, read_source

    summary = import_calendar(db, read_source(str(path)), str(path), dry_run=dry_run)
    rows = [ReportRow(o.status, o.name, o.detail) for o in summary.outcomes]
    return ImportReport(ICS, dry_run, {status: summary.count(status) for status in STATUSES}, rows)


def _contacts(db: Database, path: Path, kind: str, dry_run: bool, progress: Progress | None) -> ImportReport:
    from ritual.services.contacts_import import import_contacts
    from ritual.services.contacts_record import Incoming

    batches = _batches(path, kind)
    total = sum(len(records) for _, records in batches)
    done = [0]

    def counted(step: int) -> None:
        done[0] += step
        if progress:
            progress(done[0], total)

    summary = import_contacts(db, batches, kind.lower(), dry_run=dry_run, progress=counted)
    counts = {"created": summary.created, "updated": summary.updated, "unchanged": summary.unchanged,
              "skipped": summary.skipped_count}
    rows = [ReportRow("skipped", _where(note.file, note.line, len(batches)), note.message) for note in summary.skipped]
    rows += [ReportRow(NOTE, _where(note.file, note.line, len(batches)), note.message) for note in summary.warnings]
    rows += [ReportRow(CONTACT, record.friend.name, contact_detail(record.friend))
             for _, records in batches for record in records if isinstance(record, Incoming)]
    if summary.kept_edits:
        rows.insert(0, ReportRow(NOTE, "your edits", f"{summary.kept_edits} fields you changed in ritual are kept"))
    return ImportReport(kind, dry_run, counts, rows)


def _batches(path: Path, kind: str) -> list[tuple[str, list]]:
    if kind == VCARD:
        from ritual.services.vcard_import import iter_vcard_paths

        return [(str(file), records) for file, records in iter_vcard_paths([path])]
    from ritual.services.csv_import import read_csv_file

    return [(str(path), read_csv_file(path))]


def _where(file: str, line: int, files: int) -> str:
    return f"{Path(file).name}, line {line}" if files > 1 else f"line {line}"


def contact_detail(friend: Friend) -> str:
    """Birthday and town of a contact, as far as the file tells."""
    parts = [f"birthday {friend.birthday.iso()}"] if friend.birthday else []
    if friend.addresses:
        address = friend.addresses[0]
        parts.append(", ".join(p for p in (address.city, address.country) if p))
    return " · ".join(p for p in parts if p) or "no dates or address"
