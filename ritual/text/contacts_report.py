"""The words an import ends with: counts, kept edits, each record's outcome, and skips with file and line."""

from __future__ import annotations

from ritual.core.text import plural
from ritual.services.contacts.importer import ImportSummary
from ritual.services.contacts.outcome import STATUSES, RecordOutcome

# A dry run lists this many records per status; --verbose lists them all.
DRY_RUN_LISTED = 25


def summary_lines(summary: ImportSummary, files: int, verbose: bool = False) -> list[str]:
    """The summary as lines of plain text; every record is listed with `verbose`, and in a dry run."""
    counts = (
        f"{summary.created} created, {summary.updated} updated, "
        f"{summary.unchanged} unchanged, {summary.skipped_count} skipped"
    )
    if summary.dry_run:
        lines = [f"Dry run, nothing saved. From {plural(files, 'file')} this would give: {counts}."]
    else:
        lines = [f"Imported from {plural(files, 'file')}: {counts}."]
    if summary.kept_edits:
        lines.append(
            f"Kept {plural(summary.kept_edits, 'field')} you changed in ritual; "
            "--overwrite takes the file's values instead."
        )
    if verbose or summary.dry_run:
        lines += ["", *record_lines(summary, None if verbose else DRY_RUN_LISTED)]
    elif summary.skipped:
        lines += ["", "Skipped:"] + [f"  {note}" for note in summary.skipped]
    if summary.warnings:
        lines += ["", "Imported with changes:"] + [f"  {note}" for note in summary.warnings]
    return lines


def record_lines(summary: ImportSummary, limit: int | None = None) -> list[str]:
    """One line per record, in file order; with a limit, each status stops after that many and says how many more."""
    shown: dict[str, int] = dict.fromkeys(STATUSES, 0)
    lines = []
    for outcome in summary.outcomes:
        shown[outcome.status] += 1
        if limit is None or shown[outcome.status] <= limit:
            lines.append(record_line(outcome))
    for status, count in shown.items():
        if limit is not None and count > limit:
            lines.append(f"  … and {count - limit} more {status} (--verbose lists every one)")
    return lines


def record_line(outcome: RecordOutcome) -> str:
    """`  created   file:line: Name — what`; a skipped record names its file and line and why."""
    if not outcome.name:
        return f"  {outcome.status:<9} {outcome.where}: {outcome.detail}"
    return f"  {outcome.status:<9} {outcome.where}: {outcome.name} — {outcome.detail}"
