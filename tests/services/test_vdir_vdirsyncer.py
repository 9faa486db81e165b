"""ritual, vdirsyncer and a real Radicale CardDAV server on 127.0.0.1: cards travel both ways through the vdir."""

from __future__ import annotations

import base64
import subprocess
import sys
import urllib.request

import pytest

from ritual.core.dates import PartialDate
from tests.services.test_caldav_sync import start_radicale
from tests.services.vdir_books import card, open_book

pytest.importorskip("radicale", reason="radicale is not installed")
pytest.importorskip("vdirsyncer", reason="vdirsyncer is not installed")

_MKCOL = b"""<?xml version="1.0" encoding="utf-8"?>
<mkcol xmlns="DAV:" xmlns:CR="urn:ietf:params:xml:ns:carddav"><set><prop>
<resourcetype><collection/><CR:addressbook/></resourcetype></prop></set></mkcol>"""


@pytest.fixture
def carddav(tmp_path):
    """An empty address book on a fresh Radicale, its URL."""
    server, url = start_radicale(tmp_path / "radicale", "--auth-type", "none")
    collection = f"{url}/ana/friends/"
    _request("PROPFIND", f"{url}/ana/", Depth="0")
    _request("MKCOL", collection, _MKCOL, "application/xml")
    yield collection
    server.terminate()
    server.wait(10)


_LOGIN = {"Authorization": "Basic " + base64.b64encode(b"ana:unused").decode()}


def _request(method: str, url: str, body: bytes | None = None, kind: str = "text/vcard", **headers: str) -> bytes:
    # Radicale makes a user's principal collection on their first logged-in request.
    request = urllib.request.Request(url, data=body, method=method,
                                     headers={**_LOGIN, **headers, **({"Content-Type": kind} if body else {})})
    with urllib.request.urlopen(request, timeout=20) as answer:
        return answer.read()


def _server_cards(collection: str, hrefs: list[str]) -> list[str]:
    return [_request("GET", collection + href).decode("utf-8") for href in hrefs]


def _listing(collection: str) -> list[str]:
    body = b'<?xml version="1.0"?><propfind xmlns="DAV:"><prop><getetag/></prop></propfind>'
    text = _request("PROPFIND", collection, body, "application/xml", Depth="1").decode("utf-8")
    return sorted(part.split("<")[0].rsplit("/", 1)[-1] for part in text.split("href>")[1::2]
                  if part.split("<")[0].endswith(".vcf"))


@pytest.fixture
def vdirsyncer(tmp_path, carddav):
    """Runs vdirsyncer with a pair of the sync's folder and the CardDAV address book."""
    book = open_book(tmp_path / "local")
    config = tmp_path / "vdirsyncer.conf"
    config.write_text(f"""[general]
status_path = "{tmp_path / 'status'}/"

[pair friends]
a = "friends_local"
b = "friends_remote"
collections = null
conflict_resolution = "b wins"

[storage friends_local]
type = "filesystem"
path = "{book.folder}/"
fileext = ".vcf"

[storage friends_remote]
type = "carddav"
url = "{carddav}"
username = "ana"
password = "unused"
""", encoding="utf-8")

    def run(*args: str) -> None:
        done = subprocess.run([sys.executable, "-m", "vdirsyncer", "-c", str(config), *args], capture_output=True,
                              text=True, timeout=120, check=False, input="y\n", env={"HOME": str(tmp_path)})
        assert done.returncode == 0, done.stdout + done.stderr

    run("discover")
    run.book = book
    run.collection = carddav
    yield run
    book.db.close()


def test_a_card_put_on_the_server_reaches_ritual_and_an_edit_in_ritual_reaches_the_server(vdirsyncer):
    book, collection = vdirsyncer.book, vdirsyncer.collection
    _request("PUT", collection + "ana.vcf", card("UID:ana-1", "FN:Ana Souza", "N:Souza;Ana;;;", "TEL:+55 11 9",
                                                 "BDAY:1990-03-14", "X-PHONE-ONLY:keep").encode())
    vdirsyncer("sync")
    book.sync()
    ana = book.friends()["Ana Souza"]
    assert ana.birthday == PartialDate(3, 14, 1990)
    book.update(ana._replace(birthday=PartialDate(3, 15, 1990), nickname="Aninha"))
    book.sync()
    vdirsyncer("sync")
    (served,) = _server_cards(collection, ["ana.vcf"])
    assert "BDAY:1990-03-15" in served and "NICKNAME:Aninha" in served
    assert "TEL:+55 11 9" in served and "X-PHONE-ONLY:keep" in served


def test_ten_rounds_make_no_duplicates(vdirsyncer):
    book, collection = vdirsyncer.book, vdirsyncer.collection
    _request("PUT", collection + "ana.vcf", card("UID:ana-1", "FN:Ana Souza", "BDAY:1990-03-14").encode())
    from ritual.core.model import Friend

    book.add(Friend("Ben Lima", birthday=PartialDate(7, 1)))
    for round_number in range(10):
        vdirsyncer("sync")
        report = book.sync()
        if round_number == 4:
            ana = book.friends()["Ana Souza"]
            book.update(ana._replace(nickname=f"round {round_number}"))
        assert not report.conflicts and not report.skipped
    vdirsyncer("sync")
    assert sorted(book.friends()) == ["Ana Souza", "Ben Lima"]
    hrefs = _listing(collection)
    served = _server_cards(collection, hrefs)
    assert len(hrefs) == 2 and sum("NICKNAME:round 4" in c for c in served) == 1
    assert len(book.files()) == 2
