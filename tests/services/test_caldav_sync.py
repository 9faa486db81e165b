"""CalDAV publishing against a real Radicale server on 127.0.0.1, read back through CalDAV."""

from __future__ import annotations

import socket
import subprocess
import sys
import time

import pytest

pytest.importorskip("caldav", reason="the caldav extra is not installed")
pytest.importorskip("radicale", reason="radicale is not installed")

import caldav  # noqa: E402
import icalendar  # noqa: E402

from ritual.core.dates import PartialDate  # noqa: E402
from ritual.errors import RitualError, SettingsError  # noqa: E402
from ritual.services.calendar.caldav_auth import PASSWORD_ENV, CalDavTarget  # noqa: E402
from ritual.services.calendar.caldav_sync import sync_calendar  # noqa: E402
from ritual.services.calendar.export import ExportRequest, calendar_events  # noqa: E402
from ritual.store.friends import FriendRepository  # noqa: E402
from tests.services.ics_homes import TODAY, hard_friends, open_home  # noqa: E402


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_radicale(folder, *auth: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    command = [sys.executable, "-m", "radicale", "--config", "", *auth, "--server-hosts", f"127.0.0.1:{port}",
               "--storage-filesystem-folder", str(folder / "collections")]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return server, f"http://127.0.0.1:{port}"
        except OSError:
            time.sleep(0.1)
    server.kill()
    pytest.fail("radicale did not start")


@pytest.fixture(scope="module")
def radicale(tmp_path_factory):
    """An open Radicale (any user, any password)."""
    server, url = start_radicale(tmp_path_factory.mktemp("radicale"), "--auth-type", "none")
    yield url
    server.terminate()
    server.wait(10)


@pytest.fixture(scope="module")
def guarded_radicale(tmp_path_factory):
    """A Radicale that knows one user, ana, with the password `secret`."""
    folder = tmp_path_factory.mktemp("guarded")
    (folder / "users").write_text("ana:secret\n")
    auth = ("--auth-type", "htpasswd", "--auth-htpasswd-filename", str(folder / "users"), "--auth-htpasswd-encryption", "plain")
    server, url = start_radicale(folder, *auth)
    yield url
    server.terminate()
    server.wait(10)


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv(PASSWORD_ENV, "any")
    opened = open_home(tmp_path / "home", friends=hard_friends())
    yield opened
    opened.db.close()


def sync(home, target, create=False):
    events = calendar_events(home.settings, home.db, ExportRequest(TODAY, years=1))
    return sync_calendar(target, events, create=create)


def server_events(target: CalDavTarget) -> dict[str, str]:
    """UID -> the resource text, read back through CalDAV."""
    client = caldav.DAVClient(url=target.url, username=target.user, password="any")
    found = {}
    for resource in caldav.Calendar(client=client, url=target.url).events():
        for vevent in icalendar.Calendar.from_ical(resource.data).walk("VEVENT"):
            found[str(vevent["UID"])] = resource.data
    return found


def summaries(target) -> set[str]:
    return {str(icalendar.Calendar.from_ical(d).walk("VEVENT")[0]["SUMMARY"]) for d in server_events(target).values()}


def test_create_update_delete_and_a_quiet_resync(home, radicale):
    target = CalDavTarget(f"{radicale}/ana/ritual-1/", "ana")
    first = sync(home, target, create=True)
    wanted = calendar_events(home.settings, home.db, ExportRequest(TODAY, years=1))
    assert first.created == len(wanted) > 10 and set(server_events(target)) == {e.uid for e in wanted}
    before = server_events(target)
    again = sync(home, target)
    assert again.writes == 0 and again.unchanged == len(wanted) and server_events(target) == before

    repo = FriendRepository(home.db)
    ben = repo.find("Ben Year-less")
    repo.update(ben._replace(birthday=PartialDate(12, 30)))
    edited = sync(home, target)
    assert edited.updated >= 1 and edited.deleted >= 1 and edited.created >= 1
    assert any("DTSTART;VALUE=DATE:20001230" in d for d in server_events(target).values())
    sequences = {str(v["SUMMARY"]): int(v["SEQUENCE"]) for d in server_events(target).values()
                 for v in icalendar.Calendar.from_ical(d).walk("VEVENT")}
    assert sequences["Ben Year-less's birthday"] == 1 and sequences["Ana Souza's birthday"] == 0, \
        "the server keeps ritual's SEQUENCE: raised once for the edited event, never by the sync itself"

    repo.delete(repo.find("Ana Souza").id)
    removed = sync(home, target)
    assert removed.deleted >= 2 and not any("Ana Souza" in s for s in summaries(target))
    assert sync(home, target).writes == 0


def test_events_of_other_programs_are_left_alone(home, radicale):
    target = CalDavTarget(f"{radicale}/ana/shared/", "ana")
    sync(home, target, create=True)
    client = caldav.DAVClient(url=target.url, username="ana", password="any")
    foreign = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//someone//else//EN\r\nBEGIN:VEVENT\r\nUID:dentist\r\n"
        "DTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:20261201\r\nSUMMARY:Dentist\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    caldav.Calendar(client=client, url=target.url).save_event(foreign)
    FriendRepository(home.db).delete(FriendRepository(home.db).find("Ben Year-less").id)
    sync(home, target)
    assert "dentist" in server_events(target)


def test_a_missing_calendar_is_created_only_when_asked(home, radicale):
    target = CalDavTarget(f"{radicale}/ana/not-there/", "ana")
    with pytest.raises(RitualError, match="no calendar at .*not-there.*--create"):
        sync(home, target)


def test_refused_credentials_and_an_unreachable_server_are_clear(home, guarded_radicale, monkeypatch):
    monkeypatch.setenv(PASSWORD_ENV, "wrong")
    with pytest.raises(RitualError, match="refused the credentials .*'ana'"):
        sync(home, CalDavTarget(f"{guarded_radicale}/ana/ritual/", "ana"))
    monkeypatch.setenv(PASSWORD_ENV, "secret")
    assert sync(home, CalDavTarget(f"{guarded_radicale}/ana/ritual/", "ana"), create=True).created > 0
    with pytest.raises(RitualError, match="cannot reach"):
        sync(home, CalDavTarget(f"http://127.0.0.1:{free_port()}/ana/ritual/", "ana"))


def test_the_password_comes_from_env_or_a_command_never_from_config(home, tmp_path, monkeypatch):
    monkeypatch.delenv(PASSWORD_ENV)
    command = f"{sys.executable} -c \"print('from-command')\""
    assert CalDavTarget("https://x.invalid/c/", "ana", command).password() == "from-command"
    monkeypatch.setenv(PASSWORD_ENV, "from-env")
    assert CalDavTarget("https://x.invalid/c/", "ana", command).password() == "from-env"
    with pytest.raises(SettingsError, match="unknown setting 'caldav_password'"):
        open_home(tmp_path / "plain", 'caldav_password = "hunter2"\n')


def test_the_target_comes_from_settings_unless_given(tmp_path):
    settings = open_home(tmp_path, 'caldav_url = "https://dav.example/cal"\ncaldav_user = "ana"\n').settings
    assert CalDavTarget.from_settings(settings) == CalDavTarget("https://dav.example/cal/", "ana", "")
    assert CalDavTarget.from_settings(settings, "https://other.example/c/", "bo").user == "bo"
    with pytest.raises(RitualError, match="must start with https"):
        CalDavTarget.from_settings(settings, "dav.example/cal")


def test_another_programs_guessed_time_zone_is_not_warned_about(home, radicale):
    target = CalDavTarget(f"{radicale}/ana/evolution/", "ana")
    sync(home, target, create=True)
    client = caldav.DAVClient(url=target.url, username="ana", password="any")
    evolution = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Ximian//NONSGML Evolution Calendar//EN\r\nBEGIN:VEVENT\r\n"
        "UID:lunch@laptop\r\nDTSTAMP:20260101T000000Z\r\n"
        "DTSTART;TZID=/freeassociation.sourceforge.net/Europe/Berlin:20261201T120000\r\n"
        "SUMMARY:Lunch\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    caldav.Calendar(client=client, url=target.url).save_event(evolution)
    # A process of its own, as the user runs it: the library's warning would go straight to its stderr.
    done = subprocess.run([sys.executable, "-m", "ritual", "--home", str(home.root), "--today", TODAY.isoformat(),
                           "sync", "caldav", "--url", target.url, "--user", "ana"],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert "Timezone" not in done.stderr and "Guessed" not in done.stderr, done.stderr
    assert "lunch@laptop" in server_events(target)
