"""Calendars kept current by themselves: the `.ics` files and CalDAV calendars named in the settings.

A refresh first compares a fingerprint of what the export is made of (the store's change counters, the day,
the settings) with the one recorded at the target's last good refresh; when they match, nothing is built
or sent. Otherwise the export is built once for every target, a file is rewritten only when its bytes
differ, and a CalDAV calendar gets only the events that changed.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from dataclasses import dataclass, fields, is_dataclass
from datetime import date, datetime
from functools import cached_property
from pathlib import Path

from ritual import __version__
from ritual.errors import RitualError
from ritual.settings.load import Settings
from ritual.store.database import Database, open_database
from ritual.store.export_targets import ExportTargetLog, data_signature

log = logging.getLogger("ritual.reminders.exports")
_ADDRESS = re.compile(r" (?:object )?at 0x[0-9a-fA-F]+")
MAX_ERROR = 400

FILE, CALDAV = "file", "caldav"
# What a refresh did to one target.
CURRENT = "current"  # nothing changed since its last good refresh: not even built
UNCHANGED = "unchanged"  # built and compared: the target already held exactly this
UPDATED = "updated"
FAILED = "failed"


@dataclass(frozen=True, slots=True)
class ExportTarget:
    """One kept-current calendar: an `.ics` file or a CalDAV collection."""

    kind: str
    location: str

    @property
    def key(self) -> str:
        """Its name in the store."""
        return f"{self.kind}:{self.location}"


@dataclass(frozen=True, slots=True)
class RefreshResult:
    """What one refresh did to one target."""

    target: ExportTarget
    outcome: str
    detail: str = ""
    new_error: bool = False


def export_targets(settings: Settings) -> list[ExportTarget]:
    """The targets the settings name, files first."""
    files = [ExportTarget(FILE, str(path)) for path in settings.exports.ics_files]
    return files + [ExportTarget(CALDAV, url) for url in settings.exports.caldav_urls]


def refresh_exports(settings: Settings, db_path: Path, now: datetime, today: date,
                    force: bool = False) -> list[RefreshResult]:
    """Bring every target up to date; `force` builds and compares even when nothing seems changed."""
    targets = export_targets(settings)
    if not targets:
        return []
    db = open_database(db_path)
    try:
        refresh = ExportRound(settings, db, now, today)
        return [refresh.target(target, force) for target in targets]
    finally:
        db.close()


def stale_targets(settings: Settings, db_path: Path, now: datetime) -> list[ExportTarget]:
    """The targets a refresh would build for (a few queries; nothing is built, written or sent)."""
    targets = export_targets(settings)
    if not targets:
        return []
    db = open_database(db_path)
    try:
        check = ExportRound(settings, db, now, now.date())
        records = check.record.all()
        return [t for t in targets if not check.is_current(t, getattr(records.get(t.key), "fingerprint", None))]
    finally:
        db.close()


class ExportRound:
    """One pass over the targets, sharing one fingerprint and one build of the events."""

    def __init__(self, settings: Settings, db: Database, now: datetime, today: date) -> None:
        self.settings = settings
        self.db = db
        self.now = now
        self.today = today
        self.record = ExportTargetLog(db)

    @cached_property
    def source(self) -> str:
        """A digest of everything an export is made of today."""
        made_of = {"version": __version__, "today": self.today.isoformat(), "data": data_signature(self.db),
                   "settings": canonical(self.settings)}
        return hashlib.sha256(json.dumps(made_of, sort_keys=True, default=str).encode()).hexdigest()

    @cached_property
    def events(self) -> list:
        """The calendar's events, built at most once per round."""
        from ritual.services.calendar.export import ExportRequest, calendar_events

        exports = self.settings.exports
        return calendar_events(self.settings, self.db, ExportRequest(self.today, exports.include, exports.years))

    @cached_property
    def ics_bytes(self) -> bytes:
        """The whole `.ics` file, byte-reproducible for unchanged data."""
        from ritual.services.calendar.export import CALENDAR_NAME
        from ritual.services.calendar.render import render_calendar

        return render_calendar(self.events, CALENDAR_NAME)

    def fingerprint(self, target: ExportTarget) -> str:
        """What this target's export is made of, as one digest."""
        return hashlib.sha256(f"{self.source}\n{target.key}".encode()).hexdigest()

    def is_current(self, target: ExportTarget, recorded: str | None) -> bool:
        """True when the target's last good refresh was made of exactly what is there now."""
        # A file deleted since is written again at once, not on the next day.
        missing = target.kind == FILE and not Path(target.location).is_file()
        return not missing and recorded == self.fingerprint(target)

    def target(self, target: ExportTarget, force: bool) -> RefreshResult:
        """Refresh one target and record how it went."""
        fingerprint = self.fingerprint(target)
        before = self.record.get(target.key)
        if not force and self.is_current(target, before.fingerprint):
            return RefreshResult(target, CURRENT)
        try:
            changed, detail = self._write(target)
        except Exception as exc:  # one broken target must not stop the others, nor the reminders around them
            return self._failed(target, exc, before.last_error)
        self.record.succeeded(target.key, fingerprint, self.now, changed, len(self.events))
        return RefreshResult(target, UPDATED if changed else UNCHANGED, detail)

    def _write(self, target: ExportTarget) -> tuple[bool, str]:
        if target.kind == FILE:
            return self._write_file(Path(target.location))
        return self._sync_caldav(target.location)

    def _write_file(self, path: Path) -> tuple[bool, str]:
        from ritual.private_files import write_private_bytes

        data = self.ics_bytes
        if path.is_file() and path.read_bytes() == data:
            return False, f"{len(self.events)} events, unchanged"
        write_private_bytes(path, data)
        return True, f"wrote {len(self.events)} events"

    def _sync_caldav(self, url: str) -> tuple[bool, str]:
        from ritual.services.calendar.caldav_auth import CalDavTarget
        from ritual.services.calendar.caldav_sync import sync_calendar

        login = CalDavTarget(url, self.settings.caldav_user, self.settings.caldav_password_command)
        result = sync_calendar(login, self.events)
        counts = f"{result.created} created, {result.updated} updated, {result.deleted} deleted"
        return result.writes > 0, f"{counts}, {result.unchanged} unchanged"

    def _failed(self, target: ExportTarget, exc: Exception, previous: str | None) -> RefreshResult:
        message = describe_error(exc)
        if not isinstance(exc, (RitualError, OSError)):
            log.debug("export %s failed", target.location, exc_info=exc)
        self.record.failed(target.key, message, self.now)
        return RefreshResult(target, FAILED, message, message != previous)


def describe_error(exc: Exception) -> str:
    """The one line a person reads about a failed refresh."""
    if isinstance(exc, RitualError):
        return _steady(exc.message)
    if isinstance(exc, OSError) and exc.strerror:
        where = f"{exc.filename}: " if exc.filename else ""
        return f"{where}{exc.strerror}"
    lines = str(exc).strip().splitlines()
    return _steady(f"{type(exc).__name__}: {lines[0]}" if lines else type(exc).__name__)


def _steady(message: str) -> str:
    """The message without object addresses, so the same failure reads the same in every process."""
    return _ADDRESS.sub("", message)[:MAX_ERROR]


def canonical(value: object) -> object:
    """Settings as plain JSON values, sets sorted, so the same settings give the same fingerprint in any process."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: canonical(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, tuple) and hasattr(value, "_fields"):  # a NamedTuple record reads as its fields too
        return {name: canonical(getattr(value, name)) for name in value._fields}
    if isinstance(value, dict):
        return {str(key): canonical(item) for key, item in value.items()}
    if isinstance(value, (set, frozenset)):
        # Set order depends on the process's string hashing.
        return sorted((canonical(item) for item in value), key=repr)
    if isinstance(value, (list, tuple)):
        return [canonical(item) for item in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)
