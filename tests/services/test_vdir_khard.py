"""khard and ritual on the same vdir: contacts made and edited with khard reach ritual, and ritual's edits
show in `khard show` with every other field intact."""

from __future__ import annotations

import subprocess
import sys

import pytest

from ritual.core.dates import PartialDate
from ritual.core.model import Friend
from tests.services.vdir_books import open_book

pytest.importorskip("khard", reason="khard is not installed")

NEW_CONTACT = """First name : Ana
Last name : Souza
Birthday : 1990-03-14
Phone :
    cell : +55 11 91234-5678
Email :
    home : ana@example.org
Address :
    home :
        Street : Rua Augusta 12
        Code : 01305-000
        City : São Paulo
        Country : Brazil
Categories : family
"""


@pytest.fixture
def khard(tmp_path):
    """Runs khard with its own config in tmp, on the address book `friends` (the sync's folder)."""
    book = open_book(tmp_path)
    config = tmp_path / "khard.conf"
    config.write_text(f"[addressbooks]\n[[friends]]\npath = {book.folder}\n[general]\neditor = /bin/false\n"
                      "merge_editor = /bin/false\n[vcard]\npreferred_version = 3.0\n", encoding="utf-8")

    def run(*args: str, stdin: str = "") -> str:
        done = subprocess.run([sys.executable, "-m", "khard", "-c", str(config), *args], input=stdin, text=True,
                              capture_output=True, timeout=60, check=False, env={"HOME": str(tmp_path)})
        assert done.returncode == 0, done.stderr
        return done.stdout

    run.book = book
    yield run
    book.db.close()


def _edited_template(khard, who: str, **changes: str) -> str:
    lines = khard("show", "--format", "yaml", who).splitlines()
    for key, value in changes.items():
        lines = [f"{key}: {value}" if line.startswith(f"{key}:") else line for line in lines]
    return "\n".join(lines) + "\n"


def test_a_contact_made_and_edited_with_khard_reaches_ritual(khard, tmp_path):
    book = khard.book
    khard("new", "-a", "friends", stdin=NEW_CONTACT)
    book.sync()
    ana = book.friends()["Ana Souza"]
    assert ana.birthday == PartialDate(3, 14, 1990) and ana.tags == ("family",) and ana.country == "BR"
    template = tmp_path / "edit.yaml"
    template.write_text(_edited_template(khard, "Ana", Birthday="'1990-03-15'", Nickname="Aninha"), encoding="utf-8")
    khard("edit", "-i", str(template), "Ana", stdin="y\n")
    report = book.sync()
    ana = book.friends()["Ana Souza"]
    assert report.friends_updated == ["Ana Souza"]
    assert ana.birthday == PartialDate(3, 15, 1990) and ana.nickname == "Aninha"


def test_a_friend_edited_in_ritual_shows_in_khard_with_its_other_fields_intact(khard):
    book = khard.book
    khard("new", "-a", "friends", stdin=NEW_CONTACT)
    book.add(Friend("Ben Lima", birthday=PartialDate(7, 1)))
    book.sync()
    ana = book.friends()["Ana Souza"]
    book.update(ana._replace(name="Ana Lima", birthday=PartialDate(3, 20, 1990), tags=("family", "pen pals")))
    book.sync()
    shown = khard("show", "--format", "yaml", "Ana")
    assert "First name: Ana" in shown and "Last name: Lima" in shown and "Birthday: '1990-03-20'" in shown
    assert "cell: +55 11 91234-5678" in shown and "home: ana@example.org" in shown
    assert "Street: Rua Augusta 12" in shown and "- pen pals" in shown
    # A friend made in ritual is a contact khard reads, year-less birthday included.
    assert "Ben Lima" in khard("list") and "07/01" in khard("birthdays")
