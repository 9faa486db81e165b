"""Kept-current calendars as text and JSON: `ritual export status` and the lines of a refresh."""

from __future__ import annotations

import json
from datetime import datetime, tzinfo
from pathlib import Path

from ritual.services.calendar.kept import CURRENT, FAILED, UPDATED, ExportTarget, RefreshResult
from ritual.store.export_targets import TargetRecord

KIND_LABELS = {"file": "file", "caldav": "CalDAV"}
NO_TARGETS = (
    "No calendars are kept up to date yet. Name them in {config}:\n"
    "  export_ics_files = [\"~/Sync/ritual.ics\"]\n"
    "  export_caldav_urls = [\"https://dav.example/calendars/you/ritual/\"]"
)


def display_location(target: ExportTarget) -> str:
    """A file under the user's home as ~/..., a URL as it is."""
    if target.kind != "file":
        return target.location
    path, home = Path(target.location), Path.home()
    return "~/" + str(path.relative_to(home)) if path.is_relative_to(home) else str(path)


def describe_status(targets: list[ExportTarget], records: dict[str, TargetRecord], zone: tzinfo,
                    config: Path, as_json: bool) -> str:
    """Each target, when it was last refreshed and last changed, and its last error."""
    if as_json:
        return json.dumps([_status_row(t, records.get(t.key, TargetRecord(t.key))) for t in targets],
                          ensure_ascii=False, indent=2)
    if not targets:
        return NO_TARGETS.format(config=config)
    blocks = [_status_block(t, records.get(t.key, TargetRecord(t.key)), zone) for t in targets]
    return "\n".join(blocks)


def _status_block(target: ExportTarget, record: TargetRecord, zone: tzinfo) -> str:
    lines = [f"{KIND_LABELS[target.kind]:<7} {display_location(target)}"]
    if record.refreshed_at is None:
        lines.append("        not refreshed yet")
    else:
        changed = _when(record.changed_at, zone) if record.changed_at else "never"
        lines.append(f"        refreshed {_when(record.refreshed_at, zone)}, {record.events} events, "
                     f"last changed {changed}")
    if record.last_error:
        label = "failing since" if record.failing else "last error"
        lines.append(f"        {label} {_when(record.failed_at, zone)}: {record.last_error}")
    return "\n".join(lines)


def _status_row(target: ExportTarget, record: TargetRecord) -> dict:
    return {
        "kind": target.kind,
        "location": target.location,
        "refreshed_at": _iso(record.refreshed_at),
        "changed_at": _iso(record.changed_at),
        "events": record.events,
        "last_error": record.last_error,
        "failed_at": _iso(record.failed_at),
        "failing": record.failing,
    }


def result_line(result: RefreshResult) -> str:
    """`~/Sync/ritual.ics: wrote 212 events`, or why it failed."""
    where = display_location(result.target)
    if result.outcome == CURRENT:
        return f"{where}: up to date, nothing changed since the last refresh"
    if result.outcome == FAILED:
        return f"{where}: failed: {result.detail}"
    return f"{where}: {result.detail}" + ("" if result.outcome == UPDATED else " (nothing written)")


def _when(moment: datetime | None, zone: tzinfo) -> str:
    return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M") if moment else "never"


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None
