"""The words an import ends with: counts, kept edits, and each skipped record with file and line."""

from __future__ import annotations

from ritual.core.text import plural
from ritual.services.contacts_import import ImportSummary


def summary_lines(summary: ImportSummary, files: int) -> list[str]:
    """The summary as lines of plain text."""
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
    if summary.skipped:
        lines += ["", "Skipped:"] + [f"  {note}" for note in summary.skipped]
    if summary.warnings:
        lines += ["", "Imported with changes:"] + [f"  {note}" for note in summary.warnings]
    return lines
