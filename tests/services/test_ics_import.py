"""`.ics` birthday import: the real-world corpus, round trips, re-imports, malformed files, all or nothing."""

from __future__ import annotations

import pytest

from ritual.core.dates import PartialDate
from ritual.core.model import Friend
from ritual.errors import InvalidValue
from ritual.services.ics_import import import_calendar
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
    assert "an anniversary on 1997-11-02 that names no person" in reasons["Our Blissful Anniversary"]
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
    assert "already has birthday --03-15" in summary.of("skipped")[0].detail and birthdays(home) == {"Ana": "--03-15"}


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
