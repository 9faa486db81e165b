"""CSV import: the corpus exports, our own Outlook and current-Google files, and the simple format."""

from __future__ import annotations

from pathlib import Path

import pytest

from ritual.core.dates import PartialDate
from ritual.errors import InvalidValue, RitualError
from ritual.services.contacts.record import Incoming, Skipped
from ritual.services.contacts.csv_import import csv_date, read_csv_file, read_csv_text
from tests.corpus import corpus_dir, needs

DATA = Path(__file__).resolve().parents[1] / "data" / "contacts"
CORPUS = corpus_dir("csv")
needs_corpus = needs("csv")


def friends(path: Path) -> list:
    return [r.friend for r in read_csv_file(path) if isinstance(r, Incoming)]


@needs_corpus
def test_legacy_google_csv():
    (friend,) = friends(CORPUS / "roundcube-google-contacts-legacy.csv")
    assert friend.name == "Prefix Firstname Middle Lastname Suffix" and friend.nickname == "nick"
    assert friend.birthday == PartialDate(12, 12, 1975)
    assert friend.tags == ("Test",), "'* My Contacts' is Google's own group"
    assert friend.notes == 'note"note'
    home, work = friend.addresses
    assert (home.label, home.lines[:2], home.city, home.region, home.postal_code) == (
        "home", ("home_pobox", "home_street"), "home_city", "home_state", "home_zip")
    assert home.lines[-1] == "home_country" and home.country == "", "an unknown country stays as a line"
    assert (work.label, work.lines[0], work.city, work.postal_code) == ("work", "work_street", "work_city", "work_zip")


@needs_corpus
def test_thunderbird_birth_columns():
    (friend,) = friends(CORPUS / "roundcube-thunderbird-birthdate-columns.csv")
    assert friend.name == "Displayname" and friend.birthday == PartialDate(11, 15, 1970)
    home, work = friend.addresses
    assert (home.lines, home.city, home.region, home.postal_code, home.country) == (
        ("Priv address",), "City", "region", "xx-xxx", "US")
    assert (work.lines, work.city, work.region, work.postal_code, work.country) == (
        ("Addr work",), "Wcity", "Wstate", "33-333", "PL")


@needs_corpus
def test_thunderbird_embedded_newlines_and_utf16():
    one, two = friends(CORPUS / "thunderbird-export-embedded-newlines.csv")
    assert (one.name, two.name) == ("contact number one", "contact number two")
    assert two.notes == "here's some unicode text…" and one.birthday is None
    (john,) = friends(CORPUS / "thunderbird-utf16le-bom.csv")
    assert john.name == "John Doe"


def test_outlook_csv_with_empty_dates():
    results = read_csv_file(DATA / "outlook.csv")
    assert [type(r) for r in results] == [Incoming, Incoming, Skipped, Incoming]
    margaret, tomasz, nobody, ines = results
    m = margaret.friend
    assert m.name == "Margaret Okonkwo" and m.birthday == PartialDate(3, 22, 1958)
    assert [(o.name, o.date) for o in m.occasions] == [("anniversary", PartialDate(6, 14, 2001))]
    assert m.tags == ("Family", "Christmas cards") and m.notes == "Prefers letters to e-mail."
    assert (m.addresses[0].lines, m.addresses[0].city, m.addresses[0].country) == (
        ("12 Bramble Lane", "Flat 3"), "Leeds", "GB")
    assert tomasz.friend.birthday is None and tomasz.friend.occasions == (), "0/0/00 means no date"
    assert tomasz.friend.addresses[0].label == "work" and tomasz.friend.addresses[0].country == "PL"
    assert nobody.line == 4 and "no name" in nobody.reason
    assert ines.friend.birthday is None and "2/30/1990" in ines.warnings[0][1]


