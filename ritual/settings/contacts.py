"""The contacts sync settings: which vdir folders `ritual sync contacts` keeps in step with the friends."""

from pathlib import Path
from typing import Any, NamedTuple

from ritual.errors import SettingsError


class ContactSyncSettings(NamedTuple):
    """The vdir folders to sync (the first one receives new friends) and whether NOTE is synced too."""

    vdirs: tuple[Path, ...]
    notes: bool

    @property
    def any(self) -> bool:
        """True when at least one folder is set."""
        return bool(self.vdirs)


def parse_contact_settings(values: dict[str, Any], source: Path) -> ContactSyncSettings:
    """Read contacts_vdir (one folder or a list) and contacts_sync_notes, naming the file and key on a mistake."""
    notes = values["contacts_sync_notes"]
    if not isinstance(notes, bool):
        raise SettingsError(f"{source}: contacts_sync_notes {notes!r} must be true or false")
    return ContactSyncSettings(tuple(_folder(text, source) for text in _texts(values["contacts_vdir"], source)), notes)


def _texts(value: Any, source: Path) -> list[str]:
    """One folder or a list of them, blanks and repeats dropped."""
    texts = [value] if isinstance(value, str) else value
    if not isinstance(texts, list) or not all(isinstance(v, str) for v in texts):
        raise SettingsError(f"{source}: contacts_vdir must be a folder in quotes or a list of them, such as [\"...\"]")
    # The same folder named twice would be synced twice for nothing.
    return list(dict.fromkeys(v.strip() for v in texts if v.strip()))


def _folder(text: str, source: Path) -> Path:
    """A full path (`~` expanded)."""
    path = Path(text).expanduser()
    if not path.is_absolute():
        raise SettingsError(f"{source}: contacts_vdir has {text!r}; give a full path (it may start with ~/)")
    return path
