"""Desktop notifications: the desktop-notifier library when it can reach a notification server, else notify-send."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field

from ritual.core.reminders import Reminder
from ritual.paths import shipped_icon
from ritual.services.reminders.notifiers import NotifyFailed, body_text, headline


def _session_bus_problem() -> str | None:
    # Without a session bus freedesktop notifications go nowhere, and the libraries do not always say so.
    if sys.platform != "linux":
        return None
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if os.environ.get("DBUS_SESSION_BUS_ADDRESS") or (runtime and os.path.exists(os.path.join(runtime, "bus"))):
        return None
    return "no desktop session bus here"


@dataclass
class DesktopNotifier:
    """desktop-notifier (optional extra `ritual-letters[desktop]`), probed once before the first use."""

    name: str = "desktop"
    _probe: str | None = field(default=None, init=False)
    _probed: bool = field(default=False, init=False)
    _client: object = field(default=None, init=False)

    def problem(self) -> str | None:
        """Why desktop notifications cannot be shown here, found out once."""
        if not self._probed:
            self._probe = self._find_problem()
            self._probed = True
        return self._probe

    def _find_problem(self) -> str | None:
        bus = _session_bus_problem()
        if bus:
            return bus
        try:
            from desktop_notifier import DesktopNotifierSync, Icon
        except ImportError:
            return "desktop-notifier is not installed (pip install 'ritual-letters[desktop]')"
        try:
            # Without an icon of its own the library shows Python's logo beside every reminder.
            self._client = DesktopNotifierSync(app_name="ritual", app_icon=Icon(path=shipped_icon()))
            capabilities = self._client.get_capabilities()
        except Exception as exc:  # the library raises many kinds when no server answers
            return f"no notification server answered ({type(exc).__name__})"
        return None if capabilities else "the notification server offers nothing"

    def send(self, reminder: Reminder, late: bool) -> None:
        """Show the notification."""
        try:
            self._client.send(title=headline(reminder, late), message=body_text(reminder))
        except Exception as exc:
            raise NotifyFailed(f"desktop notification failed: {exc}") from None


@dataclass
class NotifySendNotifier:
    """The `notify-send` command from libnotify."""

    program: str = "notify-send"
    name: str = "notify-send"

    def problem(self) -> str | None:
        """Usable when the command exists and a session bus is there."""
        if shutil.which(self.program) is None:
            return f"{self.program} is not installed"
        return _session_bus_problem()

    def send(self, reminder: Reminder, late: bool) -> None:
        """Run notify-send; a non-zero exit is a failure."""
        args = [self.program, "--app-name=ritual", f"--icon={shipped_icon()}", headline(reminder, late), body_text(reminder)]
        try:
            done = subprocess.run(args, capture_output=True, text=True, timeout=15, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise NotifyFailed(f"notify-send could not run: {exc}") from None
        if done.returncode != 0:
            raise NotifyFailed(f"notify-send exited with {done.returncode}: {done.stderr.strip()[:200]}")
