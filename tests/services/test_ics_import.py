"""`.ics` birthday import: the real-world corpus, round trips, re-imports, malformed files, all or nothing."""

from __future__ import annotations

from datetime import date

import pytest

from ritual.core.dates import PartialDate, occurrence_in_year
from ritual.core.model import Friend
from ritual.errors import InvalidValue, NotFound
from ritual.services.calendar.importer import import_calendar
from ritual.store.friends import FriendRepository
from tests.corpus import corpus_dir, needs
from tests.services.ics_homes import hard_friends, open_home

CORPUS = corpus_dir("ics")
needs_corpus = needs("ics")


@pytest.fixture
def home(tmp_path):
    opened = open_home(tmp_path / "home")
    yield opened
    opened.db.close()


def run(home, data: bytes, dry_run: bool = False):
    return import_calendar(home.db, data, "test.ics", dry_run)


def birthdays(home) -> dict[str, str | None]:
    return {f.name: f.birthday.iso() if f.birthday else None for f in FriendRepository(home.db).all()}


def corpus(name: str) -> bytes:
    return (CORPUS / name).read_bytes()


@needs_corpus
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("icaljs-google-contacts-birthdays.ics", {"PErson #2": "--12-10"}),
        ("khal-yearly-birthday-duration.ics", {"Dummy": "1965-04-23"}),
        ("ical4j-apple-ical-yearly-bymonth.ics", {"Frodo & Bilbo": "--09-14"}),
        ("ical4j-nextcloud-yearly-valarm.ics", {}),
        ("ical4j-rfc5545-yearly-anniversary.ics", {}),
        ("icalendar-rfc7529-feb29-skip-forward.ics", {}),
        ("icalendar-thunderbird-valarm-tzid.ics", {}),
        ("radicale-thunderbird-allday-tzid-date.ics", {}),
    ],
)
def test_the_corpus_imports_as_its_readme_expects(home, name, expected):
    summary = run(home, corpus(name))
    assert birthdays(home) == expected
    assert summary.count("created") == len(expected)
    assert run(home, corpus(name)).count("created") == 0 and birthdays(home) == expected


@needs_corpus
def test_corpus_skips_say_why(home):
    reasons = {o.name: o.detail for o in run(home, corpus("ical4j-rfc5545-yearly-anniversary.ics")).of("skipped")}
    assert "an anniversary on 2 November 1997 that names no person" in reasons["Our Blissful Anniversary"]
    assert "not an all-day event" in reasons["Annual Employee Review"]
    rscale = {o.detail for o in run(home, corpus("icalendar-rfc7529-feb29-skip-forward.ics")).of("skipped")}
    assert any("hebrew calendar" in r for r in rscale) and any("chinese calendar" in r for r in rscale)
    first, again = (run(home, corpus("icaljs-google-contacts-birthdays.ics")) for _ in range(2))
    assert first.of("skipped") == [] and first.count("created") == 1 and again.count("unchanged") == 1


@needs_corpus
def test_the_lotr_calendar_keeps_only_the_birthday(home):
    summary = run(home, corpus("ical4j-apple-ical-yearly-bymonth.ics"))
    assert summary.count("skipped") == 36
    assert any("Destruction of the Ring" == o.name for o in summary.of("skipped"))


def test_an_export_round_trips_into_an_empty_home(tmp_path):
    source = open_home(tmp_path / "a", 'feb29 = "mar1"\n', hard_friends())
    target = open_home(tmp_path / "b")
    run(target, source.export(years=2))
    got = {f.name: f for f in FriendRepository(target.db).all()}
    for friend in FriendRepository(source.db).all():
        if friend.birthday is None:
            continue
        assert got[friend.name].birthday == friend.birthday, friend.name
    # Under the home's global mar1 every Feb-29 birthday was exported, and comes back, as mar1.
    assert got["Eli Leap Mar1"].feb29 == "mar1" and got["Dara Leap"].feb29 == "mar1"
    assert [o.date for o in got["Ana Souza"].occasions] == [PartialDate(6, 20, 2015)]


def test_reimport_changes_nothing_and_fills_only_gaps(home):
    data = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" + event("Ana's birthday (1990)", "19900314") + b"END:VCALENDAR\r\n"
    FriendRepository(home.db).add(Friend("Ana", birthday=PartialDate(3, 14)))
    assert run(home, data).count("updated") == 1 and birthdays(home) == {"Ana": "1990-03-14"}
    again = run(home, data)
    assert again.count("unchanged") == 1 and again.count("updated") == 0


