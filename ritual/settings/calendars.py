"""The export target settings: which `.ics` files and CalDAV calendars ritual keeps current by itself."""

from pathlib import Path
from typing import Any, NamedTuple

from ritual.errors import SettingsError
from ritual.core.calendar_kinds import INCLUDE_CHOICES

MAX_YEARS = 50


class ExportSettings(NamedTuple):
    """Files and calendars to keep current, what they hold, and how far ahead dated items go."""

    ics_files: tuple[Path, ...]
    caldav_urls: tuple[str, ...]
    include: tuple[str, ...]
    years: int

    @property
    def any(self) -> bool:
        """True when at least one target is set."""
        return bool(self.ics_files or self.caldav_urls)


def parse_export_settings(values: dict[str, Any], source: Path) -> ExportSettings:
    """Read the export_* keys of the merged settings, naming the file and key on any mistake."""
    return ExportSettings(
        ics_files=tuple(_file(text, source) for text in _texts(values, "export_ics_files", source)),
        caldav_urls=tuple(_url(text, source) for text in _texts(values, "export_caldav_urls", source)),
        include=_include(values["export_include"], source),
        years=_years(values["export_years"], source),
    )


def _texts(values: dict[str, Any], key: str, source: Path) -> list[str]:
    value = values[key]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise SettingsError(f"{source}: {key} must be a list of texts in quotes, such as [\"...\"]")
    # The same target named twice would be refreshed twice for nothing.
    return list(dict.fromkeys(v.strip() for v in value))


def _file(text: str, source: Path) -> Path:
    path = Path(text).expanduser()
    if not path.is_absolute():
        raise SettingsError(f"{source}: export_ics_files has {text!r}; give a full path (it may start with ~/)")
    if not path.name.lower().endswith(".ics"):
        raise SettingsError(f"{source}: export_ics_files has {text!r}; the file name must end in .ics")
    return path


def _url(text: str, source: Path) -> str:
    if not text.startswith(("https://", "http://")):
        raise SettingsError(f"{source}: export_caldav_urls has {text!r}, which must start with https:// (or http://)")
    # A collection URL ends with a slash, as `ritual sync caldav` makes it.
    return text if text.endswith("/") else text + "/"


def _include(value: Any, source: Path) -> tuple[str, ...]:
    if not isinstance(value, list) or not value or not set(value) <= set(INCLUDE_CHOICES):
        raise SettingsError(f"{source}: export_include must be a list drawn from {', '.join(INCLUDE_CHOICES)}")
    return tuple(dict.fromkeys(value))


def _years(value: Any, source: Path) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= MAX_YEARS:
        raise SettingsError(f"{source}: export_years {value!r} must be a whole number from 1 to {MAX_YEARS}")
    return value