def test_current_google_csv():
    aiko, rafael = friends(DATA / "google-current.csv")
    assert (aiko.name, aiko.nickname, aiko.birthday) == ("Aiko Tanaka", "Ai", PartialDate(7, 7))
    assert aiko.tags == ("Pen pals",) and aiko.notes == "Met at the paper fair.\nLikes washi tape."
    assert {o.name: o.date for o in aiko.occasions} == {
        "anniversary": PartialDate(10, 20, 2012), "First letter": PartialDate(3, 5, 2019)}
    (address,) = aiko.addresses
    assert (address.lines, address.city, address.region, address.postal_code, address.country, address.label) == (
        ("1-2-3 Jingumae",), "Shibuya-ku", "Tokyo", "150-0001", "JP", "home")
    assert rafael.birthday == PartialDate(2, 29, 1988) and rafael.tags == ()


def test_simple_format_documented_in_the_module():
    text = ("name,birthday,anniversary,street,city,postal_code,country,tags,notes\n"
            'Ana Souza,02-29,2010-05-01,"Rua A 1\napto 3",São Paulo,01310-100,Brazil,"pen pals, school",Green ink\n'
            "Month Only,--06,,,,,,,\n")
    ana, month = (r.friend for r in read_csv_text(text, "simple.csv"))
    assert ana.birthday == PartialDate(2, 29) and ana.tags == ("pen pals", "school")
    assert ana.addresses[0].lines == ("Rua A 1", "apto 3") and ana.addresses[0].country == "BR"
    assert month.birthday == PartialDate(6)


def test_semicolon_separated_files_are_read():
    (record,) = read_csv_text("First Name;Last Name;Birthday\nJan;Novak;31.01.1970\n", "x.csv")
    assert record.friend.name == "Jan Novak" and record.friend.birthday == PartialDate(1, 31, 1970)


def test_a_csv_without_name_columns_is_refused():
    with pytest.raises(RitualError, match="line 1 has no name column"):
        read_csv_text("colour,size\nred,4\n", "other.csv")


@pytest.mark.parametrize(("text", "expected"), [
    ("0/0/00", None), ("", None), ("3/22/1958", PartialDate(3, 22, 1958)), ("22/3/1958", PartialDate(3, 22, 1958)),
    ("1988-02-29", PartialDate(2, 29, 1988)), ("--07-07", PartialDate(7, 7)), ("1604-02-29", PartialDate(2, 29)),
    ("1975-12-12 00:00:00", PartialDate(12, 12, 1975)),
])
def test_csv_dates(text, expected):
    assert csv_date(text, "birthday") == expected


def test_csv_date_that_is_not_a_date_names_field_and_value():
    with pytest.raises(InvalidValue, match="birthday: 'soon'"):
        csv_date("soon", "birthday")


def test_a_file_of_more_contacts_than_anyone_keeps_is_refused_before_any_row_is_read(monkeypatch):
    from ritual.services.contacts import csv_import

    # The bound is a constant of 100,000; a smaller one shows both sides of it without building 100,000 friends.
    monkeypatch.setattr(csv_import, "MAX_ROWS", 300)
    converted = []
    real_convert = csv_import._convert
    monkeypatch.setattr(csv_import, "_convert", lambda *args: converted.append(1) or real_convert(*args))
    text = "Name,Birthday\n" + "".join(f"F{n},\n" for n in range(301))
    with pytest.raises(RitualError, match=r"big\.csv: line .*more than 300 contacts"):
        read_csv_text(text, "big.csv")
    assert converted == [], "no row is converted once the file is known to be too big"
    assert len(read_csv_text("Name\n" + "\n" * 5 + "".join(f"F{n}\n" for n in range(300)), "ok.csv")) == 300


def test_a_field_of_a_megabyte_is_reported_not_read():
    found = read_csv_text("Name,Notes\nAna,short\nBo," + "x" * 1_000_000 + "\n", "notes.csv")
    assert isinstance(found[0], Incoming) and found[0].friend.name == "Ana"
    assert isinstance(found[1], Skipped) and "could not be read as CSV" in found[1].reason and found[1].line == 3
