"""E-mail reminders over SMTP; the password comes from the environment, a command or the keyring, never config."""

from __future__ import annotations

import os
import smtplib
import ssl
import subprocess
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from ritual.core.reminders import Reminder
from ritual.services.reminders.notifiers import NotifyFailed, body_text, command_problem, headline, split_command
from ritual.settings.reminders import SmtpSettings

PASSWORD_ENV = "RITUAL_SMTP_PASSWORD"
KEYRING_SERVICE = "ritual-smtp"


def smtp_password(settings: SmtpSettings) -> str | None:
    """The SMTP password: environment variable, then the password command, then the keyring."""
    if os.environ.get(PASSWORD_ENV):
        return os.environ[PASSWORD_ENV]
    if settings.password_command:
        return _from_command(settings.password_command)
    try:
        import keyring

        return keyring.get_password(KEYRING_SERVICE, settings.user)
    except Exception:  # no keyring package or no usable backend: simply no password from there
        return None


def _from_command(command: str) -> str:
    try:
        done = subprocess.run(split_command("smtp_password_command", command), capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise NotifyFailed(f"smtp_password_command could not run: {exc}") from None
    if done.returncode != 0:
        raise NotifyFailed(f"smtp_password_command exited with {done.returncode}")
    # Like git's credential helpers: the first line is the password.
    return done.stdout.splitlines()[0] if done.stdout else ""


def reminder_email(reminder: Reminder, late: bool, sender: str, to: str) -> EmailMessage:
    """The message for one reminder: plain text, gentle, with the reminder's key for threading tools."""
    message = EmailMessage()
    message["Subject"] = headline(reminder, late)
    message["From"] = sender
    message["To"] = to
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain="ritual.invalid")
    message["X-Ritual-Reminder"] = reminder.key
    message.set_content(f"{body_text(reminder)}\n\nWith warm wishes from ritual.\n")
    return message


@dataclass
class EmailNotifier:
    """Sends each reminder as an e-mail through the configured SMTP server."""

    settings: SmtpSettings
    timeout: float = 30.0
    name: str = "email"

    def problem(self) -> str | None:
        """Usable once host and recipient are set."""
        if not self.settings.host or not self.settings.to:
            return "smtp_host and smtp_to are not set"
        if self.settings.password_command:
            return command_problem("smtp_password_command", self.settings.password_command)
        return None

    def send(self, reminder: Reminder, late: bool) -> None:
        """Connect, log in when a user is set, and send; any SMTP or network error is a failure."""
        s = self.settings
        message = reminder_email(reminder, late, s.sender or s.user or s.to, s.to)
        try:
            with self._connect() as smtp:
                if s.user:
                    smtp.login(s.user, self._password())
                smtp.send_message(message)
        except (smtplib.SMTPException, OSError) as exc:
            raise NotifyFailed(f"e-mail to {s.to} via {s.host}:{s.port} failed: {exc}") from None

    def _connect(self) -> smtplib.SMTP:
        s = self.settings
        if s.security == "tls":
            return smtplib.SMTP_SSL(s.host, s.port, timeout=self.timeout, context=ssl.create_default_context())
        smtp = smtplib.SMTP(s.host, s.port, timeout=self.timeout)
        if s.security == "starttls":
            try:
                smtp.starttls(context=ssl.create_default_context())
            except BaseException:
                smtp.close()
                raise
        return smtp

    def _password(self) -> str:
        password = smtp_password(self.settings)
        if not password:
            raise NotifyFailed(
                f"no SMTP password: set {PASSWORD_ENV}, smtp_password_command, or the keyring entry "
                f"'{KEYRING_SERVICE}' for {self.settings.user}"
            )
        return password