def test_a_contradicting_birthday_is_left_alone(home):
    FriendRepository(home.db).add(Friend("Ana", birthday=PartialDate(3, 15)))
    summary = run(home, b"BEGIN:VCALENDAR\r\n" + event("Ana's birthday", "20000314") + b"END:VCALENDAR\r\n")
    assert "already has birthday 15 March" in summary.of("skipped")[0].detail and birthdays(home) == {"Ana": "--03-15"}


def test_dry_run_changes_nothing(home):
    summary = run(home, b"BEGIN:VCALENDAR\r\n" + event("Birthday of Bo", "20000101") + b"END:VCALENDAR\r\n", dry_run=True)
    assert summary.count("created") == 1 and birthdays(home) == {}
    assert "Nothing was changed" in summary.render(dry_run=True)


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        (b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY Ana\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", 3, "is not an iCalendar line"),
        (b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Ana\r\nEND:VTODO\r\nEND:VCALENDAR\r\n", 4, "does not close"),
        (b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Ana\r\n", 3, "never closed"),
        (b"hello\n", 1, "not an iCalendar line"),
        (b"BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:x\nDTSTART;VALUE=DATE:2020-13-45\nEND:VEVENT\nEND:VCALENDAR\n", 4, "DTSTART"),
        (b"BEGIN:VCALENDAR\r\nSUMMARY:\xff\xfe\r\nEND:VCALENDAR\r\n", 2, "not UTF-8"),
    ],
)
def test_malformed_files_name_the_line(home, text, line, problem):
    with pytest.raises(InvalidValue) as caught:
        run(home, text)
    assert f"test.ics line {line}" in caught.value.message and problem in caught.value.message


def test_nothing_is_half_imported(home):
    # A broken event late in the file stops the import before the good ones before it are written.
    good = event("Ana's birthday", "20000314") + event("Bo's birthday", "20000101")
    broken = b"BEGIN:VEVENT\r\nSUMMARY:Cy's birthday\r\nDTSTART;VALUE=DATE:2020-99-99\r\nRRULE:FREQ=YEARLY\r\nEND:VEVENT\r\n"
    with pytest.raises(InvalidValue):
        run(home, b"BEGIN:VCALENDAR\r\n" + good + broken + b"END:VCALENDAR\r\n")
    assert birthdays(home) == {}


def test_a_failure_while_writing_rolls_everything_back(home, monkeypatch):
    calls = []

    def failing_add(self, friend):
        calls.append(friend.name)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return original(self, friend)

    original = FriendRepository.add
    monkeypatch.setattr(FriendRepository, "add", failing_add)
    with pytest.raises(RuntimeError):
        run(home, b"BEGIN:VCALENDAR\r\n" + event("Ana's birthday", "20000314") + event("Bo's birthday", "20000101") + b"END:VCALENDAR\r\n")
    monkeypatch.undo()
    assert calls == ["Ana", "Bo"] and birthdays(home) == {}


def event(summary: str, start: str) -> bytes:
    return (
        f"BEGIN:VEVENT\r\nUID:{summary}\r\nSUMMARY:{summary}\r\nDTSTART;VALUE=DATE:{start}\r\n"
        "RRULE:FREQ=YEARLY\r\nEND:VEVENT\r\n"
    ).encode()


@pytest.fixture
def ana(home):
    return FriendRepository(home.db).add(Friend("Ana Souza", birthday=PartialDate(3, 14, 1990)))


def anniversaries(home, name: str) -> list[str]:
    friend = FriendRepository(home.db).find(name)
    return [o.date.iso() for o in friend.occasions if o.name == "anniversary"]


@needs_corpus
def test_an_anniversary_naming_nobody_goes_to_the_friend_named_with_for(home, ana):
    data = corpus("ical4j-rfc5545-yearly-anniversary.ics")
    untold = {o.name: o.detail for o in run(home, data).of("skipped")}
    assert untold["Our Blissful Anniversary"] == ("line 23: an anniversary on 2 November 1997 that names no person; "
                                                  "add --for NAME to give it to a friend")
    summary = import_calendar(home.db, data, "test.ics", for_name="ana souza")
    assert [(o.name, o.detail) for o in summary.of("updated")] == [("Ana Souza", "anniversary 2 November 1997")]
    assert summary.count("skipped") == 3 and anniversaries(home, "Ana Souza") == ["1997-11-02"]
    again = import_calendar(home.db, data, "test.ics", for_name=str(ana.id))
    assert again.count("unchanged") == 1 and anniversaries(home, "Ana Souza") == ["1997-11-02"]


@needs_corpus
def test_a_skip_forward_feb29_anniversary_becomes_the_friends_mar1_choice(home, ana):
    summary = import_calendar(home.db, corpus("icalendar-rfc7529-feb29-skip-forward.ics"), "t.ics", for_name="Ana")
    assert summary.of("updated")[0].detail == ("anniversary 29 February 2012; on 1 March in common years, as the file's "
                                               "rule says; now Ana Souza's 29 February choice")
    stored = FriendRepository(home.db).find("Ana Souza")
    assert stored.feb29 == "mar1" and anniversaries(home, "Ana Souza") == ["2012-02-29"]
    assert occurrence_in_year(stored.occasions[0].date, 2027, stored.feb29) == date(2027, 3, 1)
    assert {o.name for o in summary.of("skipped")} == {"Chinese New Year", "First day of 13th month", "Anniversary"}
    again = import_calendar(home.db, corpus("icalendar-rfc7529-feb29-skip-forward.ics"), "t.ics", for_name="Ana")
    assert again.count("unchanged") == 1 and "as Ana Souza's 29 February choice says" in again.of("unchanged")[0].detail


@pytest.mark.parametrize(
    ("friend", "kept", "said"),
    [
        (Friend("Bo", feb29="feb28"), "feb28", "Bo's own choice (28 February) decides"),
        (Friend("Bo", birthday=PartialDate(2, 29, 1992)), None,
         "Bo's own choice (the one in settings) decides, which their 29 February birthday follows too"),
    ],
)
def test_a_friends_own_feb29_choice_decides_over_the_files_rule(home, friend, kept, said):
    FriendRepository(home.db).add(friend)
    summary = import_calendar(home.db, feb29_anniversary(), "t.ics", for_name="Bo")
    detail = summary.of("updated")[0].detail
    assert detail.startswith("anniversary 29 February 2012; the file says 1 March in common years;") and said in detail
    assert FriendRepository(home.db).find("Bo").feb29 == kept


def test_for_a_friend_who_is_not_there_changes_nothing(home, ana):
    with pytest.raises(NotFound):
        import_calendar(home.db, feb29_anniversary(), "t.ics", for_name="Nobody Known")
    assert anniversaries(home, "Ana Souza") == []


def test_named_dates_keep_their_own_person_beside_for(home, ana):
    data = feb29_anniversary().replace(b"END:VCALENDAR", event("Cy's birthday", "19800101") + b"END:VCALENDAR")
    summary = import_calendar(home.db, data, "t.ics", for_name="Ana")
    assert [o.name for o in summary.of("created")] == ["Cy"] and anniversaries(home, "Ana Souza") == ["2012-02-29"]


def feb29_anniversary() -> bytes:
    return (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART;VALUE=DATE:20120229\r\n"
            b"RRULE:RSCALE=GREGORIAN;FREQ=YEARLY;SKIP=FORWARD\r\nSUMMARY:Our anniversary\r\nEND:VEVENT\r\n"
            b"END:VCALENDAR\r\n")


@pytest.mark.parametrize("tzid", ["A" * 300, '"' + "Europe/" * 50 + '"'])
def test_a_zone_name_too_long_for_zoneinfo_falls_back_to_floating_time(home, tzid):
    data = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n"
        f"BEGIN:VEVENT\r\nUID:1\r\nDTSTAMP:20200101T000000Z\r\nSUMMARY:Ana's birthday\r\n"
        f"DTSTART;TZID={tzid};VALUE=DATE:19900501\r\nRRULE:FREQ=YEARLY\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:2\r\nDTSTAMP:20200101T000000Z\r\nSUMMARY:Bo's birthday\r\n"
        "DTSTART;VALUE=DATE:19900601\r\nRRULE:FREQ=YEARLY\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    ).encode()
    run(home, data)
    assert birthdays(home) == {"Ana": "--05-01", "Bo": "--06-01"}


def test_a_stated_birth_year_outside_the_range_is_forgotten_and_the_day_kept(home):
    data = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n"
        "BEGIN:VEVENT\r\nUID:1\r\nDTSTAMP:20200101T000000Z\r\nSUMMARY:Ana's birthday\r\nDESCRIPTION:born 1750\r\n"
        "DTSTART;VALUE=DATE:19900501\r\nRRULE:FREQ=YEARLY\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    ).encode()
    run(home, data)
    assert birthdays(home) == {"Ana": "--05-01"}
