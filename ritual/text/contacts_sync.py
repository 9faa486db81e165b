"""What `ritual sync contacts` and `ritual sync conflicts` print: counts, names, conflicts with both values."""

from __future__ import annotations

import json
import re

from ritual.core.dates import PartialDate
from ritual.core.text import plural
from ritual.services.contacts.vdir_merge import address_from_dict
from ritual.services.contacts.vdir_sync import SyncReport
from ritual.store.vdir_state import Conflict

# Names and values come from strangers' cards: control characters never reach the terminal.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
FIELD_LABELS = {"name": "name", "nickname": "nickname", "birthday": "birthday", "anniversary": "anniversary",
                "addresses": "addresses", "tags": "circles", "notes": "notes"}
_LISTED = 10


def shown(text: str) -> str:
    """Text safe to print: every control character (escape, line break) becomes a visible mark."""
    return _CONTROL.sub("\N{REPLACEMENT CHARACTER}", text)


def describe_reports(reports: list[SyncReport], as_json: bool) -> str:
    """The whole outcome of a sync, one block per folder."""
    if as_json:
        return json.dumps([report_dict(r) for r in reports], ensure_ascii=False, indent=2)
    return "\n".join(line for report in reports for line in report_lines(report))


def report_dict(report: SyncReport) -> dict:
    """One folder's outcome as JSON-ready values."""
    return {
        "folder": report.folder, "dry_run": report.dry_run,
        "friends_created": report.friends_created, "friends_updated": report.friends_updated,
        "friends_removed": report.friends_removed, "cards_created": report.cards_created,
        "cards_updated": report.cards_updated, "cards_removed": report.cards_removed,
        "unchanged": report.unchanged,
        "conflicts": [conflict_dict(name, c) for name, c in report.conflicts],
        "skipped": [{"file": n.file, "line": n.line, "message": n.message} for n in report.skipped],
    }


def conflict_dict(name: str, conflict: Conflict) -> dict:
    """One conflict as JSON-ready values."""
    return {"friend": name, "friend_id": conflict.friend_id, "field": conflict.field, "ritual": conflict.ritual_value,
            "card": conflict.card_value, "folder": conflict.vdir, "file": conflict.href}


def report_lines(report: SyncReport) -> list[str]:
    """One folder's outcome for people."""
    would = "would be " if report.dry_run else ""
    lines = [f"{shown(report.folder)}:" + (" (dry run, nothing changed)" if report.dry_run else "")]
    for noun, verb, names in (("friend", "added", report.friends_created), ("friend", "updated", report.friends_updated),
                              ("friend", "removed", report.friends_removed), ("card", "added", report.cards_created),
                              ("card", "updated", report.cards_updated), ("card", "removed", report.cards_removed)):
        if names:
            lines.append(f"  {plural(len(names), noun)} {would}{verb}: {_names(names)}")
    if not report.changed:
        lines.append(f"  Nothing {'would change' if report.dry_run else 'changed'} ({plural(report.unchanged, 'card')} "
                     "in step).")
    for name, conflict in report.conflicts:
        lines.append(f"  Conflict: {shown(name)}'s {FIELD_LABELS[conflict.field]} changed on both sides "
                     f"(ritual: {value_text(conflict.field, conflict.ritual_value)}; card: "
                     f"{value_text(conflict.field, conflict.card_value)}); see `ritual sync conflicts`.")
    lines += [f"  Skipped {shown(str(note))}" for note in report.skipped]
    return lines


def _names(names: list[str]) -> str:
    """The first names of a list, and how many more."""
    listed = ", ".join(shown(n) for n in names[:_LISTED])
    return listed + (f" and {len(names) - _LISTED} more" if len(names) > _LISTED else "")


def value_text(field: str, value: object) -> str:
    """A field's value as a person reads it."""
    if value in (None, "", []):
        return "(empty)"
    if field in ("birthday", "anniversary"):
        return PartialDate.parse(str(value)).iso()
    if field == "addresses":
        return " / ".join(shown(address_from_dict(a).one_line()) for a in value)
    if field == "tags":
        return ", ".join(shown(t) for t in value)
    return shown(str(value))


def describe_conflicts(found: list[tuple[str, Conflict]], as_json: bool) -> str:
    """The standing conflicts with both values and the command that settles each."""
    if as_json:
        return json.dumps([conflict_dict(name, c) for name, c in found], ensure_ascii=False, indent=2)
    if not found:
        return "No conflicts: your friends and the address book agree."
    lines = []
    for name, conflict in found:
        lines += [f"{shown(name)} (id {conflict.friend_id}), {FIELD_LABELS[conflict.field]}:",
                  f"  in ritual:           {value_text(conflict.field, conflict.ritual_value)}",
                  f"  in the address book: {value_text(conflict.field, conflict.card_value)}  "
                  f"({shown(conflict.vdir)}/{shown(conflict.href)})"]
    lines.append("Keep one side with `ritual sync conflicts FRIEND --keep ritual` or `--keep card` "
                 "(add --field to settle one field).")
    return "\n".join(lines)
