"""Where a CalDAV calendar is and how to log in: URL and user from settings, the password never from them."""

from __future__ import annotations

import os
import shlex
import subprocess
from dataclasses import dataclass

from ritual.errors import RitualError
from ritual.settings.load import Settings

PASSWORD_ENV = "RITUAL_CALDAV_PASSWORD"
KEYRING_SERVICE = "ritual-caldav"


@dataclass(frozen=True)
class CalDavTarget:
    """One CalDAV calendar: its URL, the user, and the command that prints the password (if any)."""

    url: str
    user: str = ""
    password_command: str = ""

    @classmethod
    def from_settings(cls, settings: Settings, url: str | None = None, user: str | None = None) -> CalDavTarget:
        """Command-line values first, then the settings; a URL is required."""
        chosen = (url or settings.caldav_url).strip()
        if not chosen:
            raise RitualError("no CalDAV calendar given: pass --url or set caldav_url in your config.toml")
        if not chosen.startswith(("http://", "https://")):
            raise RitualError(f"caldav url: {chosen!r} must start with https:// (or http://)")
        # A collection URL ends with a slash; without it relative event URLs resolve one level too high.
        collection = chosen if chosen.endswith("/") else chosen + "/"
        return cls(collection, (user or settings.caldav_user).strip(), settings.caldav_password_command)

    def password(self) -> str | None:
        """From the environment, then the password command, then the system keyring; None if none has one."""
        if os.environ.get(PASSWORD_ENV):
            return os.environ[PASSWORD_ENV]
        if self.password_command:
            return _run_password_command(self.password_command)
        return _keyring_password(self.user) if self.user else None


def _run_password_command(command: str) -> str:
    try:
        done = subprocess.run(shlex.split(command), capture_output=True, text=True, timeout=60, check=False)
    except (OSError, ValueError, subprocess.TimeoutExpired) as exc:
        raise RitualError(f"caldav_password_command {command!r} could not run: {exc}") from None
    if done.returncode != 0:
        raise RitualError(f"caldav_password_command {command!r} failed with exit code {done.returncode}")
    lines = done.stdout.splitlines()
    return lines[0] if lines else ""


def _keyring_password(user: str) -> str | None:
    try:
        import keyring
        from keyring.errors import KeyringError
    except ImportError:
        return None
    try:
        return keyring.get_password(KEYRING_SERVICE, user)
    except KeyringError:
        return None
