"""vCard import into a real database: our own real-shaped files, re-import rules, one transaction."""

from __future__ import annotations

from pathlib import Path

import pytest

from ritual.core.dates import PartialDate
from ritual.errors import RitualError
from ritual.services.contacts.importer import import_contacts
from ritual.services.contacts.record import Incoming, Skipped
from ritual.services.contacts.vcard_import import read_vcard_file, read_vcard_text
from ritual.store.database import open_database
from ritual.store.friends import FriendRepository

DATA = Path(__file__).resolve().parents[1] / "data" / "contacts"


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "ritual.db")
    yield database
    database.close()


def card(*lines: str) -> str:
    return "\r\n".join(("BEGIN:VCARD", "VERSION:3.0", *lines, "END:VCARD", ""))


def run(db, text: str, **options):
    return import_contacts(db, [("test.vcf", read_vcard_text(text, "test.vcf"))], "vcard", **options)


def by_name(db) -> dict:
    return {f.name: f for f in FriendRepository(db).all()}


def test_feb29_cards_keep_their_day_with_and_without_a_year():
    found = {r.friend.name: r.friend for r in read_vcard_file(DATA / "feb29.vcf")}
    assert found["Astrid Lindqvist"].birthday == PartialDate(2, 29, 1992)
    assert found["Astrid Lindqvist"].addresses[0].country == "SE", "Sverige is Swedish for Sweden"
    assert found["Chidi Okafor"].birthday == PartialDate(2, 29), "1604 with X-APPLE-OMIT-YEAR means no year"
    assert found["Noor Haddad"].birthday == PartialDate(2, 29)
    assert [(o.name, o.date) for o in found["Noor Haddad"].occasions] == [("anniversary", PartialDate(2, 29, 2004))]


def test_apple_card_with_omitted_year_labels_and_grouped_address():
    (record,) = read_vcard_file(DATA / "apple-omit-year.vcf")
    friend = record.friend
    assert friend.birthday == PartialDate(11, 3) and friend.nickname == "Jeannot"
    assert {o.name: o.date for o in friend.occasions} == {
        "anniversary": PartialDate(6, 21), "Moved to Lyon": PartialDate(9, 12, 2015)}
    (address,) = friend.addresses
    assert address.lines == ("14 rue des Lilas", "Bâtiment B") and address.country == "FR" and address.label == "home"
    assert friend.tags == ("Family", "Pen pals")
    assert friend.notes == "Loves fountain pens, writes back in green ink."
    assert record.uid == "B1C7E2A4-5D3F-4E8A-9F01-6A2B3C4D5E6F"


def test_a_file_without_any_card_is_refused(tmp_path):
    path = tmp_path / "notes.vcf"
    path.write_text("just some text\n")
    with pytest.raises(RitualError, match="notes.vcf: is not a vCard file"):
        read_vcard_file(path)


def test_a_broken_card_is_skipped_with_its_line_and_the_rest_imports():
    text = card("FN:Ana") + "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Lost\r\n" + card("FN:Bea", "BDAY:1990-02-30")
    results = read_vcard_text(text, "x.vcf")
    assert [type(r) for r in results] == [Incoming, Skipped, Incoming]
    assert results[1].line == 5 and "END:VCARD" in results[1].reason
    assert results[2].friend.birthday is None
    assert results[2].warnings and "1990-02-30" in results[2].warnings[0][1]


def test_system_groups_are_not_circles_and_extra_tags_are_added():
    (record,) = read_vcard_text(card("FN:Ana", "CATEGORIES:My Contacts,Friends"), "x.vcf", ("imported",))
    assert record.friend.tags == ("Friends", "imported")


def test_reimport_is_idempotent(db):
    text = (DATA / "apple-omit-year.vcf").read_text() + (DATA / "feb29.vcf").read_text()
    first = run(db, text)
    assert (first.created, first.updated, first.unchanged) == (4, 0, 0)
    again = run(db, text)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 4)
    assert FriendRepository(db).count() == 4


def test_changed_fields_update_but_user_edits_stay(db):
    run(db, card("UID:a1", "FN:Ana Souza", "BDAY:1990-03-14", "NOTE:from the phone", "NICKNAME:Aninha"))
    repo = FriendRepository(db)
    ana = by_name(db)["Ana Souza"]
    repo.update(ana._replace(notes="my own words", name="Ana S."))
    summary = run(db, card("UID:a1", "FN:Ana Souza", "BDAY:1990-03-15", "NOTE:phone changed it", "NICKNAME:Aninha"))
    assert (summary.updated, summary.kept_edits) == (1, 2)
    ana = repo.get(ana.id)
    assert ana.birthday == PartialDate(3, 15, 1990), "unchanged by the user, so the file's new value wins"
    assert (ana.notes, ana.name) == ("my own words", "Ana S.")
    run(db, card("UID:a1", "FN:Ana Souza", "BDAY:1990-03-15", "NOTE:phone changed it"), overwrite=True)
    assert (repo.get(ana.id).notes, repo.get(ana.id).name) == ("phone changed it", "Ana Souza")


def test_match_by_name_and_birthday_fills_only_empty_fields(db):
    FriendRepository(db).add(read_vcard_text(card("FN:Bea Lima", "BDAY:--05-01"), "x")[0].friend._replace(notes="typed by hand"))
    summary = run(db, card("FN:Bea Lima", "BDAY:--05-01", "NOTE:from file", "NICKNAME:Bea"))
    assert (summary.created, summary.updated, summary.kept_edits) == (0, 1, 1)
    bea = by_name(db)["Bea Lima"]
    assert (bea.notes, bea.nickname) == ("typed by hand", "Bea")


