"""vCard export read back by vobject and by ritual's own importer; dates that must survive do."""

from __future__ import annotations

import stat
from datetime import date

import pytest
import vobject

from ritual.core.dates import PartialDate
from ritual.core.model import ANNIVERSARY, Address, Friend, Occasion
from ritual.services.demo.build import demo_friends
from ritual.services.contacts.vcard_export import export_friends, friend_vcard
from ritual.services.contacts.vcard_import import read_vcard_file, read_vcard_text

ANA = Friend(
    id=7, name="Ana Souza", nickname="Aninha", birthday=PartialDate(2, 29), tags=("pen pals", "a,b"),
    notes="Green ink;\nlong letters", addresses=(Address(("Rua das Flores 12", "apto 3"), "São Paulo", "SP",
                                                         "01310-100", "BR", "home"),),
    occasions=(Occasion(ANNIVERSARY, PartialDate(6, 1, 2010)), Occasion("Name day", PartialDate(7, 26))),
)


@pytest.mark.parametrize("version", ["3.0", "4.0"])
def test_vobject_reads_every_exported_card(version):
    text = export_friends([ANA, *demo_friends(30, 3, date(2026, 1, 1))], None, version)
    cards = list(vobject.readComponents(text))
    assert len(cards) == 31
    first = cards[0]
    assert first.fn.value == "Ana Souza" and first.version.value == version
    assert first.note.value == "Green ink;\nlong letters"
    assert first.adr.value.street == "Rua das Flores 12\napto 3" and first.adr.value.country == "Brazil"


def test_yearless_feb29_is_written_so_it_survives():
    assert "BDAY;X-APPLE-OMIT-YEAR=1604:1604-02-29\r\n" in friend_vcard(ANA, "3.0", "u1")
    assert "BDAY:--0229\r\n" in friend_vcard(ANA, "4.0", "u1")


@pytest.mark.parametrize("version", ["3.0", "4.0"])
@pytest.mark.parametrize("birthday", [PartialDate(2, 29), PartialDate(2, 29, 1992), PartialDate(6), PartialDate(3, 5)])
def test_birthdays_round_trip_through_ritual(version, birthday):
    friend = Friend(id=1, name="Round Trip", birthday=birthday)
    (back,) = read_vcard_text(friend_vcard(friend, version, "u"), "x")
    assert back.friend.birthday == birthday


@pytest.mark.parametrize("version", ["3.0", "4.0"])
def test_everything_imported_comes_back_the_same(version):
    (back,) = read_vcard_text(friend_vcard(ANA, version, "uid-ana"), "x")
    friend = back.friend
    assert back.uid == "uid-ana"
    assert (friend.name, friend.nickname, friend.notes, friend.tags) == (ANA.name, ANA.nickname, ANA.notes, ANA.tags)
    assert friend.addresses == ANA.addresses
    assert {(o.name, o.date) for o in friend.occasions} == {(o.name, o.date) for o in ANA.occasions}


def test_long_lines_are_folded_without_splitting_letters():
    friend = Friend(id=2, name="Ñ" * 60, notes="ü" * 200)
    text = friend_vcard(friend, "3.0", "u")
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))
    (back,) = read_vcard_text(text, "x")
    assert back.friend.name == "Ñ" * 60 and back.friend.notes == "ü" * 200


def test_file_and_vdir_outputs_are_private(tmp_path):
    single = tmp_path / "out" / "friends.vcf"
    export_friends([ANA], single, "3.0")
    assert stat.S_IMODE(single.stat().st_mode) == 0o600
    vdir = tmp_path / "vdir"
    export_friends([ANA, Friend(id=8, name="Bea")], vdir, "4.0", {7: "ana-uid"})
    names = sorted(p.name for p in vdir.iterdir())
    assert len(names) == 2 and "ana-uid.vcf" in names
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in vdir.iterdir())
    assert [r.friend.name for r in read_vcard_file(vdir / "ana-uid.vcf")] == ["Ana Souza"]
