"""Cross-checks: what calendars read from the export is, day by day, what the planner says; and a lint."""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta

import icalendar
import pytest
import recurring_ical_events
import vobject
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ritual.core.dates import PartialDate
from ritual.core.model import BIRTHDAY, Occasion
from ritual.core.planner import OCCASION, POST, WRITE, PlanRules, Subject, plan
from ritual.core.postal import MailCalendar, TransitTable
from ritual.services.demo.build import demo_friends
from ritual.services.calendar.events import DEFAULT_INCLUDE
from ritual.services.calendar.export import ExportRequest, build_events
from ritual.services.calendar.render import render_calendar
from ritual.services.planning.agenda import agenda
from ritual.services.planning.sessions import plan_sessions
from tests.services.ics_homes import TODAY, hard_friends, open_home

YEARS = 10
END = ExportRequest(TODAY, years=YEARS).end
ACTION_SUMMARY = re.compile(r"^(?:Write to|Post the card to) (?P<friend>.+) — (?P<occasion>.+) \w{3} \d{1,2} \w{3}$")


def occasion_of(summary: str) -> tuple[str, str]:
    """(friend, occasion) from `Name's occasion`, ignoring a month-only note."""
    friend, occasion = re.sub(r" \(sometime in \w{3}\)$", "", summary).rsplit("'s ", 1)
    return friend, occasion


def calendar_days(data: bytes) -> list[tuple]:
    """Every occurrence an RFC 5545 expansion (recurring-ical-events) finds in the horizon."""
    calendar = icalendar.Calendar.from_ical(data)
    found = []
    for event in recurring_ical_events.of(calendar).between(TODAY, END + timedelta(days=1)):
        found.append(describe(event.decoded("DTSTART"), str(event["SUMMARY"]), str(event["CATEGORIES"].to_ical().decode())))
    return sorted(found)


def describe(day: date, summary: str, category: str) -> tuple:
    if category in ("WRITE-BY", "POST-BY"):
        match = ACTION_SUMMARY.match(summary)
        return (day, WRITE if category == "WRITE-BY" else POST, match["friend"], match["occasion"])
    return (day, OCCASION, *occasion_of(summary))


def planner_days(home) -> list[tuple]:
    """The planner's own items for the same horizon."""
    items = agenda(home.settings, home.db, TODAY, END, TODAY, include_overdue=False)
    return sorted((i.date, i.kind, i.friend, i.occasion) for i in items if TODAY <= i.date <= END)


@pytest.mark.parametrize("config", ["", 'feb29 = "mar1"\n'], ids=["feb28", "mar1"])
def test_expanded_export_matches_the_planner_day_by_day(tmp_path, config):
    home = open_home(tmp_path, config, hard_friends())
    exported, planned = calendar_days(home.export(years=YEARS)), planner_days(home)
    assert {d for d, *_ in exported} >= {date(2028, 2, 29), date(2027, 3, 1) if config else date(2027, 2, 28)}
    for day in sorted({row[0] for row in exported + planned}):
        assert [r for r in exported if r[0] == day] == [r for r in planned if r[0] == day], day


def test_a_second_parser_reads_the_same_occurrences(tmp_path):
    home = open_home(tmp_path, 'feb29 = "mar1"\n', hard_friends())
    data = home.export(years=YEARS)
    assert sorted(vobject_days(data)) == sorted((row[0], row[1:]) for row in summaries(data))


def summaries(data: bytes) -> list[tuple]:
    calendar = icalendar.Calendar.from_ical(data)
    events = recurring_ical_events.of(calendar).between(TODAY, END + timedelta(days=1))
    return [(e.decoded("DTSTART"), str(e["SUMMARY"])) for e in events]


def vobject_days(data: bytes) -> list[tuple]:
    """Occurrences as vobject (with dateutil's rrule) reads them."""
    parsed = vobject.readOne(data.decode("utf-8"))
    found = []
    lo, hi = datetime.combine(TODAY, datetime.min.time()), datetime.combine(END, datetime.min.time())
    for vevent in parsed.vevent_list:
        summary = vevent.summary.value
        if hasattr(vevent, "rrule"):
            days = [d.date() for d in vevent.getrruleset(addRDate=True).between(lo, hi, inc=True)]
        else:
            start = vevent.dtstart.value
            days = [start] if TODAY <= start <= END else []
        found += [(day, (summary,)) for day in days]
    return found


def plain_rules(policy: str) -> PlanRules:
    return PlanRules("US", TransitTable(2, 5, 10), MailCalendar(frozenset(range(6))), 2, policy)


def _yearly_date(month: int, day: int, year: int | None, month_only: bool) -> PartialDate:
    if month_only:
        return PartialDate(month)
    february = 29 if year is None or calendar.isleap(year) else 28
    return PartialDate(month, min(day, february if month == 2 else 30), year)


