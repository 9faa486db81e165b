"""The clock, passed in everywhere so tests and demos can fix "today"."""

from datetime import date, datetime, timezone
from typing import NamedTuple


class Clock(NamedTuple):
    """The system clock, or a fixed day when `fixed_today` is set."""

    fixed_today: date | None = None

    def today(self) -> date:
        """The local date."""
        return self.fixed_today or date.today()

    def now(self) -> datetime:
        """The local date and time (midnight of the fixed day when fixed)."""
        if self.fixed_today:
            return datetime.combine(self.fixed_today, datetime.min.time()).astimezone()
        return datetime.now().astimezone()

    def stamp(self) -> str:
        """When something is stored, in UTC to the second: always the real instant, even on a fixed day."""
        return utc_now().isoformat(timespec="seconds")


def utc_now() -> datetime:
    """The real time, aware, in UTC: what schedulers and records of delivery count in."""
    return datetime.now(timezone.utc)
