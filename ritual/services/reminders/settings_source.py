"""The settings reminders run on, read again when the user's settings files change: no restart needed."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from ritual.errors import RitualError
from ritual.paths import Paths
from ritual.settings.load import Settings, load_settings

log = logging.getLogger("ritual.reminders")


class SettingsSource:
    """Settings as of the files now: config.toml and postal.toml are looked at (a stat each) on every read."""

    def __init__(self, settings: Settings, paths: Paths | None = None) -> None:
        self._settings = settings
        self._paths = paths
        self._seen = self._stamp()

    def current(self) -> Settings:
        """The settings, reloaded when a file changed; a file that no longer reads keeps the last good ones."""
        stamp = self._stamp()
        if self._paths is None or stamp == self._seen:
            return self._settings
        self._seen = stamp
        try:
            self._settings = load_settings(self._paths)
            log.info("settings changed: reminders follow them")
        except RitualError as exc:
            log.warning("settings not taken up, the last good ones stay: %s", exc)
        return self._settings

    def _stamp(self) -> tuple:
        """What tells an edited file: its size and modification time (through a symlink to its target)."""
        if self._paths is None:
            return ()
        return tuple(_stat(path) for path in (self._paths.config_file, self._paths.postal_file))


def _stat(path: Path) -> tuple[int, int] | None:
    try:
        found = os.stat(path)
    except OSError:
        return None
    return (found.st_mtime_ns, found.st_size)
