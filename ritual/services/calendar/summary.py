"""What an import did, per person, and how it reads on the terminal."""

from __future__ import annotations

from dataclasses import dataclass, field

CREATED = "created"
UPDATED = "updated"
UNCHANGED = "unchanged"
SKIPPED = "skipped"
STATUSES = (CREATED, UPDATED, UNCHANGED, SKIPPED)
_LISTED = 25  # per status; longer lists end with a count


@dataclass(frozen=True)
class Outcome:
    """One person or event and what became of it."""

    status: str
    name: str
    detail: str


@dataclass
class ImportSummary:
    """Every outcome of one import."""

    outcomes: list[Outcome] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def count(self, status: str) -> int:
        """How many outcomes have this status."""
        return sum(1 for o in self.outcomes if o.status == status)

    def of(self, status: str) -> list[Outcome]:
        """The outcomes with this status, in the order they happened."""
        return [o for o in self.outcomes if o.status == status]

    def render(self, dry_run: bool = False) -> str:
        """Counts first, then who was created, updated or skipped (and why)."""
        verb = "Would import" if dry_run else "Imported"
        counts = ", ".join(f"{self.count(s)} {s}" for s in STATUSES)
        lines = [f"{verb}: {counts}."]
        for status in (CREATED, UPDATED, SKIPPED):
            found = self.of(status)
            lines += [f"  {status:<9} {o.name} — {o.detail}" for o in found[:_LISTED]]
            if len(found) > _LISTED:
                lines.append(f"  ... and {len(found) - _LISTED} more {status}")
        lines += [f"  note      {note}" for note in self.notes]
        if dry_run:
            lines.append("Nothing was changed (--dry-run).")
        return "\n".join(lines)