def test_a_friend_renamed_and_redated_by_the_user_is_still_matched(db):
    run(db, card("FN:Simon Perreault", "BDAY:--02-03"))
    simon = by_name(db)["Simon Perreault"]
    FriendRepository(db).update(simon._replace(name="Simon P.", birthday=PartialDate(2, 3, 1970)))
    summary = run(db, card("FN:Simon Perreault", "BDAY:--02-03"))
    assert (summary.created, summary.unchanged) == (0, 1)


def test_tags_and_occasions_merge_item_by_item(db):
    run(db, card("UID:c1", "FN:Cai", "CATEGORIES:a,b", "X-ANNIVERSARY:2001-06-01"))
    repo = FriendRepository(db)
    cai = by_name(db)["Cai"]
    repo.update(cai._replace(tags=("a", "mine")))
    run(db, card("UID:c1", "FN:Cai", "CATEGORIES:a,b,c", "X-ANNIVERSARY:2002-06-01"))
    cai = repo.get(cai.id)
    assert cai.tags == ("a", "c", "mine"), "b stays removed by the user, c is new in the file"
    assert [o.date.iso() for o in cai.occasions] == ["2002-06-01"]


def test_dry_run_reports_but_saves_nothing(db):
    summary = run(db, (DATA / "feb29.vcf").read_text(), dry_run=True)
    assert summary.created == 3 and summary.dry_run
    assert FriendRepository(db).count() == 0
    assert db.query("SELECT count(*) FROM friend_sources")[0][0] == 0


def test_an_interrupted_import_leaves_the_database_as_it_was(db):
    run(db, card("FN:Already Here"))
    records = read_vcard_file(DATA / "feb29.vcf")

    def interrupt(_step: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        import_contacts(db, [("feb29.vcf", records)], "vcard", progress=interrupt)
    assert list(by_name(db)) == ["Already Here"]
    assert db.query("SELECT count(*) FROM friend_sources")[0][0] == 1


def test_a_card_that_adds_the_birth_year_updates_the_friend_instead_of_adding_another(tmp_path):
    from click.testing import CliRunner

    from ritual.cli import cli
    from ritual.store.database import open_database
    from ritual.store.friends import FriendRepository

    first = tmp_path / "a.vcf"
    first.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Souza\r\nBDAY:--0320\r\nEND:VCARD\r\n")
    later = tmp_path / "b.vcf"
    later.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Souza\r\nBDAY:1985-03-20\r\nEND:VCARD\r\n")
    home = tmp_path / "home"
    for path in (first, later):
        result = CliRunner().invoke(cli, ["--home", str(home), "import", "vcard", str(path)])
        assert result.exit_code == 0, result.output
    db = open_database(home / "data" / "ritual.db")
    friends = FriendRepository(db).all()
    db.close()
    assert [(f.name, f.birthday.iso()) for f in friends] == [("Ana Souza", "1985-03-20")]


def test_a_charset_name_with_a_nul_byte_falls_back_to_utf8():
    """A damaged CHARSET parameter must not crash the reader; the name still reads as UTF-8."""
    from ritual.services.contacts.vcard_text import decode_text_bytes

    assert decode_text_bytes("Ñ Ñ".encode(), "\x00TF-8") == "Ñ Ñ"


def test_a_single_word_fn_stays_the_name_and_n_does_not_replace_it():
    text = card("N:Petrov;Mikhail;Sergeyevich;;", "FN:Mischa", "BDAY:1988-04-02")
    (record,) = read_vcard_text(text, "t.vcf")
    assert record.friend.name == "Mischa" and record.friend.nickname == ""


def test_without_fn_the_name_from_n_keeps_the_additional_name():
    text = "\r\n".join(("BEGIN:VCARD", "VERSION:2.1", "N:Ivanova;Alexandra;Petrovna;;", "END:VCARD", ""))
    (record,) = read_vcard_text(text, "t.vcf")
    assert record.friend.name == "Alexandra Petrovna Ivanova"


def test_a_year_outside_the_range_is_forgotten_and_the_day_kept(db):
    text = (card("FN:Old Year", "BDAY:1750-05-01", "ANNIVERSARY:0999-06-01")
            + card("FN:Far Year", "BDAY:9999-12-31", "X-ANNIVERSARY:1776-07-04"))
    summary = run(db, text)
    assert summary.created == 2 and summary.skipped_count == 0
    friends = by_name(db)
    assert friends["Old Year"].birthday == PartialDate(5, 1)
    assert [(o.name, o.date) for o in friends["Old Year"].occasions] == [("anniversary", PartialDate(6, 1))]
    assert friends["Far Year"].birthday == PartialDate(12, 31)
    assert [o.date for o in friends["Far Year"].occasions] == [PartialDate(7, 4, 1776)]


def test_a_10_mb_photo_is_passed_over_quickly_and_the_card_kept():
    import time

    body = "\r\n ".join(["QUFB" * 18] * 140_000)
    started = time.perf_counter()
    found = read_vcard_text(card("FN:Ana Photo", f"PHOTO;ENCODING=b;TYPE=JPEG:{body}", "BDAY:1990-05-01"), "p.vcf")
    assert time.perf_counter() - started < 10
    assert [r.friend.birthday for r in found] == [PartialDate(5, 1, 1990)]
