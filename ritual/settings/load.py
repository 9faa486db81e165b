"""Typed settings: the shipped defaults in config/, overlaid by the user's own TOML files."""

from datetime import time
from pathlib import Path
from typing import Any, NamedTuple

from ritual.core.dates import FEB29_POLICIES
from ritual.core.postal import TransitTable
from ritual.core.sessions import SessionSlot, parse_slot
from ritual.errors import RitualError, SettingsError
from ritual.paths import Paths, shipped_config_dir
from ritual.settings.calendars import ExportSettings, parse_export_settings
from ritual.settings.contacts import ContactSyncSettings, parse_contact_settings
from ritual.settings.backups import parse_backups_keep
from ritual.settings.reminders import ReminderSettings, parse_reminder_settings
from ritual.settings.toml_files import CACHE_NAME, TomlFiles

WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class Settings(NamedTuple):
    """Every user-tunable value ritual reads, after defaults and the user's files are merged."""

    home_country: str
    # False until the user says where they post from (`ritual setup`, the app's welcome, or config.toml).
    home_country_chosen: bool
    mail_days: frozenset[int]
    writing_lead_days: int
    feb29: str
    upcoming_days: int
    reply_owed_days: int
    transit: TransitTable
    reminder_time: time
    caldav_url: str
    caldav_user: str
    caldav_password_command: str
    reminders: ReminderSettings
    exports: ExportSettings
    contacts: ContactSyncSettings
    writing_sessions: tuple[SessionSlot, ...]
    minutes_per_letter: int
    return_address: tuple[str, ...]
    backups_keep: int


def load_settings(paths: Paths) -> Settings:
    """Merge the shipped defaults with the user's config.toml and postal.toml."""
    files = TomlFiles(paths.state_dir / CACHE_NAME)
    try:
        return _settings(paths, files)
    finally:
        files.keep()


def _settings(paths: Paths, files: TomlFiles) -> Settings:
    """The settings from the shipped files and the user's, each read through `files`."""
    shipped = shipped_config_dir()
    values = files.read(shipped / "settings.toml")
    user_values = files.read(paths.config_file) if paths.config_file.exists() else {}
    for key in user_values:
        if key not in values:
            raise SettingsError(f"{paths.config_file}: unknown setting {key!r}")
    values.update(user_values)
    source = paths.config_file if user_values else shipped / "settings.toml"
    postal = files.read(shipped / "postal.toml")
    if paths.postal_file.exists():
        _merge_postal(postal, files.read(paths.postal_file))
    return Settings(
        home_country=_country(values["home_country"], source),
        home_country_chosen="home_country" in user_values,
        mail_days=_weekdays(values["mail_days"], source),
        writing_lead_days=_non_negative(values["writing_lead_days"], "writing_lead_days", source),
        feb29=_choice(values["feb29"], "feb29", FEB29_POLICIES, source),
        upcoming_days=_non_negative(values["upcoming_days"], "upcoming_days", source),
        reply_owed_days=_non_negative(values["reply_owed_days"], "reply_owed_days", source),
        transit=_transit(postal, paths.postal_file),
        reminder_time=_time_of_day(values["reminder_time"], "reminder_time", source),
        caldav_url=_text(values["caldav_url"], "caldav_url", source),
        caldav_user=_text(values["caldav_user"], "caldav_user", source),
        caldav_password_command=_text(values["caldav_password_command"], "caldav_password_command", source),
        reminders=parse_reminder_settings(values, source),
        exports=parse_export_settings(values, source),
        contacts=parse_contact_settings(values, source),
        writing_sessions=_slots(values["writing_sessions"], source),
        minutes_per_letter=_positive(values["minutes_per_letter"], "minutes_per_letter", source),
        return_address=_lines(values["return_address"], "return_address", source),
        backups_keep=parse_backups_keep(values["backups_keep"], source),
    )


def _merge_postal(base: dict[str, Any], user: dict[str, Any]) -> None:
    for table in ("transit", "regions", "overrides", "domestic", "region_transit"):
        base.setdefault(table, {}).update(user.get(table, {}))


def _country(value: Any, source: Path) -> str:
    if not isinstance(value, str) or len(value) != 2 or not value.isalpha():
        raise SettingsError(f"{source}: home_country {value!r} is not a two-letter ISO country code")
    return value.upper()


def _weekdays(value: Any, source: Path) -> frozenset[int]:
    if not isinstance(value, list) or not value:
        raise SettingsError(f"{source}: mail_days must be a list such as [\"mon\", \"tue\"]")
    days = set()
    for name in value:
        key = str(name).lower()[:3]
        if key not in WEEKDAY_NAMES:
            raise SettingsError(f"{source}: mail_days has {name!r}, which is not a weekday")
        days.add(WEEKDAY_NAMES.index(key))
    return frozenset(days)


def _non_negative(value: Any, key: str, source: Path) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise SettingsError(f"{source}: {key} {value!r} must be a whole number of days, 0 or more")
    return value


def _choice(value: Any, key: str, choices: tuple[str, ...], source: Path) -> str:
    if value not in choices:
        raise SettingsError(f"{source}: {key} {value!r} must be one of {', '.join(choices)}")
    return value


def _time_of_day(value: Any, key: str, source: Path) -> time:
    try:
        hours, minutes = str(value).split(":")
        return time(int(hours), int(minutes))
    except ValueError:
        raise SettingsError(f"{source}: {key} {value!r} must be a 24-hour time such as \"09:00\"") from None


def _slots(value: Any, source: Path) -> tuple[SessionSlot, ...]:
    if not isinstance(value, list):
        raise SettingsError(f"{source}: writing_sessions must be a list such as [\"sun 10:00 60\"]")
    try:
        return tuple(parse_slot(text) for text in value)
    except RitualError as exc:
        raise SettingsError(f"{source}: {exc.message}") from None


def _positive(value: Any, key: str, source: Path) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise SettingsError(f"{source}: {key} {value!r} must be a whole number, 1 or more")
    return value


def _lines(value: Any, key: str, source: Path) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(line, str) for line in value):
        raise SettingsError(f"{source}: {key} must be a list of lines in quotes")
    return tuple(line.strip() for line in value if line.strip())


def _text(value: Any, key: str, source: Path) -> str:
    if not isinstance(value, str):
        raise SettingsError(f"{source}: {key} {value!r} must be text in quotes")
    return value.strip()


def _transit(postal: dict[str, Any], source: Path) -> TransitTable:
    transit = postal.get("transit", {})
    try:
        return TransitTable(
            domestic=_non_negative(transit["domestic"], "transit.domestic", source),
            same_region=_non_negative(transit["same_region"], "transit.same_region", source),
            world=_non_negative(transit["world"], "transit.world", source),
            regions={name: frozenset(c.upper() for c in codes) for name, codes in postal.get("regions", {}).items()},
            overrides=_days_table(postal, "overrides", source, upper=True),
            domestic_by_country=_days_table(postal, "domestic", source, upper=True),
            region_days=_days_table(postal, "region_transit", source, upper=False),
        )
    except KeyError as exc:
        raise SettingsError(f"{source}: transit table lacks {exc.args[0]!r}") from None


def _days_table(postal: dict[str, Any], table: str, source: Path, upper: bool) -> dict[str, int]:
    """A table of names to transit days (country codes upper-cased)."""
    return {(name.upper() if upper else name): _non_negative(days, f"{table}.{name}", source)
            for name, days in postal.get(table, {}).items()}