yearly_dates = st.builds(
    _yearly_date,
    st.integers(1, 12),
    st.integers(1, 31),
    st.none() | st.sampled_from([1904, 1950, 1996, 2000, 2001, 2023]),
    st.booleans(),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(value=yearly_dates, policy=st.sampled_from(["feb28", "mar1"]), own=st.sampled_from([None, "feb28", "mar1"]))
def test_any_yearly_date_expands_to_the_planners_days(value, policy, own):
    subject = Subject(1, "Kim", feb29=own, occasions=(Occasion(BIRTHDAY, value),))
    rules = plain_rules(policy)
    request = ExportRequest(TODAY, DEFAULT_INCLUDE, YEARS)
    data = render_calendar(build_events([subject], rules, request, datetime.min.time()), "check")
    exported = sorted(row[0] for row in calendar_days(data) if row[1] == OCCASION)
    planned = sorted(i.date for i in plan([subject], rules, TODAY, END, TODAY, False) if i.kind == OCCASION)
    assert exported == planned


def lint(data: bytes) -> list[str]:
    """Problems a strict client would trip on; empty when the file is clean."""
    problems = []
    text = data.decode("utf-8")
    if "\n" in text.replace("\r\n", ""):
        problems.append("a line ends without CRLF")
    problems += [f"line over 75 octets: {line[:30]}" for line in text.split("\r\n") if len(line.encode()) > 75]
    uids = []
    for event in icalendar.Calendar.from_ical(data).walk("VEVENT"):
        problems += lint_event(event)
        uids.append(str(event.get("UID")))
    if len(uids) != len(set(uids)):
        problems.append("UIDs repeat")
    return problems


def lint_event(event) -> list[str]:
    name = str(event.get("SUMMARY"))
    problems = [f"{name}: no {p}" for p in ("UID", "DTSTAMP", "DTSTART") if p not in event]
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    if isinstance(start, datetime) != isinstance(end, datetime):
        problems.append(f"{name}: DTSTART and DTEND mix DATE and DATE-TIME")
    elif not end > start:
        problems.append(f"{name}: DTEND is not after DTSTART")
    for alarm in event.walk("VALARM"):
        problems += [f"{name}: alarm without {p}" for p in ("ACTION", "TRIGGER", "DESCRIPTION") if p not in alarm]
    return problems


def test_lint_finds_nothing_in_hard_dates_or_a_demo_address_book(tmp_path):
    hard = open_home(tmp_path / "hard", 'feb29 = "mar1"\n', hard_friends())
    demo = open_home(tmp_path / "demo", "", demo_friends(300, 7, TODAY))
    include = ("birthdays", "occasions", "write", "post", "keep_in_touch")
    assert lint(hard.export(years=YEARS, include=include)) == []
    assert lint(demo.export(years=2, include=include)) == []


def test_lint_catches_what_it_looks_for():
    broken = (
        b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\nDTSTART;VALUE=DATE:20260102\r\n"
        b"DTEND:20260101T100000Z\r\nBEGIN:VALARM\r\nACTION:DISPLAY\r\nEND:VALARM\r\nEND:VEVENT\r\n"
        b"BEGIN:VEVENT\r\nUID:a\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:20260102\r\n"
        b"DTEND;VALUE=DATE:20260102\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    found = " | ".join(lint(broken))
    for expected in ("no UID", "no DTSTAMP", "mix DATE", "not after", "alarm without TRIGGER"):
        assert expected in found


SESSIONS_CONFIG = 'writing_sessions = ["sun 10:00 60", "wed 19:30 45"]\n'
WITH_SESSIONS = ("birthdays", "occasions", "write", "post", "sessions")


def planned_sessions(home, years: int) -> list[tuple]:
    """(start, end, names) of every session the planner keeps in the horizon."""
    last = ExportRequest(TODAY, years=years).end
    plan = plan_sessions(home.settings, home.db, TODAY, last)
    return sorted((datetime.combine(s.day, s.start), datetime.combine(s.day, s.start) + timedelta(minutes=s.minutes),
                   tuple(t.friend for t in plan.letters_in(s))) for s in plan.sessions if s.day <= last)


def exported_sessions(data: bytes, years: int) -> list[tuple]:
    """The same, as recurring-ical-events expands the export."""
    last = ExportRequest(TODAY, years=years).end
    found = []
    for event in recurring_ical_events.of(icalendar.Calendar.from_ical(data)).between(TODAY, last + timedelta(days=1)):
        if event["CATEGORIES"].to_ical() == b"WRITING-SESSION":
            summary = str(event["SUMMARY"]).removeprefix("Writing session").removeprefix(": ")
            names = tuple(summary.split(", ")) if summary else ()
            found.append((event.decoded("DTSTART"), event.decoded("DTEND"), names))
    return sorted(found)


def test_sessions_are_timed_events_at_the_planned_moments_with_their_letters(tmp_path):
    home = open_home(tmp_path, SESSIONS_CONFIG, hard_friends()[:6])
    data = home.export(years=1, include=WITH_SESSIONS)
    exported, planned = exported_sessions(data, 1), planned_sessions(home, 1)
    assert len(planned) > 100 and exported == planned
    assert any(names for *_, names in exported)
    assert all(start.tzinfo is None for start, *_ in exported)


def test_vobject_reads_sessions_at_the_same_local_times(tmp_path):
    home = open_home(tmp_path, SESSIONS_CONFIG, hard_friends()[:6])
    data = home.export(years=1, include=WITH_SESSIONS)
    parsed = vobject.readOne(data.decode("utf-8"))
    sessions = [v for v in parsed.vevent_list if v.categories.value == ["WRITING-SESSION"]]
    starts = sorted(v.dtstart.value for v in sessions)
    assert starts == [start for start, *_ in planned_sessions(home, 1)]
    assert all(v.valarm.trigger.value == timedelta(0) for v in sessions)


def test_sessions_leave_the_lint_clean_and_exports_reproducible(tmp_path):
    home = open_home(tmp_path / "one", SESSIONS_CONFIG, hard_friends())
    again = open_home(tmp_path / "two", SESSIONS_CONFIG, hard_friends())
    data = home.export(years=2, include=WITH_SESSIONS)
    assert lint(data) == [] and again.export(years=2, include=WITH_SESSIONS) == data


def test_sessions_add_nothing_to_a_home_without_them(hard_home):
    assert hard_home.export(include=WITH_SESSIONS) == hard_home.export()
    assert "sessions" in DEFAULT_INCLUDE
