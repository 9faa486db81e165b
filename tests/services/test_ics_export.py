"""The `.ics` exporter: shape of events, Feb-29 rules, alarms, UIDs, reproducibility and icalendar fidelity."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone

import icalendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ritual.core.dates import PartialDate
from ritual.core.model import Friend
from ritual.errors import InvalidValue
from ritual.services.calendar.events import CalendarEvent
from ritual.services.calendar.export import parse_include
from ritual.services.calendar.render import CATEGORY_LABELS, event_stamp, fold, one_line, render_vevent
from ritual.private_files import write_private_bytes
from ritual.text.safe import visible
from ritual.store.friends import FriendRepository
from tests.services.ics_homes import TRICKY_NAME, hard_friends, open_home


def events_by_summary(data: bytes) -> dict[str, list]:
    calendar = icalendar.Calendar.from_ical(data)
    found: dict[str, list] = {}
    for event in calendar.walk("VEVENT"):
        found.setdefault(str(event["SUMMARY"]), []).append(event)
    return found


def rule_of(event) -> str:
    return event["RRULE"].to_ical().decode()


def test_birthdays_are_transparent_yearly_all_day_events(hard_home):
    ana = events_by_summary(hard_home.export())["Ana Souza's birthday"][0]
    assert ana.decoded("DTSTART") == date(1990, 3, 14) and ana.decoded("DTEND") == date(1990, 3, 15)
    assert rule_of(ana) == "FREQ=YEARLY" and str(ana["TRANSP"]) == "TRANSPARENT"
    assert "VALARM" not in [c.name for c in ana.subcomponents]


def test_feb29_under_feb28_uses_the_rule_every_parser_reads(hard_home):
    found = events_by_summary(hard_home.export())
    for summary in ("Dara Leap's birthday", "Fay Leap Default's birthday"):
        (event,) = found[summary]
        assert event.decoded("DTSTART").month == 2 and event.decoded("DTSTART").day == 29
        assert sorted(rule_of(event).split(";")) == ["BYMONTH=2", "BYMONTHDAY=-1", "FREQ=YEARLY"]


def test_feb29_under_mar1_is_a_leap_year_rule_plus_every_fourth_year_march_rules(hard_home):
    eli = events_by_summary(hard_home.export(years=1))["Eli Leap Mar1's birthday"]
    rules = sorted((e.decoded("DTSTART"), rule_of(e)) for e in eli if "RRULE" in e)
    assert rules == [(date(2000, 2, 29), "FREQ=YEARLY")] + [
        (date(y, 3, 1), "FREQ=YEARLY;INTERVAL=4") for y in (2001, 2002, 2003)]
    # 2100 is not a leap year and no every-fourth-year rule reaches it; 2200 and 2300 neither.
    assert sorted(e.decoded("DTSTART") for e in eli if "RRULE" not in e) == [date(y, 3, 1) for y in (2100, 2200, 2300)]
    assert len(events_by_summary(hard_home.export())["Eli Leap Mar1's anniversary"]) == 1
    assert "RSCALE" not in hard_home.export().decode() and "BYYEARDAY" not in hard_home.export().decode()


def test_titles_never_carry_an_age_and_year_less_dates_use_a_leap_placeholder(hard_home):
    found = events_by_summary(hard_home.export())
    ben = found["Ben Year-less's birthday"][0]
    assert ben.decoded("DTSTART") == date(2000, 12, 31) and "unknown" in str(ben["DESCRIPTION"])
    assert found["Cleo Month-only's birthday (sometime in Jun)"][0].decoded("DTSTART") == date(2000, 6, 1)
    recurring = [s for s, events in found.items() if any("RRULE" in e for e in events)]
    assert recurring and not any(re.search(r"\(\d+|\d+ years", s) for s in recurring)


def test_write_and_post_days_carry_an_alarm_from_local_midnight(hard_home):
    found = events_by_summary(hard_home.export())
    write = found["Write to Ben Year-less — birthday Thu 31 Dec"][0]
    post = found["Post the card to Ben Year-less — birthday Thu 31 Dec"][0]
    for event in (write, post):
        (alarm,) = event.walk("VALARM")
        assert str(alarm["ACTION"]) == "DISPLAY" and alarm.decoded("TRIGGER") == timedelta(hours=9)
        assert "RRULE" not in event
    assert write.decoded("DTSTART") < post.decoded("DTSTART") < date(2026, 12, 31)


def test_reminder_time_setting_moves_the_alarm(tmp_path):
    home = open_home(tmp_path, 'reminder_time = "07:30"\n', [Friend("Ivo", birthday=PartialDate(12, 24))])
    (write,) = events_by_summary(home.export())["Write to Ivo — birthday Thu 24 Dec"]
    assert b"TRIGGER:PT7H30M" in write.to_ical()


def test_no_card_and_one_off_occasions(hard_home):
    found = events_by_summary(hard_home.export(years=2))
    assert "Hana No Card's birthday" in found and not any(s.startswith("Write to Hana") for s in found)
    (once,) = found["Gus Once's graduation"]
    assert once.decoded("DTSTART") == date(2027, 7, 1) and "RRULE" not in once


def test_include_picks_the_kinds(hard_home):
    only_birthdays = events_by_summary(hard_home.export(include=("birthdays",)))
    assert all(s.endswith("birthday") or "sometime" in s for s in only_birthdays)
    actions = events_by_summary(hard_home.export(include=("write",)))
    assert actions and all(s.startswith("Write to") for s in actions)
    with pytest.raises(InvalidValue, match="--include: 'postcards'"):
        parse_include("birthdays,postcards")


def test_names_needing_escapes_round_trip(hard_home):
    data = hard_home.export()
    assert f"{TRICKY_NAME}'s birthday" in events_by_summary(data)
    assert b"O'Brien\\, Jr.\\; \\\\ the" in data


def test_two_exports_of_unchanged_data_are_byte_identical_and_an_edit_changes_only_its_events(hard_home):
    first = hard_home.export(years=2)
    assert hard_home.export(years=2) == first
    repo = FriendRepository(hard_home.db)
    ben = repo.find("Ben Year-less")
    repo.update(ben._replace(birthday=PartialDate(12, 30)))
    before, after = events_by_summary(first), events_by_summary(hard_home.export(years=2))
    changed = {s for s in before.keys() | after.keys() if [e.to_ical() for e in before.get(s, [])] != [e.to_ical() for e in after.get(s, [])]}
    assert changed and all("Ben" in s for s in changed)
    uid = lambda events: {str(e["UID"]) for e in events}  # noqa: E731
    assert uid(before["Ben Year-less's birthday"]) == uid(after["Ben Year-less's birthday"])


def test_uids_are_stable_and_unique(hard_home, tmp_path):
    uids = [str(e["UID"]) for e in icalendar.Calendar.from_ical(hard_home.export(years=3)).walk("VEVENT")]
    assert len(uids) == len(set(uids))
    other = open_home(tmp_path / "again", friends=hard_friends())
    assert other.export(years=3) == hard_home.export(years=3)


def test_the_file_is_written_atomically_and_privately(tmp_path):
    target = tmp_path / "ritual.ics"
    target.write_text("old")
    target.chmod(0o644)
    write_private_bytes(target, b"BEGIN:VCALENDAR\r\n")
    assert target.read_bytes() == b"BEGIN:VCALENDAR\r\n" and target.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["ritual.ics"]


def reference_vevent(event: CalendarEvent) -> bytes:
    """The same event built and rendered by icalendar itself, its texts' control characters made visible."""
    revision = {"sequence": event.sequence, "last_modified": event.modified} if event.modified else {}
    vevent = icalendar.Event.new(
        uid=visible(event.uid),
        start=event.begins,
        end=event.end,
        summary=one_line(event.summary),
        description=visible(event.description),
        categories=[CATEGORY_LABELS[event.category]],
        transparency="OPAQUE" if event.timed else "TRANSPARENT",
        stamp=event.modified or event_stamp(event),
        **revision,
    )
    if event.rule:
        vevent.add("RRULE", dict(event.rule))
    if event.alarm is not None:
        alarm = icalendar.Alarm.new(description=one_line(event.summary))
        alarm.add("ACTION", "DISPLAY")
        alarm.add("TRIGGER", event.alarm)
        vevent.add_component(alarm)
    return vevent.to_ical()


