"""Public holidays from the `holidays` package, imported only when the cache lacks a year."""

from __future__ import annotations

from datetime import date
from importlib import util
from pathlib import Path


def library_version() -> str:
    """The installed `holidays` version, which invalidates cached years when it changes.

    Read from the distribution's folder name rather than importing the package or scanning every
    installed distribution's metadata: a fast command cannot afford either.
    """
    spec = util.find_spec("holidays")
    if spec is None or spec.origin is None:
        return "absent"
    site = Path(spec.origin).parent.parent
    found = sorted(p.name for p in site.glob("holidays-*.dist-info"))
    if found:
        return found[-1].removeprefix("holidays-").removesuffix(".dist-info")
    from importlib import metadata

    return metadata.version("holidays")


def compute_holidays(country: str, years: list[int]) -> dict[date, str]:
    """Every public holiday of `country` in `years`; empty for countries the library does not know."""
    import holidays

    try:
        found = holidays.country_holidays(country, years=years)
    except NotImplementedError:
        return {}
    return {day: str(name) for day, name in found.items()}
