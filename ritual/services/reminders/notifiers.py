"""Notifiers tried in order until one delivers a reminder; each says up front whether it can work here."""

from __future__ import annotations

import json
import logging
import shlex
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from ritual.core.reminders import Reminder
from ritual.text.safe import one_line, visible

log = logging.getLogger("ritual.reminders")

# The in-app toast: called with the reminder and whether it is late; it must not block.
Toast = Callable[[Reminder, bool], None]


class NotifyFailed(Exception):
    """A notifier tried and could not deliver; the message says why."""


class Notifier(Protocol):
    """Something that can put a reminder in front of the user."""

    name: str

    def problem(self) -> str | None:
        """Why this notifier cannot work here, or None when it can."""

    def send(self, reminder: Reminder, late: bool) -> None:
        """Deliver, or raise NotifyFailed."""


class Misconfigured(str):
    """A reason a notifier cannot work that is a setting's fault: said once in the log, not only in --status."""


def command_problem(setting: str, command: str) -> Misconfigured | None:
    """Why a command setting cannot be run (an unclosed quote, nothing to run), or None."""
    try:
        split_command(setting, command)
    except NotifyFailed as exc:
        return Misconfigured(exc)
    return None


def split_command(setting: str, command: str) -> list[str]:
    """The command's words, or NotifyFailed saying what is wrong with the setting."""
    try:
        words = shlex.split(command)
    except ValueError as exc:
        raise NotifyFailed(f"{setting} {command!r} cannot be read: {exc}") from None
    if not words:
        raise NotifyFailed(f"{setting} {command!r} names no command")
    return words


def headline(reminder: Reminder, late: bool) -> str:
    """The title on one line, control characters shown, with a gentle word when the reminder comes late."""
    title = one_line(reminder.title)
    return f"{title} (a little late)" if late else title


def body_text(reminder: Reminder) -> str:
    """The words under the title, with any control character from a name shown instead of obeyed."""
    return visible(reminder.body)


@dataclass
class TerminalNotifier:
    """Prints to standard output, so cron can mail it; always works outside the app."""

    stream: object = None
    name: str = "terminal"

    def problem(self) -> str | None:
        """Always usable."""
        return None

    def send(self, reminder: Reminder, late: bool) -> None:
        """Print the title and the words under it."""
        out = self.stream or sys.stdout
        print(f"{headline(reminder, late)}\n  " + body_text(reminder).replace("\n", "\n  "), file=out, flush=True)


@dataclass
class ToastNotifier:
    """Hands the reminder to the open app, which shows it as a toast."""

    toast: Toast | None
    name: str = "toast"

    def problem(self) -> str | None:
        """Only inside the app."""
        return None if self.toast else "the app is not open"

    def send(self, reminder: Reminder, late: bool) -> None:
        """Pass it on to the app; an app that is closing counts as a failure, not a crash."""
        try:
            self.toast(reminder, late)
        except Exception as exc:  # the app may be shutting down while a worker thread delivers
            raise NotifyFailed(f"the app could not show it: {exc}") from None


@dataclass
class CommandNotifier:
    """Runs the user's command with the reminder as JSON on its standard input."""

    command: str
    timeout: float = 30.0
    name: str = "command"

    def problem(self) -> str | None:
        """Usable once notify_command is set and reads as a command line."""
        if not self.command:
            return "notify_command is not set"
        return command_problem("notify_command", self.command)

    def send(self, reminder: Reminder, late: bool) -> None:
        """Run the command; a non-zero exit is a failure."""
        payload = json.dumps({**reminder.as_dict(), "late": late}, ensure_ascii=False)
        try:
            done = subprocess.run(split_command("notify_command", self.command), input=payload, text=True,
                                  capture_output=True, timeout=self.timeout, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise NotifyFailed(f"notify_command could not run: {exc}") from None
        if done.returncode != 0:
            raise NotifyFailed(f"notify_command exited with {done.returncode}: {done.stderr.strip()[:200]}")


@dataclass
class NotifierChain:
    """The configured notifiers, tried in order; the first success wins."""

    notifiers: Sequence[Notifier]
    skipped: dict[str, str] = field(default_factory=dict)
    # What was already said in the log, so a daemon does not repeat a broken notifier every round.
    reported: set[tuple[str, str]] = field(default_factory=set)

    def deliver(self, reminder: Reminder, late: bool) -> str | None:
        """The name of the notifier that delivered, or None when every one failed (each failure logged once)."""
        for notifier in self.notifiers:
            reason = self._problem(notifier)
            if reason is not None:
                self.skipped[notifier.name] = reason
                if isinstance(reason, Misconfigured):
                    self._report(reminder, notifier.name, reason)
                continue
            try:
                notifier.send(reminder, late)
            except Exception as exc:  # a broken notifier must not stop the ones after it
                self._report(reminder, notifier.name, _failure(exc))
                continue
            return notifier.name
        log.warning("reminder %s: no notifier could deliver it; it will be tried again", reminder.key)
        return None

    def status(self) -> list[tuple[str, str | None]]:
        """Each notifier with the reason it cannot work here (None when it can)."""
        return [(n.name, self._problem(n)) for n in self.notifiers]

    def _problem(self, notifier: Notifier) -> str | None:
        try:
            return notifier.problem()
        except Exception as exc:  # a check that itself breaks means the notifier cannot be used
            return _failure(exc)

    def _report(self, reminder: Reminder, name: str, message: str) -> None:
        if (name, message) in self.reported:
            log.info("reminder %s: %s failed again: %s", reminder.key, name, message)
            return
        self.reported.add((name, message))
        log.warning("reminder %s: %s failed: %s", reminder.key, name, message)


def _failure(exc: Exception) -> str:
    """What went wrong, in words; an unexpected error keeps its type so it can be reported."""
    return str(exc) if isinstance(exc, NotifyFailed) else f"{type(exc).__name__}: {exc}"
