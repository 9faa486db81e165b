"""Daily rolling backups: the first time ritual opens its database on a day, a full backup; the last N are kept.

The check on every other run is one `stat` of today's file name, so fast commands stay fast.
"""

from __future__ import annotations

import sqlite3
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ritual.errors import RitualError
from ritual.paths import Paths
from ritual.store.tables import has_rows
from ritual.text.safe import visible

if TYPE_CHECKING:
    from ritual.store.database import Database

PREFIX = "ritual-daily-"
SUFFIX = ".json"


def daily_file(paths: Paths, day_text: str) -> Path:
    """Where the rolling backup of one day (`YYYY-MM-DD`) lives."""
    return paths.backups_dir / f"{PREFIX}{day_text}{SUFFIX}"


def daily_backup(db: Database, paths: Paths, keep: int, now: datetime) -> Path | None:
    """Write today's backup unless it exists (or `keep` is 0, or nobody is stored yet); returns the file written."""
    if keep <= 0:
        return None
    target = daily_file(paths, now.date().isoformat())
    if target.exists() or not _has_friends(db):
        return None
    from ritual.services.backup.write import write_backup

    written = write_backup(db, paths, target, now)
    prune(paths.backups_dir, keep)
    return written


def backup_quietly(db: Database, paths: Paths, keep: int, now: datetime) -> Path | None:
    """The daily backup, where a failure is told on stderr but never stops the command that opened the store."""
    try:
        return daily_backup(db, paths, keep, now)
    except (RitualError, OSError, sqlite3.Error) as exc:
        reason = exc.message if isinstance(exc, RitualError) else (getattr(exc, "strerror", None) or str(exc))
        print(visible(f"ritual: today's automatic backup could not be written ({reason})"), file=sys.stderr)
        return None


def rolling_files(folder: Path) -> list[Path]:
    """The rolling backups in a folder, oldest first (the date in the name sorts them)."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob(f"{PREFIX}*{SUFFIX}") if p.is_file())


def prune(folder: Path, keep: int) -> list[Path]:
    """Remove all but the newest `keep` rolling backups; manual backups and migration copies are never touched."""
    found = rolling_files(folder)
    removed = found[: max(0, len(found) - keep)]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def _has_friends(db: Database) -> bool:
    # An empty home has nothing worth keeping, and its backups would only push out the useful ones.
    return has_rows(db, "friends")