@settings(max_examples=200, deadline=None)
@given(
    summary=st.text(min_size=1, max_size=160),
    description=st.text(max_size=300),
    start=st.dates(date(1900, 1, 1), date(2100, 12, 31)),
    alarm=st.none() | st.integers(0, 23 * 60).map(lambda m: timedelta(minutes=m)),
    rule=st.sampled_from([None, (("FREQ", "YEARLY"),), (("FREQ", "YEARLY"), ("BYMONTH", 2), ("BYMONTHDAY", -1)),
                          (("FREQ", "YEARLY"), ("INTERVAL", 4))]),
    category=st.sampled_from(sorted(CATEGORY_LABELS)),
    at=st.none() | st.times().map(lambda t: t.replace(second=0, microsecond=0)),
    minutes=st.integers(1, 24 * 60),
    revision=st.none() | st.tuples(st.integers(0, 10**6), st.datetimes(datetime(2000, 1, 1), datetime(2100, 1, 1))),
)
def test_fast_rendering_is_byte_identical_to_icalendar(summary, description, start, alarm, rule, category, at, minutes,
                                                       revision):
    sequence, modified = revision or (0, None)
    modified = modified.replace(microsecond=0, tzinfo=timezone.utc) if modified else None
    event = CalendarEvent("u-1", start, summary, description, category, rule, alarm, at, minutes if at else 0,
                          sequence=sequence, modified=modified)
    assert render_vevent(event) == reference_vevent(event)


