"""Every vCard of the shared real-world corpus, checked against the expectations in its README."""

from __future__ import annotations

import pytest

from ritual.services.contacts.record import Incoming, Skipped
from ritual.services.contacts.vcard_import import read_vcard_file
from tests.corpus import corpus_dir, needs

CORPUS = corpus_dir("vcard")
pytestmark = needs("vcard")

US, DE, FR = "US", "DE", "FR"
# file -> [(name, birthday, {occasion: date}, [(first street line, city, postal code, country), ...])]
# Names are FN as exported, even a single word (the Windows Address Book's "Maxl"); addresses list the ones the README names, in ritual's order (home first).
EXPECTED = {
    "ezvcard-iphone-ios5-3.0.vcf": [("Mr. John Richter James Doe Sr.", "2012-06-06", {}, [
        ("Silicon Alley 5,", "New York", "12345", US), ("Street4", "New York", "12345", US)])],
    "ezvcard-outlook-2.1.vcf": [("Mr. John Richter James Doe Sr.", "1980-03-22", {"anniversary": "2011-01-13"}, [
        ("Silicon Alley 5,", "New York", "12345", US), ("Cresent moon drive", "Albaney", "12345", US)])],
    "ezvcard-outlook-2003-2.1.vcf": [("John Doe III", "1980-03-21", {}, [("TheOffice", "Austin", "12345", US)])],
    "ezvcard-gmail-3.0.vcf": [("Mr. John Richter, James Doe Sr.", "1980-03-22", {"anniversary": "1975-03-01"}, [
        ("Crescent moon drive", "", "", US)])],
    "ezvcard-gmail-3.0-all-dates.vcf": [("VCard Test", "1912-06-23",
                                         {"anniversary": "1930-03-20", "other": "1776-07-04",
                                          "CustomDateCategory": "2000-09-12"},
                                         [("112 Main St", "NY", "10011", ""), ("111 Main St", "NY", "10011", "")])],
    "ezvcard-evolution-3.0.vcf": [("Mr. John Richter, James Doe Sr.", "1980-03-22", {"anniversary": "1980-03-22"}, [
        ("ASB-123", "Albaney", "12345", US)])],
    "ezvcard-thunderbird-mfffab-3.0.vcf": [("John Doe", "1970-09-21", {"anniversary": "1990-04-30"}, [
        ("123 Main St", "Austin", "12345", US), ("222 Broadway", "New York", "98765", US)])],
    "ezvcard-fullcontact-4.0-altid-text-bday.vcf": [(
        "Prefix FirstName MiddleName LastName Suffix", "2016-08-01",
        {"anniversary": "2016-08-02", "other": "2016-08-03", "CustomTYPE": "2016-08-04"},
        [("HomeExtended", "HomeCity", "HomePostal", "")])],
    "ezvcard-rfc6350-example-4.0.vcf": [("Simon Perreault", "--02-03", {"anniversary": "2009-08-08"}, [
        ("Suite D2-630", "Quebec", "G1V 2M2", "CA")])],
    "roundcube-apple-addressbook-utf16be.vcf": [("Ǽgean ĽdaMonté", None, {}, [("169 Mária Canal", "LaPaz", "245-876", "PE")])],
    "roundcube-apple-addressbook-company.vcf": [("Apple Computer AG", None, {}, [
        ("Birgistrasse 4a", "Wallisellen-Zürich", "8304", "CH")])],
    "folkerkinzel-outlook-2.1-implicit-cp1252.vcf": [("Ralf Rastral", None, {}, [("Lämmerweg 12", "Kleindorf", "98765", DE)])],
    "folkerkinzel-windows-address-book-2.1.vcf": [("Maxl", "1972-01-31", {"anniversary": "2000-12-24"}, [
        ("Straße", "Ort", "PLZ", ""), ("1", "Ort Firma", "PLZFirma", "")])],
    "cozy-contactA-android-2.1-qp.vcf": [("Testé de Cozy", "1989-02-02", {}, [
        ("12, rue René Boulanger", "", "", ""), ("4, rue Léon Jouhaux", "", "", "")])],
    "cozy-contactA-ios8-bday-1604.vcf": [("Testé de Cozy", "--02-02", {}, [
        ("12, rue René Boulanger", "Paris", "75010", FR), ("4, rue Léon Jouhaux", "Paris", "75010", FR)])],
    "cozy-contactA-google-3.0.vcf": [("Testé de Cozy", "1989-02-02", {}, [
        ("12, rue René Boulanger", "", "", ""), ("4, rue Léon Jouhaux", "", "", "")])],
    "cozy-contactA-sogo-connector-vlist.vcf": [("Testé de Cozy", "1989-02-02", {}, [
        ("12, rue René Boulanger", "Paris", "75010", FR), ("4, rue Léon Jouhaux", "Paris", "75010", FR)])],
    "cozy-contactA-thundersync-2.1-latin1-qp.vcf": [("Testé de Cozy", "1989-02-02", {}, [
        ("12, rue René Boulanger", "Paris", "75010", FR), ("4, rue Léon Jouhaux", "Paris", "75010", FR)])],
    "cozy-android-2.1-x-android-custom-events.vcf": [(
        "Dr. Jhon middle 2, Suffix", "2015-03-03",
        {"anniversary": "2015-03-04", "other": "2015-03-05", "Date Personnalisé": "2015-03-06"},
        [("678 Plain Home Address", "", "", "")])],
    "kcontacts-kaddressbook-3.0-bday-datetime.vcf": [("Mustermann, Heiko", "1955-07-19", {"anniversary": "1982-07-07"}, [
        ("Buehlauer Strasse 45", "Dresden", "01327", DE), ("Prager Strasse 55", "Dresden", "01066", DE)])],
    "kcontacts-kaddressbook-4.0-full.vcf": [("Sherlock Holmes", "1953-10-15", {"anniversary": "1996-04-15"}, [
        ("221B Baker Street", "London", "NW1", "GB")])],
    "kcontacts-2.1-qp-softbreak-adr.vcf": [
        ("Bike Shop", None, {}, [("DDDDDDDDDDDDDDD-Staße 2", "", "", "")]),
        ("Field after Address broken", None, {}, [("AAAAAAA-AäAAAAA 11", "Urt", "00000", "")]),
        ("Field after Address not broken", None, {}, [("AAAAAAA-AäAAAAA 11", "Urt", "00000", "")]),
        ("Dr. med. Surname Name", None, {}, []),
        ("Second Doctor", None, {}, [("DDDDDDDDDDDstraße 26", "", "", "")]),
    ],
    "radicale-cardbook-bday-1604-no-param.vcf": [("Test bday without year Thunderbird CardBook", "--01-01", {}, [])],
    "khard-4.0-bday-value-text.vcf": [("text birthday", None, {}, [])],
    "icaljs-nextcloud-sabre-bday-datetime.vcf": [("First Last NextCloud", "2019-02-10", {"anniversary": "2019-02-20"}, [
        ("PO", "City", "zip", DE), ("PO W", "City Work", "zip Work", "")])],
    "caldavtester-apple-addressbook-xabdate.vcf": [("All Custom Fields Here", "1999-03-18", {"anniversary": "1995-05-21"}, [
        ("1 Goroku St.", "Mountain Top", "99999", US)])],
    "roundcube-thebat-2.1-qp-no-charset.vcf": [("Piotr Iksi?ski", None, {}, [])],
    "ezvcard-android-2.1-qp.vcf": [
        ("Ñ Ñ Ñ Ñ Ñ", None, {}, []), ("Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ", None, {}, []), ("Ñ Ñ Ñ Ñ", None, {}, []), ("ÑÑÑÑ", None, {}, []),
    ],
}


