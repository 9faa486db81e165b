"""The notifier chain as the settings order it, for the daemon, the command line or the open app."""

from __future__ import annotations

from ritual.services.reminders.notifiers import CommandNotifier, Notifier, NotifierChain, TerminalNotifier, Toast, ToastNotifier
from ritual.services.reminders.notify_desktop import DesktopNotifier, NotifySendNotifier
from ritual.services.reminders.notify_smtp import EmailNotifier
from ritual.settings.load import Settings


def build_notifiers(settings: Settings, toast: Toast | None = None, stream=None) -> NotifierChain:
    """The configured notifiers in order; inside the app the toast stands in for the terminal."""
    chosen = settings.reminders.notifiers
    if toast is not None and "terminal" in chosen and "toast" not in chosen:
        chosen = tuple("toast" if name == "terminal" else name for name in chosen)
    return NotifierChain([_make(name, settings, toast, stream) for name in chosen])


def _make(name: str, settings: Settings, toast: Toast | None, stream) -> Notifier:
    reminders = settings.reminders
    if name == "desktop":
        return DesktopNotifier()
    if name == "notify-send":
        return NotifySendNotifier()
    if name == "toast":
        return ToastNotifier(toast)
    if name == "email":
        return EmailNotifier(reminders.smtp)
    if name == "command":
        return CommandNotifier(reminders.command)
    return _Unavailable("terminal", "the app is open") if toast is not None else TerminalNotifier(stream)


class _Unavailable:
    """A notifier that cannot work in this setting (the terminal while the app draws on it)."""

    def __init__(self, name: str, reason: str) -> None:
        self.name = name
        self.reason = reason

    def problem(self) -> str | None:
        """Always the same reason."""
        return self.reason

    def send(self, reminder, late) -> None:
        """Never called: problem() is never None."""
        raise AssertionError(self.reason)