def test_a_timed_event_is_floating_local_time_and_busy():
    event = CalendarEvent("u-2", date(2026, 11, 29), "Writing session", "", "sessions", alarm=timedelta(0),
                          at=time(23, 30), minutes=60)
    text = render_vevent(event).decode()
    assert "DTSTART:20261129T233000\r\n" in text and "DTEND:20261130T003000\r\n" in text
    assert "TZID" not in text and "TRANSP:OPAQUE" in text and "TRIGGER:P0D" in text


def test_all_day_stamps_ignore_the_timed_fields_and_timed_stamps_follow_them():
    day = CalendarEvent("u-3", date(2026, 12, 1), "s", "d", "write")
    # The stamp this event had before timed events existed: kept calendars do not rewrite every day event.
    assert event_stamp(day) == datetime(2019, 9, 29, 18, 44, 49, tzinfo=timezone.utc)
    ten = CalendarEvent("u-4", date(2026, 12, 6), "s", "d", "sessions", at=time(10, 0), minutes=60)
    assert event_stamp(ten) != event_stamp(CalendarEvent("u-4", date(2026, 12, 6), "s", "d", "sessions",
                                                         at=time(11, 0), minutes=60))


def test_folding_keeps_lines_short_and_escapes_whole():
    line = "DESCRIPTION:" + "é\\," * 60
    folded = fold(line)
    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))
    assert not any(part.endswith("\\") for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == line


def test_the_hard_home_holds_every_case(hard_home):
    friends = FriendRepository(hard_home.db).all()
    assert len(friends) == len(hard_friends())
    assert any(f.feb29 == "mar1" for f in friends) and any(f.birthday and f.birthday.month_only for f in friends)


def test_escape_and_bell_never_reach_a_calendar_file():
    event = CalendarEvent("u-3\x1b", date(2026, 11, 29), "Card for Evil\x1b]0;PWNED\x07", "a\x1b[2J\nb\x9b",
                          "birthdays", alarm=timedelta(0))
    text = render_vevent(event)
    assert b"\x1b" not in text and b"\x07" not in text and "\x9b".encode() not in text
    # A summary is one line: controls there become spaces; a description shows them as visible stand-ins.
    assert b"SUMMARY:Card for Evil ]0\\;PWNED\r\n" in text and b"a^[[2J\\nb" in text
