"""`.ics` import makes friends only of people: not of public holidays, not of the calendar's own title."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ritual.services.calendar.importer import import_calendar
from ritual.store.friends import FriendRepository
from tests.services.ics_homes import open_home

DATA = Path(__file__).resolve().parents[1] / "data" / "calendars"


@pytest.fixture
def home(tmp_path):
    opened = open_home(tmp_path / "home")
    yield opened
    opened.db.close()


def birthdays(home) -> dict[str, str | None]:
    return {f.name: f.birthday.iso() if f.birthday else None for f in FriendRepository(home.db).all()}


def single(summary: str, description: str = "", calendar: str = "Work") -> bytes:
    return (f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-CALNAME:{calendar}\r\nBEGIN:VEVENT\r\nUID:1\r\n"
            f"DTSTART;VALUE=DATE:20260608\r\nSUMMARY:{summary}\r\nDESCRIPTION:{description}\r\n"
            "END:VEVENT\r\nEND:VCALENDAR\r\n").encode()


def test_a_public_holiday_calendar_makes_no_friend_queen(home):
    summary = import_calendar(home.db, (DATA / "australian-holidays.ics").read_bytes(), "au.ics")
    assert birthdays(home) == {}
    reasons = {o.name: o.detail for o in summary.of("skipped")}
    assert "public holiday" in reasons["Queen's Birthday"] and "public holiday" in reasons["King's Birthday"]


@pytest.mark.parametrize(("summary", "description"), [
    ("Queen's Birthday", ""), ("King's Birthday", ""), ("Washington's Birthday", ""),
    ("Birthday of the Prophet", ""), ("Emperor's Birthday", ""), ("Ana's birthday", "Public holiday"),
])
def test_a_holiday_in_any_calendar_is_not_a_person(home, summary, description):
    result = import_calendar(home.db, single(summary, description), "x.ics")
    assert birthdays(home) == {} and "public holiday" in result.of("skipped")[0].detail


def test_a_friend_called_king_or_a_birthday_calendar_with_holidays_still_imports(home):
    import_calendar(home.db, single("Martha King's birthday"), "x.ics")
    import_calendar(home.db, single("Ana's birthday", calendar="Birthdays and holidays"), "y.ics")
    assert set(birthdays(home)) == {"Martha King", "Ana"}


def test_an_apple_birthday_calendar_keeps_leading_and_trailing_years_as_birth_years(home):
    summary = import_calendar(home.db, (DATA / "apple-mathematicians-birthdays.ics").read_bytes(), "math.ics")
    assert birthdays(home) == {
        "Bernhard Riemann": "1826-09-17", "Emmy Noether": "1882-03-23",
        "Srinivasa Ramanujan": "1887-12-22", "Sofja Kowalewskaja": "1850-01-15",
    }
    assert [o.detail for o in summary.of("skipped")] == ["line 53: the calendar's own title, not a person"]


def test_a_plural_birthdays_title_is_not_a_person(home):
    import_calendar(home.db, single("Birthdays", calendar="Family birthdays"), "x.ics")
    assert birthdays(home) == {}


def test_the_library_warning_about_a_guessed_time_zone_is_told_in_ritual_words(tmp_path):
    path = DATA / "evolution-global-tzid.ics"
    result = subprocess.run([sys.executable, "-m", "ritual", "--home", str(tmp_path / "h"), "import", "ics", str(path)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0 and result.stderr == ""
    assert "Lena — birthday 12 April 1991" in result.stdout
    assert "time zone '/freeassociation.sourceforge.net/Europe/Berlin' was read as Europe/Berlin" in result.stdout
    assert "GloballyUniqueTZIDGuessed" not in result.stdout
