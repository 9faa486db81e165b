"""A card that moves on leaves the kept calendars: its write and post events are deleted on a real Radicale."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

pytest.importorskip("caldav", reason="the caldav extra is not installed")
pytest.importorskip("radicale", reason="radicale is not installed")

from ritual.core.dates import PartialDate  # noqa: E402
from ritual.core.model import Address, Friend  # noqa: E402
from ritual.services.calendar.caldav_auth import PASSWORD_ENV, CalDavTarget  # noqa: E402
from ritual.services.calendar.caldav_sync import sync_calendar  # noqa: E402
from ritual.services.calendar.kept import UPDATED, refresh_exports  # noqa: E402
from ritual.services.cards.steps import card_step  # noqa: E402
from tests.services.ics_homes import TODAY, open_home  # noqa: E402
from tests.services.test_caldav_sync import start_radicale, summaries  # noqa: E402

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
    """A home with Ana, keeping a CalDAV calendar and an `.ics` file current."""
    monkeypatch.setenv(PASSWORD_ENV, "any")
    url, file = f"{radicale}/ana/cards/", tmp_path / "kept.ics"
    sync_calendar(CalDavTarget(url, "ana"), [], create=True)
    config = f'caldav_user = "ana"\nexport_caldav_urls = ["{url}"]\nexport_ics_files = ["{file}"]\n'
    ana = Friend("Ana Souza", birthday=PartialDate(12, 20, 1990), addresses=(Address(("Hauptstr. 1",), "Berlin", "", "10115", "DE"),))
    home = open_home(tmp_path / "home", config, [ana])
    yield home, CalDavTarget(url, "ana"), file
    home.db.close()


def _refresh(home, minutes: int) -> dict:
    results = refresh_exports(home.settings, home.db.path, NOW + timedelta(minutes=minutes), TODAY)
    return {r.target.kind: r for r in results}


def _ana_actions(names: set[str]) -> set[str]:
    return {n.split(" Ana")[0] for n in names if "Ana Souza —" in n}


def test_each_step_deletes_its_event_on_the_server_and_in_the_file(kept):
    home, target, file = kept
    assert _refresh(home, 0)["caldav"].outcome == UPDATED
    assert _ana_actions(summaries(target)) == {"Write to", "Post the card to"}
    assert "Write to Ana Souza" in file.read_text()

    card_step(home.settings, home.db, "Ana", "birthday", "written", TODAY)
    written = _refresh(home, 5)
    assert written["caldav"].outcome == UPDATED and "1 deleted" in written["caldav"].detail
    assert _ana_actions(summaries(target)) == {"Post the card to"}
    assert "Write to Ana Souza" not in file.read_text() and "Post the card to Ana Souza" in file.read_text()

    card_step(home.settings, home.db, "Ana", "birthday", "posted", TODAY)
    _refresh(home, 10)
    assert _ana_actions(summaries(target)) == set() and "Ana Souza's birthday" in summaries(target)
    assert "Post the card to Ana Souza" not in file.read_text()

    card_step(home.settings, home.db, "Ana", "birthday", "arrived", TODAY + timedelta(days=5))
    _refresh(home, 15)
    assert _ana_actions(summaries(target)) == set() and "Ana Souza's birthday" in summaries(target)

    card_step(home.settings, home.db, "Ana", "birthday", "undo", TODAY)
    card_step(home.settings, home.db, "Ana", "birthday", "undo", TODAY)
    _refresh(home, 20)
    assert _ana_actions(summaries(target)) == {"Post the card to"}, "an undone step puts its event back"
