"""The backup setting: how many daily rolling backups to keep."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ritual.errors import SettingsError


def parse_backups_keep(value: Any, source: Path) -> int:
    """The `backups_keep` setting: how many daily backups to keep, 0 for none."""
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise SettingsError(f"{source}: backups_keep {value!r} must be a whole number of backups, 0 or more")
    return value
