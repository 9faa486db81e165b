"""Finishing a restore that committed its rows but was stopped before every settings file was written."""

from __future__ import annotations

from pathlib import Path

from ritual.store.database import Database
from ritual.store.meta import clear_pending_settings, pending_settings


def finish_restore(db: Database) -> bool:
    """Write the settings files a committed restore still owes; True when there were any."""
    files = pending_settings(db)
    if not files:
        return False
    from ritual.private_files import write_private_text  # only after a stopped restore: every command asks

    for target, text in files.items():
        write_private_text(Path(target), text)
    clear_pending_settings(db)
    return True
