"""A ritual home with every hard date in it, shared by the calendar tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ritual.core.dates import PartialDate
from ritual.core.model import ANNIVERSARY, Address, Friend, Occasion
from ritual.paths import Paths
from ritual.services.calendar.export import ExportRequest, calendar_events
from ritual.services.calendar.render import render_calendar
from ritual.settings.load import Settings, load_settings
from ritual.store.database import Database, open_database
from ritual.store.friends import FriendRepository

TODAY = date(2026, 11, 25)
TRICKY_NAME = "Zoë O'Brien, Jr.; \\ the \"great\" 🎉"


def hard_friends() -> list[Friend]:
    """Full, year-less and month-only birthdays, Feb 29 under both policies, and a name that needs escaping."""
    de = (Address(("Hauptstr. 1",), "Berlin", "", "10115", "DE"),)
    return [
        Friend("Ana Souza", birthday=PartialDate(3, 14, 1990), occasions=(Occasion(ANNIVERSARY, PartialDate(6, 20, 2015)),)),
        Friend("Ben Year-less", birthday=PartialDate(12, 31)),
        Friend("Cleo Month-only", birthday=PartialDate(6)),
        Friend("Dara Leap", birthday=PartialDate(2, 29, 1996), addresses=de),
        Friend("Eli Leap Mar1", birthday=PartialDate(2, 29), feb29="mar1", occasions=(Occasion(ANNIVERSARY, PartialDate(5, 5)),)),
        Friend("Fay Leap Default", birthday=PartialDate(2, 29)),
        Friend(TRICKY_NAME, birthday=PartialDate(1, 1, 2000)),
        Friend("Gus Once", occasions=(Occasion("graduation", PartialDate(7, 1, 2027), yearly=False),)),
        Friend("Hana No Card", birthday=PartialDate(9, 9, 1985), birthday_card=False),
    ]


@dataclass
class Home:
    """An opened ritual home: paths, settings and database."""

    root: Path
    settings: Settings
    db: Database

    def export(self, years: int = 1, include=("birthdays", "occasions", "write", "post")) -> bytes:
        """The `.ics` bytes the exporter writes for this home."""
        request = ExportRequest(TODAY, tuple(include), years)
        return render_calendar(calendar_events(self.settings, self.db, request), "ritual test")


def open_home(root: Path, config: str = "", friends: list[Friend] | None = None) -> Home:
    """A home under `root` with optional settings text and friends."""
    paths = Paths.under(root)
    if config:
        paths.config_dir.mkdir(parents=True, exist_ok=True)
        paths.config_file.write_text(config, encoding="utf-8")
    db = open_database(paths.database)
    if friends:
        FriendRepository(db).add_many(friends)
    return Home(root, load_settings(paths), db)
