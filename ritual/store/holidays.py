"""The public-holiday cache: computed once per country and year, refreshed when the library changes."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from ritual.store.database import Database

HolidaySource = Callable[[str, list[int]], dict[date, str]]
_FILL_AHEAD = 3


class HolidayCache:
    """Public holidays by country, kept in the database so fast commands need not import `holidays`."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def days(self, country: str, years: Iterable[int], version: str, source: HolidaySource) -> frozenset[date]:
        """Holidays of `country` in `years`, filling missing or stale years from `source`."""
        wanted = sorted(set(years))
        marks = ", ".join("?" * len(wanted))
        fresh = {
            row[0]
            for row in self.db.query(
                f"SELECT year FROM holiday_years WHERE country = ? AND library_version = ? AND year IN ({marks})",
                (country, version, *wanted),
            )
        }
        missing = [y for y in wanted if y not in fresh]
        if missing:
            # Fill a few years beyond the request so that nearby ranges never import the library again.
            batch = sorted(set(missing) | set(range(max(missing) + 1, max(missing) + 1 + _FILL_AHEAD)))
            self._fill(country, batch, version, source(country, batch))
        rows = self.db.query(
            "SELECT day FROM public_holidays WHERE country = ? AND day >= ? AND day < ?",
            (country, f"{wanted[0]:04d}-01-01", f"{wanted[-1] + 1:04d}-01-01"),
        )
        return frozenset(date.fromisoformat(row[0]) for row in rows)

    def _fill(self, country: str, years: list[int], version: str, found: dict[date, str]) -> None:
        with self.db.transaction() as conn:
            for year in years:
                conn.execute(
                    "DELETE FROM public_holidays WHERE country = ? AND day >= ? AND day < ?",
                    (country, f"{year:04d}-01-01", f"{year + 1:04d}-01-01"),
                )
                conn.execute(
                    "INSERT OR REPLACE INTO holiday_years (country, year, library_version) VALUES (?, ?, ?)",
                    (country, year, version),
                )
            conn.executemany(
                "INSERT OR REPLACE INTO public_holidays (country, day, name) VALUES (?, ?, ?)",
                [(country, day.isoformat(), name) for day, name in found.items() if day.year in years],
            )

    def names(self, country: str, years: Iterable[int], version: str, source: HolidaySource) -> dict[date, str]:
        """Each holiday of `country` in `years` with its name, filling the cache as `days` does."""
        wanted = sorted(set(years))
        self.days(country, wanted, version, source)
        rows = self.db.query(
            "SELECT day, name FROM public_holidays WHERE country = ? AND day >= ? AND day < ?",
            (country, f"{wanted[0]:04d}-01-01", f"{wanted[-1] + 1:04d}-01-01"),
        )
        return {date.fromisoformat(row[0]): row[1] for row in rows}
