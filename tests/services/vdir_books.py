"""A ritual home beside a vdir folder, for the contacts sync tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from ritual.core.model import Friend
from ritual.services.contacts.vdir_sync import SyncReport, sync_folder
from ritual.services.contacts.vdir_files import read_folder
from ritual.settings.contacts import ContactSyncSettings
from ritual.store.database import Database, open_database
from ritual.store.friends import FriendRepository
from ritual.store.vdir_state import VdirState

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=timezone.utc)


def card(*lines: str, version: str = "3.0", newline: str = "\r\n") -> str:
    """A whole card from its inner lines."""
    return newline.join(["BEGIN:VCARD", f"VERSION:{version}", *lines, "END:VCARD"]) + newline


@dataclass
class Book:
    """A database and a vdir folder synced with each other."""

    folder: Path
    db: Database
    notes: bool = False

    def sync(self, **options) -> SyncReport:
        """One sync of the folder, as `ritual sync contacts` runs it."""
        return sync_folder(self.db, self.folder, ContactSyncSettings((self.folder,), self.notes), NOW, **options)

    def write(self, href: str, text: str) -> Path:
        """Put a card file into the folder, as another program would."""
        path = self.folder / href
        path.write_bytes(text.encode("utf-8"))
        return path

    def text(self, href: str) -> str:
        """A card file's text."""
        return (self.folder / href).read_bytes().decode("utf-8")

    def friends(self) -> dict[str, Friend]:
        """Every friend by name."""
        return {f.name: f for f in FriendRepository(self.db).all()}

    def add(self, *friends: Friend) -> list[Friend]:
        """Friends made in ritual."""
        return FriendRepository(self.db).add_many(friends)

    def update(self, friend: Friend) -> Friend:
        """A friend edited in ritual."""
        return FriendRepository(self.db).update(friend)

    def files(self) -> dict[str, bytes]:
        """Every card file's bytes by name."""
        return {href: f.data for href, f in read_folder(self.folder).items()}

    def href_of(self, name: str) -> str:
        """The card file linked to the friend called `name`."""
        friend_id = self.friends()[name].id
        return next(s.href for s in VdirState(self.db).cards(str(self.folder)).values() if s.friend_id == friend_id)


def open_book(root: Path, notes: bool = False) -> Book:
    """An empty database and an empty folder under `root`."""
    folder = root / "contacts"
    folder.mkdir(parents=True)
    return Book(folder, open_database(root / "home" / "ritual.db"), notes)
