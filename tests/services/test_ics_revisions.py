"""Exported events that only ever move forward: Mar-1 birthdays for ever, SEQUENCE and LAST-MODIFIED, one-line summaries."""

from __future__ import annotations

import calendar
from datetime import date, datetime

import icalendar
import pytest
import recurring_ical_events
import vobject

from ritual.core.dates import PartialDate
from ritual.core.model import Friend
from ritual.services.calendar.events import CalendarEvent
from ritual.services.calendar.render import render_vevent
from ritual.store.friends import FriendRepository
from tests.services.ics_homes import open_home

BIRTHDAY = "Jonas Leap's birthday"


def jonas_days(data: bytes, first: int, last: int) -> list[date]:
    """The days recurring-ical-events expands Jonas's birthday to, from one year to another."""
    parsed = icalendar.Calendar.from_ical(data)
    found = recurring_ical_events.of(parsed).between(date(first, 1, 1), date(last + 1, 1, 1))
    return sorted(e.decoded("DTSTART") for e in found if str(e["SUMMARY"]) == BIRTHDAY)


def dateutil_days(data: bytes, first: int, last: int) -> list[date]:
    """The same through vobject, whose rules are python-dateutil's."""
    lo, hi = datetime(first, 1, 1), datetime(last, 12, 31)
    days = []
    for vevent in vobject.readOne(data.decode()).vevent_list:
        if vevent.summary.value != BIRTHDAY:
            continue
        if hasattr(vevent, "rrule"):
            days += [d.date() for d in vevent.getrruleset().between(lo, hi, inc=True)]
        elif lo.date() <= vevent.dtstart.value <= hi.date():
            days.append(vevent.dtstart.value)
    return sorted(days)


def expected(first: int, last: int) -> list[date]:
    return [date(y, 2, 29) if calendar.isleap(y) else date(y, 3, 1) for y in range(first, last + 1)]


@pytest.fixture
def home(tmp_path):
    opened = open_home(tmp_path, 'feb29 = "mar1"\n', [Friend("Jonas Leap", birthday=PartialDate(2, 29))])
    yield opened
    opened.db.close()


@pytest.mark.parametrize("years", [1, 10, 50])
def test_mar1_birthdays_reach_as_far_as_the_yearly_rules_whatever_the_export_years(home, years):
    data = home.export(years=years, include=("birthdays",))
    assert jonas_days(data, 2027, 2120) == expected(2027, 2120)
    assert dateutil_days(data, 2027, 2120) == expected(2027, 2120)


def test_a_birth_year_starts_the_march_rules_after_it(tmp_path):
    home = open_home(tmp_path, "", [Friend("Jonas Leap", birthday=PartialDate(2, 29, 1992), feb29="mar1")])
    data = home.export(include=("birthdays",))
    assert jonas_days(data, 1992, 2040) == expected(1992, 2040)
    home.db.close()


def revision(data: bytes, summary: str) -> tuple[int, datetime, datetime]:
    (event,) = [e for e in icalendar.Calendar.from_ical(data).walk("VEVENT") if str(e["SUMMARY"]) == summary]
    return int(event["SEQUENCE"]), event.decoded("LAST-MODIFIED"), event.decoded("DTSTAMP")


def test_editing_a_birthday_raises_sequence_and_last_modified_and_nothing_else_moves(tmp_path):
    home = open_home(tmp_path, "", [Friend("Ana Souza", birthday=PartialDate(3, 14, 1990)),
                                    Friend("Bo Berg", birthday=PartialDate(5, 1))])
    first = home.export(include=("birthdays",))
    assert home.export(include=("birthdays",)) == first, "unchanged data exports byte for byte the same"
    seq, modified, stamp = revision(first, "Ana Souza's birthday")
    assert seq == 0 and stamp == modified
    repo = FriendRepository(home.db)
    ana = repo.find("Ana Souza")
    repo.update(ana._replace(birthday=PartialDate(3, 15, 1990)))
    second = home.export(include=("birthdays",))
    seq2, modified2, stamp2 = revision(second, "Ana Souza's birthday")
    assert seq2 == 1 and modified2 > modified and stamp2 == modified2
    assert revision(second, "Bo Berg's birthday") == revision(first, "Bo Berg's birthday")
    repo.update(repo.find("Ana Souza")._replace(birthday=PartialDate(3, 14, 1990)))
    third = home.export(include=("birthdays",))
    seq3, modified3, _ = revision(third, "Ana Souza's birthday")
    assert seq3 == 2 and modified3 > modified2, "going back to an old date is a change too: never backwards"
    assert home.export(include=("birthdays",)) == third
    home.db.close()


def test_a_change_that_is_not_an_edit_of_the_friend_still_moves_forward(tmp_path):
    home = open_home(tmp_path, "", [Friend("Cy Leap", birthday=PartialDate(2, 29))])
    before = revision(home.export(include=("birthdays",)), "Cy Leap's birthday")
    # The global Feb-29 policy lives in the settings, not in the friend's row.
    changed = open_home(tmp_path, 'feb29 = "mar1"\n')
    after = [e for e in icalendar.Calendar.from_ical(changed.export(include=("birthdays",))).walk("VEVENT")
             if e.decoded("DTSTART") == date(2000, 2, 29)]
    assert int(after[0]["SEQUENCE"]) == before[0] + 1 and after[0].decoded("LAST-MODIFIED") > before[1]
    home.db.close()
    changed.db.close()


def test_a_summary_never_carries_a_line_break():
    event = CalendarEvent("u", date(2026, 1, 1), "Ana\r\nSouza\u2028's\tbirthday\x0b", "line one\nline two", "birthdays")
    text = render_vevent(event).decode()
    assert "SUMMARY:Ana Souza 's birthday\r\n" in text and "\\n" not in text.split("DESCRIPTION")[0]
    assert "DESCRIPTION:line one\\nline two" in text, "a description may have lines; only summaries may not"


def test_the_march_rules_import_back_as_the_mar1_choice_without_skips(home, tmp_path):
    from ritual.services.calendar.importer import import_calendar

    target = open_home(tmp_path / "other")
    summary = import_calendar(target.db, home.export(include=("birthdays",)), "jonas.ics")
    assert summary.of("skipped") == []
    (jonas,) = FriendRepository(target.db).all()
    assert (jonas.birthday, jonas.feb29) == (PartialDate(2, 29), "mar1")
    target.db.close()
