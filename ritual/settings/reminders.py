"""The reminder and notifier settings: parsed from the merged TOML values into one typed record."""

from datetime import time
from pathlib import Path
from typing import Any, NamedTuple

from ritual.core.reminders import QuietHours, ReminderRules
from ritual.errors import SettingsError

NOTIFIERS = ("desktop", "notify-send", "toast", "email", "command", "terminal")
SMTP_SECURITY = ("starttls", "tls", "none")
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_KINDS = ("write", "post", "occasion", "keep_in_touch", "reply_owed")


class SmtpSettings(NamedTuple):
    """Where e-mail reminders go; the password is never stored here."""

    host: str
    port: int
    security: str
    user: str
    sender: str
    to: str
    password_command: str


class ReminderSettings(NamedTuple):
    """Everything the reminder engine reads from the settings files."""

    kind_times: dict[str, time]
    quiet: QuietHours | None
    digest_weekday: int | None
    digest_time: time
    catch_up_days: int
    keep_in_touch_repeat_days: int
    timezone: str
    notifiers: tuple[str, ...]
    command: str
    smtp: SmtpSettings

    def rules(self, default_time: time, muted: frozenset[int] = frozenset()) -> ReminderRules:
        """The pure rules the core derives reminders with."""
        return ReminderRules(
            default_time=default_time,
            kind_times=self.kind_times,
            quiet=self.quiet,
            digest_weekday=self.digest_weekday,
            digest_time=self.digest_time,
            muted=muted,
            keep_in_touch_repeat_days=self.keep_in_touch_repeat_days,
        )


def parse_reminder_settings(values: dict[str, Any], source: Path) -> ReminderSettings:
    """Read the reminder keys of the merged settings, naming the file and key on any mistake."""
    digest = _digest(values["reminder_digest"], source)
    return ReminderSettings(
        kind_times=_kind_times(values["reminder_kind_times"], source),
        quiet=_quiet(values["reminder_quiet_hours"], source),
        digest_weekday=digest[0],
        digest_time=digest[1],
        catch_up_days=_whole(values["reminder_catch_up_days"], "reminder_catch_up_days", source),
        keep_in_touch_repeat_days=_at_least_one(values["keep_in_touch_repeat_days"], "keep_in_touch_repeat_days", source),
        timezone=_text(values["reminder_timezone"], "reminder_timezone", source),
        notifiers=_notifiers(values["notifiers"], source),
        command=_text(values["notify_command"], "notify_command", source),
        smtp=_smtp(values, source),
    )


def _smtp(values: dict[str, Any], source: Path) -> SmtpSettings:
    security = values["smtp_security"]
    if security not in SMTP_SECURITY:
        raise SettingsError(f"{source}: smtp_security {security!r} must be one of {', '.join(SMTP_SECURITY)}")
    return SmtpSettings(
        host=_text(values["smtp_host"], "smtp_host", source),
        port=_whole(values["smtp_port"], "smtp_port", source),
        security=security,
        user=_text(values["smtp_user"], "smtp_user", source),
        sender=_text(values["smtp_from"], "smtp_from", source),
        to=_text(values["smtp_to"], "smtp_to", source),
        password_command=_text(values["smtp_password_command"], "smtp_password_command", source),
    )


def parse_time(value: Any, key: str, source: Path) -> time:
    """A 24-hour "HH:MM" time."""
    try:
        hours, minutes = str(value).split(":")
        return time(int(hours), int(minutes))
    except ValueError:
        raise SettingsError(f"{source}: {key} {value!r} must be a 24-hour time such as \"09:00\"") from None


def _kind_times(value: Any, source: Path) -> dict[str, time]:
    if not isinstance(value, dict) or not set(value) <= set(_KINDS):
        raise SettingsError(f"{source}: reminder_kind_times must be a table such as {{ post = \"08:30\" }} "
                            f"with keys among {', '.join(_KINDS)}")
    return {kind: parse_time(wall, f"reminder_kind_times.{kind}", source) for kind, wall in value.items()}


def _quiet(value: Any, source: Path) -> QuietHours | None:
    if value == []:
        return None
    if not isinstance(value, list) or len(value) != 2:
        raise SettingsError(f"{source}: reminder_quiet_hours must be [\"22:00\", \"08:00\"] or [] for none")
    return QuietHours(*(parse_time(v, "reminder_quiet_hours", source) for v in value))


def _digest(value: Any, source: Path) -> tuple[int | None, time]:
    if value == "":
        return None, time(18, 0)
    parts = str(value).split()
    if len(parts) != 2 or parts[0].lower()[:3] not in _WEEKDAYS:
        raise SettingsError(f"{source}: reminder_digest {value!r} must be a weekday and a time, like \"sun 18:00\"")
    return _WEEKDAYS.index(parts[0].lower()[:3]), parse_time(parts[1], "reminder_digest", source)


def _notifiers(value: Any, source: Path) -> tuple[str, ...]:
    if not isinstance(value, list) or not set(value) <= set(NOTIFIERS):
        raise SettingsError(f"{source}: notifiers must be a list drawn from {', '.join(NOTIFIERS)}")
    return tuple(value)


def _whole(value: Any, key: str, source: Path) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise SettingsError(f"{source}: {key} {value!r} must be a whole number, 0 or more")
    return value


def _at_least_one(value: Any, key: str, source: Path) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise SettingsError(f"{source}: {key} {value!r} must be a whole number of days, 1 or more")
    return value


def _text(value: Any, key: str, source: Path) -> str:
    if not isinstance(value, str):
        raise SettingsError(f"{source}: {key} {value!r} must be text in quotes")
    return value.strip()
