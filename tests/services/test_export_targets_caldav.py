"""A kept-current CalDAV calendar on a real Radicale server, read back through CalDAV."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

pytest.importorskip("caldav", reason="the caldav extra is not installed")
pytest.importorskip("radicale", reason="radicale is not installed")

from ritual.services.calendar.caldav_auth import PASSWORD_ENV, CalDavTarget  # noqa: E402
from ritual.services.calendar.caldav_sync import sync_calendar  # noqa: E402
from ritual.services.calendar.kept import CURRENT, FAILED, UNCHANGED, UPDATED, refresh_exports  # noqa: E402
from ritual.store.export_targets import ExportTargetLog  # noqa: E402
from ritual.store.friends import FriendRepository  # noqa: E402
from tests.services.ics_homes import TODAY, hard_friends, open_home  # noqa: E402
from tests.services.test_caldav_sync import server_events, start_radicale, summaries  # noqa: E402

NOW = datetime(2026, 11, 25, 9, 30, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def radicale(tmp_path_factory):
    """An open Radicale (any user, any password)."""
    server, url = start_radicale(tmp_path_factory.mktemp("radicale"), "--auth-type", "none")
    yield url
    server.terminate()
    server.wait(10)


@pytest.fixture
def kept(tmp_path, radicale, monkeypatch):
    """A home keeping one existing CalDAV calendar and one `.ics` file current."""
    monkeypatch.setenv(PASSWORD_ENV, "any")
    url, file = f"{radicale}/ana/kept/", tmp_path / "kept.ics"
    sync_calendar(CalDavTarget(url, "ana"), [], create=True)
    config = f'caldav_user = "ana"\nexport_caldav_urls = ["{url}"]\nexport_ics_files = ["{file}"]\n'
    home = open_home(tmp_path / "home", config, hard_friends())
    yield home, CalDavTarget(url, "ana")
    home.db.close()


def refresh(home, now=NOW, force=False):
    return {r.target.kind: r for r in refresh_exports(home.settings, home.db.path, now, TODAY, force)}


def test_the_calendar_follows_the_data_and_a_quiet_check_sends_nothing(kept):
    home, target = kept
    first = refresh(home)
    assert first["caldav"].outcome == UPDATED and first["file"].outcome == UPDATED
    assert "Ana Souza's birthday" in summaries(target)
    before = server_events(target)
    assert refresh(home, NOW + timedelta(minutes=5))["caldav"].outcome == CURRENT
    forced = refresh(home, NOW + timedelta(minutes=10), force=True)["caldav"]
    assert forced.outcome == UNCHANGED and forced.detail.startswith("0 created, 0 updated, 0 deleted")
    assert server_events(target) == before

    repo = FriendRepository(home.db)
    repo.update(repo.find("Ana Souza")._replace(name="Ana Lima"))
    repo.delete(repo.find("Ben Year-less").id)
    edited = refresh(home, NOW + timedelta(minutes=15))["caldav"]
    assert edited.outcome == UPDATED and "deleted" in edited.detail
    names = summaries(target)
    assert "Ana Lima's birthday" in names and not any("Ben Year-less" in s for s in names)
    record = ExportTargetLog(home.db).get(f"caldav:{target.url}")
    assert record.changed_at == NOW + timedelta(minutes=15) and record.events == len(server_events(target))


def test_a_missing_calendar_is_a_recorded_error_and_the_file_still_refreshes(tmp_path, radicale, monkeypatch):
    monkeypatch.setenv(PASSWORD_ENV, "any")
    url, file = f"{radicale}/ana/never-made/", tmp_path / "kept.ics"
    config = f'export_caldav_urls = ["{url}"]\nexport_ics_files = ["{file}"]\n'
    home = open_home(tmp_path / "home", config, hard_friends())
    results = refresh(home)
    assert results["file"].outcome == UPDATED and file.exists()
    assert results["caldav"].outcome == FAILED and "--create" in results["caldav"].detail
    record = ExportTargetLog(home.db).get(f"caldav:{url}")
    assert record.failing and "no calendar at" in record.last_error
    home.db.close()
