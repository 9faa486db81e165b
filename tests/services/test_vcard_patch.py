"""Rewriting a card's own properties: groups, labels, line ends, quoted-printable and 2.1 charsets."""

from __future__ import annotations

from ritual.services.contacts.vcard_patch import patch_card
from ritual.services.contacts.vdir_cards import card_from_text
from tests.services.vdir_books import card

HOME = {"label": "home", "lines": ["Rua 2"], "city": "Porto", "region": "", "postal_code": "4000", "country": "PT"}


def test_unchanged_values_give_the_same_bytes_and_lf_cards_stay_lf():
    text = card("UID:a", "FN:Ana Souza", "N:Souza;Ana;;;", "NOTE:x", newline="\n")
    assert patch_card(text, {}) == text
    patched = patch_card(text, {"nickname": "Aninha"})
    assert "\r" not in patched and patched.endswith("NICKNAME:Aninha\nEND:VCARD\n")


def test_a_removed_apple_address_takes_its_label_and_country_hint_with_it():
    text = card("FN:Ana Souza", "item1.ADR;type=HOME:;;Rua 1;Lisboa;;1000;Portugal", "item1.X-ABADR:pt",
                "item1.X-ABLabel:casa", "item2.ADR;type=WORK:;;Av 5;Porto;;4000;Portugal", "item2.X-ABLabel:work",
                "TEL:1")
    keep_work = {"label": "work", "lines": ["Av 5"], "city": "Porto", "region": "", "postal_code": "4000",
                 "country": "PT"}
    patched = patch_card(text, {"addresses": [keep_work]})
    assert "item1." not in patched and "item2.ADR;type=WORK:;;Av 5;Porto;;4000;Portugal" in patched
    assert "TEL:1" in patched


def test_a_changed_address_keeps_its_group_and_a_new_label_is_written():
    text = card("FN:Ana Souza", "item1.ADR;type=HOME;type=pref:;;Rua 1;Lisboa;;1000;Portugal", "item1.X-ABADR:pt")
    patched = patch_card(text, {"addresses": [HOME]})
    assert "item1.ADR;type=HOME;type=pref:;;Rua 2;Porto;;4000;Portugal\r\n" in patched
    relabelled = patch_card(text, {"addresses": [{**HOME, "label": "Summer house"}]})
    assert "item1.ADR:;;Rua 2;Porto;;4000;Portugal" in relabelled


def test_an_apple_anniversary_is_changed_in_place_and_a_cleared_one_takes_its_label():
    text = card("FN:Ana Souza", "item3.X-ABDATE;type=pref:2015-06-20", "item3.X-ABLabel:_$!<Anniversary>!$_")
    moved = patch_card(text, {"anniversary": "2016-06-20"})
    assert "item3.X-ABDATE;type=pref:2016-06-20\r\nitem3.X-ABLabel:_$!<Anniversary>!$_" in moved
    assert "X-ABDATE" not in patch_card(text, {"anniversary": None}) and "X-ABLabel" not in patch_card(
        text, {"anniversary": None})


def test_a_quoted_printable_block_is_kept_whole_and_the_card_reads_back():
    text = card("FN:Jo Bauer", "NOTE;ENCODING=QUOTED-PRINTABLE:first=0D=0A=", "second line", "TEL;CELL:+49",
                version="2.1")
    patched = patch_card(text, {"name": "Jörg Bauer"})
    assert "NOTE;ENCODING=QUOTED-PRINTABLE:first=0D=0A=\r\nsecond line\r\nTEL;CELL:+49" in patched
    assert "FN;CHARSET=UTF-8:Jörg Bauer" in patched
    read = card_from_text(patched, notes=True)
    assert read.values["name"] == "Jörg Bauer" and read.values["notes"] == "first\nsecond line"


def test_a_month_only_birthday_in_3_0_uses_ritual_s_own_property_and_back():
    text = card("FN:Cleo Park", "BDAY:1990-06-01")
    month = patch_card(text, {"birthday": "--06"})
    assert "\r\nBDAY" not in month and "X-RITUAL-BDAY:--06" in month
    assert card_from_text(month, False).values["birthday"] == "--06"
    again = patch_card(month, {"birthday": "--06-02"})
    assert "X-RITUAL-BDAY" not in again and "BDAY;X-APPLE-OMIT-YEAR=1604:1604-06-02" in again
