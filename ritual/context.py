"""What every command needs, opened lazily: paths, settings, the database and the clock."""

from __future__ import annotations

from functools import cached_property

from ritual.clock import Clock
from ritual.paths import Paths
from ritual.services.backup.rolling import backup_quietly
from ritual.settings.load import Settings, load_settings
from ritual.store.database import Database, open_database


class RitualContext:
    """Shared by the CLI commands; nothing is opened until a command asks for it."""

    # A plain class: a dataclass would cost every start a millisecond of generated methods no one calls.
    def __init__(self, paths: Paths, clock: Clock | None = None, color: bool = False) -> None:
        self.paths = paths
        self.clock = clock if clock is not None else Clock()
        self.color = color
        self.finished_restore = False

    @cached_property
    def settings(self) -> Settings:
        """The merged settings."""
        return load_settings(self.paths)

    @cached_property
    def db(self) -> Database:
        """The open database, created and migrated if needed; the first opening of a day also backs it up."""
        from ritual.services.backup.pending import finish_restore

        db = open_database(self.paths.database, self.paths.backups_dir, self.clock)
        if finish_restore(db):
            # A restore was stopped after its rows committed: its settings files were only now written.
            self.finished_restore = True
            self.__dict__.pop("settings", None)
        backup_quietly(db, self.paths, self.settings.backups_keep, self.clock.now())
        return db

    def close(self) -> None:
        """Close the database if it was opened."""
        if "db" in self.__dict__:
            self.db.close()
