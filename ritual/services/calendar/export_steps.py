"""The calendar export step by step: the .ics file, then the CalDAV calendar when one is set (for a worker to report)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ritual.core.text import plural
from ritual.errors import RitualError
from ritual.settings.load import Settings
from ritual.store.database import Database

DEFAULT_FILE = "~/ritual.ics"
GATHER = "Gathering birthdays, occasions and the days to write and post"
WRITE = "Writing the file"
PUBLISH = "Publishing to your CalDAV calendar"


@dataclass(frozen=True)
class ExportChoice:
    """Where the file goes (`-` for standard output), what it holds, and whether the CalDAV calendar is updated too."""

    file: str
    caldav: bool = False
    include: tuple[str, ...] | None = None
    years: int | None = None

    def request(self, settings: Settings, today: date):
        """The export request: this choice's kinds and years, else the settings' own."""
        from ritual.services.calendar.export import ExportRequest

        exports = settings.exports
        return ExportRequest(today, self.include or exports.include, self.years or exports.years)

    @property
    def steps(self) -> tuple[str, ...]:
        """The steps this export takes, in order."""
        return (GATHER, WRITE, PUBLISH) if self.caldav else (GATHER, WRITE)


@dataclass
class ExportResult:
    """What was done, and what could not be (a CalDAV problem leaves the written file in place)."""

    done: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def text(self) -> str:
        """Everything to tell, one sentence a line."""
        return "\n".join(self.done + self.problems)


def default_file(settings: Settings, data_dir: Path | None = None) -> str:
    """The first .ics file the settings keep current, else one beside the home's data (never outside a --home)."""
    files = settings.exports.ics_files
    if files:
        return _tilde(files[0])
    return _tilde(data_dir / "ritual.ics") if data_dir is not None else DEFAULT_FILE


def _tilde(path: Path) -> str:
    home = Path.home()
    return f"~/{path.relative_to(home)}" if path.is_relative_to(home) else str(path)


def run_export(settings: Settings, db: Database, today: date, choice: ExportChoice,
               step: Callable[[str], None] = lambda _step: None) -> ExportResult:
    """Write the .ics file (the CLI's and the app's one path) and, when chosen, publish the same events."""
    from ritual.services.calendar.export import CALENDAR_NAME, calendar_events
    from ritual.services.calendar.render import render_calendar
    from ritual.private_files import write_private_bytes

    if not choice.file.strip():
        raise RitualError("Please name a file to write, such as ~/ritual.ics.")
    step(GATHER)
    events = calendar_events(settings, db, choice.request(settings, today))
    step(WRITE)
    target = Path(choice.file.strip()).expanduser()
    try:
        write_private_bytes(target, render_calendar(events, CALENDAR_NAME))
    except OSError as exc:
        raise RitualError(f"{choice.file} could not be written ({exc.strerror or exc}).") from None
    except RitualError as exc:
        reason = exc.message.removeprefix(f"{target}: ").removeprefix(f"{target.absolute()}: ")
        raise RitualError(f"{choice.file} could not be written ({reason}).") from None
    result = ExportResult([f"Wrote {plural(len(events), 'event')} to {choice.file.strip()}."])
    if choice.caldav:
        step(PUBLISH)
        _publish(settings, events, result)
    return result


def _publish(settings: Settings, events: list, result: ExportResult) -> None:
    from ritual.services.calendar.caldav_auth import CalDavTarget
    from ritual.services.calendar.caldav_sync import sync_calendar

    try:
        synced = sync_calendar(CalDavTarget.from_settings(settings), events)
    except RitualError as exc:
        result.problems.append(f"The CalDAV calendar was left as it was: {exc.message}")
        return
    result.done.append(synced.render())
