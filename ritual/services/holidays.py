"""Public holidays from the `holidays` package, imported only when the cache lacks a year."""

from __future__ import annotations

from datetime import date
from importlib import metadata


def library_version() -> str:
    """The installed `holidays` version, which invalidates cached years when it changes."""
    try:
        return metadata.version("holidays")
    except metadata.PackageNotFoundError:
        return "absent"


def compute_holidays(country: str, years: list[int]) -> dict[date, str]:
    """Every public holiday of `country` in `years`; empty for countries the library does not know."""
    import holidays

    try:
        found = holidays.country_holidays(country, years=years)
    except NotImplementedError:
        return {}
    return {day: str(name) for day, name in found.items()}