def _imported(name: str) -> list[Incoming]:
    return [r for r in read_vcard_file(CORPUS / name) if isinstance(r, Incoming)]


def test_every_corpus_file_has_expectations():
    assert sorted(p.name for p in CORPUS.glob("*.vcf")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_file_imports_as_its_readme_says(name: str):
    friends = [r.friend for r in _imported(name)]
    assert len(friends) == len(EXPECTED[name])
    for friend, (full_name, birthday, occasions, addresses) in zip(friends, EXPECTED[name], strict=True):
        if "?" in full_name:
            # The Bat! declares no charset: any single-letter decoding of 0xF1 is acceptable.
            assert friend.name.startswith("Piotr Iksi") and friend.name.endswith("ski") and len(friend.name) == 14
        else:
            assert friend.name == full_name
        assert (friend.birthday.iso() if friend.birthday else None) == birthday
        assert {o.name: o.date.iso() for o in friend.occasions} == occasions
        assert len(friend.occasions) == len(occasions), "one occasion per date, duplicates merged"
        got = [(a.lines[0] if a.lines else "", a.city, a.postal_code, a.country) for a in friend.addresses]
        assert got[: len(addresses)] == addresses


def test_android_cards_without_any_name_are_skipped_with_their_line():
    skipped = [r for r in read_vcard_file(CORPUS / "ezvcard-android-2.1-qp.vcf") if isinstance(r, Skipped)]
    assert [s.line for s in skipped] == [1, 6]
    assert all("no name" in s.reason for s in skipped)


def test_multi_line_streets_and_whole_addresses_in_one_field_keep_their_lines():
    (iphone,) = _imported("ezvcard-iphone-ios5-3.0.vcf")
    assert iphone.friend.addresses[1].lines == ("Street4", "Building 6", "Floor 8")
    (gmail,) = _imported("ezvcard-gmail-3.0.vcf")
    assert gmail.friend.addresses[0].lines == ("Crescent moon drive", "555-asd", "Nice Area, Albaney, New York 12345")
    (evolution,) = _imported("ezvcard-evolution-3.0.vcf")
    assert evolution.friend.addresses[0].country == "US", "the folded 'United  States' unfolds to one space"


def test_quoted_printable_notes_decode_across_soft_breaks_and_charsets():
    (wab,) = _imported("folkerkinzel-windows-address-book-2.1.vcf")
    assert wab.friend.notes.startswith("Kommentar ÄÄÄÄÄÄ ääääää ÖÖÖÖÖÖ öööööö ÜÜÜÜÜÜ üüüüüü ßßßßßß\n")
    assert wab.friend.nickname == "Maxl"
    (outlook,) = _imported("ezvcard-outlook-2003-2.1.vcf")
    assert outlook.friend.notes == "This is the note field!!\nSecond line\n\nThird line is empty"
    (thundersync,) = _imported("cozy-contactA-thundersync-2.1-latin1-qp.vcf")
    assert thundersync.friend.notes == "46b12,\n3ème étage droite."


def test_categories_uids_nicknames_and_text_birthdays():
    (mfffab,) = _imported("ezvcard-thunderbird-mfffab-3.0.vcf")
    assert mfffab.friend.tags == ("category1, category2, category3",), "escaped commas make one category"
    (holmes,) = _imported("kcontacts-kaddressbook-4.0-full.vcf")
    assert holmes.uid == "urn:uuid:b8767877-b4a1-4c70-9acc-505d3819e519"
    assert holmes.friend.tags == ("FICTION", "LITERATURE") and holmes.friend.nickname == "Shirley"
    (text_bday,) = _imported("khard-4.0-bday-value-text.vcf")
    assert text_bday.friend.birthday is None and "circa 1800" in text_bday.friend.notes


def test_unrecognised_countries_stay_on_the_envelope_and_are_reported():
    (nextcloud,) = _imported("icaljs-nextcloud-sabre-bday-datetime.vcf")
    work = nextcloud.friend.addresses[1]
    assert work.country == "" and work.lines[-1] == "Germany work"
    assert any("Germany work" in message for _, message in nextcloud.warnings)
