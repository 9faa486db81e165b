"""Two-way contacts sync with a vdir folder: linking, each side's changes, conflicts, removals, bad cards."""

from __future__ import annotations

import os

import pytest

from ritual.core.dates import PartialDate
from ritual.core.model import ANNIVERSARY, Address, Friend
from ritual.services.contacts.importer import import_contacts
from ritual.services.contacts.vcard_import import read_vcard_text
from ritual.services.contacts.vdir_run import resolve_conflicts
from ritual.services.contacts.vdir_sync import TooManyRemovals
from ritual.settings.contacts import ContactSyncSettings
from ritual.store.vdir_state import VdirState
from tests.services.vdir_books import NOW, card, open_book

APPLE = card(
    "PRODID:-//Apple Inc.//iPhone OS 17.4//EN",
    "N:Souza;Ana;Maria;;",
    "FN:Ana Souza",
    "NICKNAME:Aninha",
    "TEL;type=CELL;type=VOICE;type=pref:+55 11 91234-5678",
    "EMAIL;type=INTERNET;type=HOME;type=pref:ana@example.org",
    "item1.ADR;type=HOME;type=pref:;;Rua Augusta 12;São Paulo;SP;01305-000;Brasil",
    "item1.X-ABADR:br",
    "item2.X-ABDATE;type=pref:2015-06-20",
    "item2.X-ABLabel:_$!<Anniversary>!$_",
    "BDAY:1990-03-14",
    "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEx8",
    " aHR8aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/2wBDAQkJCQwLDBgNDRgyIRwhMjIy",
    "X-SOCIALPROFILE;type=twitter:https://twitter.com/ana",
    "X-UNKNOWN-THING;X-PARAM=\"a;b:c\":keep me exactly",
    "CATEGORIES:family,letters",
    "UID:ana-0001",
    "REV:2024-01-02T03:04:05Z",
)


@pytest.fixture
def book(tmp_path):
    opened = open_book(tmp_path)
    yield opened
    opened.db.close()


def test_the_first_sync_links_by_uid_then_name_and_birthday_and_adds_the_rest(book):
    # Dee came in by an import with her UID and was renamed in ritual since: the UID still finds her.
    import_contacts(book.db, [("old.vcf", read_vcard_text(card("UID:dee-1", "FN:Dee Old"), "old.vcf"))], "vcard")
    book.update(book.friends()["Dee Old"]._replace(name="Dee New"))
    book.add(Friend("Ana Souza", birthday=PartialDate(3, 14, 1990)), Friend("Ben Lima"))
    book.write("ana.vcf", APPLE)
    book.write("dee.vcf", card("UID:dee-1", "FN:Dee Old", "N:Old;Dee;;;"))
    book.write("cleo.vcf", card("UID:cleo-1", "FN:Cleo Park", "N:Park;Cleo;;;", "BDAY:--06-01"))
    report = book.sync()
    friends = book.friends()
    assert sorted(friends) == ["Ana Souza", "Ben Lima", "Cleo Park", "Dee New"]
    assert report.friends_created == ["Cleo Park"] and report.cards_created == ["Ben Lima"]
    assert friends["Ana Souza"].nickname == "Aninha" and friends["Ana Souza"].country == "BR"
    assert friends["Ana Souza"].occasions[0].name == ANNIVERSARY
    # Dee's rename in ritual was an edit of her own: it reaches the card, FN and N together.
    assert "FN:Dee New\r\nN:New;Dee;;;\r\n" in book.text("dee.vcf")
    assert len(book.files()) == 4
    again = book.sync()
    assert not again.changed and again.unchanged == 4


def test_an_edit_in_ritual_rewrites_only_ritual_lines_byte_for_byte(book):
    book.write("ana.vcf", APPLE)
    book.sync()
    assert book.text("ana.vcf") == APPLE  # linking changed nothing, so nothing was written
    ana = book.friends()["Ana Souza"]
    book.update(ana._replace(name="Ana Lima", birthday=PartialDate(3, 15, 1990), tags=("family", "pen pals")))
    report = book.sync()
    assert report.cards_updated == ["Ana Lima"]
    written = book.text("ana.vcf").split("\r\n")
    before = APPLE.split("\r\n")
    owned = {"FN", "N", "BDAY", "CATEGORIES"}
    assert [ln for ln in written if ln.split(":")[0].split(";")[0] not in owned] == \
        [ln for ln in before if ln.split(":")[0].split(";")[0] not in owned]
    assert "FN:Ana Lima" in written and "N:Lima;Ana;;;" in written and "VERSION:3.0" in written
    assert "BDAY:1990-03-15" in written and "CATEGORIES:family,pen pals" in written
    assert not book.sync().changed


def test_an_edit_on_the_card_updates_the_friend(book):
    book.write("ana.vcf", APPLE)
    book.sync()
    book.write("ana.vcf", APPLE.replace("BDAY:1990-03-14", "BDAY:1990-03-16")
               .replace("Rua Augusta 12", "Rua Oscar Freire 5").replace("CATEGORIES:family,letters", "CATEGORIES:family"))
    report = book.sync()
    ana = book.friends()["Ana Souza"]
    assert report.friends_updated == ["Ana Souza"] and not report.cards_updated
    assert ana.birthday == PartialDate(3, 16, 1990) and ana.addresses[0].lines == ("Rua Oscar Freire 5",)
    assert ana.tags == ("family",)


def test_different_fields_changed_on_each_side_merge(book):
    book.write("ana.vcf", APPLE)
    book.sync()
    book.update(book.friends()["Ana Souza"]._replace(birthday=PartialDate(3, 20, 1990), tags=("family", "letters", "uni")))
    book.write("ana.vcf", APPLE.replace("NICKNAME:Aninha", "NICKNAME:Nina").replace("CATEGORIES:family,letters", "CATEGORIES:letters"))
    report = book.sync()
    ana = book.friends()["Ana Souza"]
    assert not report.conflicts
    assert ana.nickname == "Nina" and ana.birthday == PartialDate(3, 20, 1990) and ana.tags == ("letters", "uni")
    text = book.text("ana.vcf")
    assert "NICKNAME:Nina" in text and "BDAY:1990-03-20" in text and "CATEGORIES:letters,uni" in text
    assert not book.sync().changed


def test_the_same_field_changed_on_both_sides_is_a_conflict_until_a_side_is_chosen(book):
    book.write("ana.vcf", APPLE)
    book.sync()
    book.update(book.friends()["Ana Souza"]._replace(birthday=PartialDate(3, 20, 1990)))
    edited = APPLE.replace("BDAY:1990-03-14", "BDAY:1990-03-21")
    book.write("ana.vcf", edited)
    report = book.sync()
    assert [(name, c.field, c.ritual_value, c.card_value) for name, c in report.conflicts] == \
        [("Ana Souza", "birthday", "1990-03-20", "1990-03-21")]
    # Nothing was overwritten on either side, and the conflict stays on the next sync.
    assert book.text("ana.vcf") == edited and book.friends()["Ana Souza"].birthday == PartialDate(3, 20, 1990)
    assert book.sync().conflicts and VdirState(book.db).conflicts()
    options = ContactSyncSettings((book.folder,), False)
    resolve_conflicts(book.db, options, NOW, VdirState(book.db).conflicts(), "card")
    assert book.friends()["Ana Souza"].birthday == PartialDate(3, 21, 1990) and not VdirState(book.db).conflicts()
    book.update(book.friends()["Ana Souza"]._replace(birthday=PartialDate(3, 22, 1990)))
    book.write("ana.vcf", edited.replace("1990-03-21", "1990-03-23"))
    book.sync()
    resolve_conflicts(book.db, options, NOW, VdirState(book.db).conflicts(), "ritual")
    assert "BDAY:1990-03-22" in book.text("ana.vcf") and not book.sync().changed


def test_new_and_removed_on_either_side_reach_the_other(book):
    book.add(Friend("Ben Lima", addresses=(Address(("Hauptstr. 1",), "Berlin", "", "10115", "DE"),)))
    book.write("cleo.vcf", card("UID:cleo-1", "FN:Cleo Park"))
    book.sync()
    ben_card = book.href_of("Ben Lima")
    assert "ADR;TYPE=home" not in book.text(ben_card) and "Berlin;;10115;Germany" in book.text(ben_card)
    (book.folder / "cleo.vcf").unlink()
    report = book.sync()
    assert report.friends_removed == ["Cleo Park"] and "Cleo Park" not in book.friends()
    from ritual.store.friends import FriendRepository

    FriendRepository(book.db).delete(book.friends()["Ben Lima"].id)
    report = book.sync()
    assert report.cards_removed == ["Ben Lima"] and book.files() == {}


def test_removing_more_than_a_tenth_at_once_is_refused_without_force(book):
    for number in range(20):
        book.write(f"c{number}.vcf", card(f"UID:c{number}", f"FN:Person {number:02d}"))
    book.sync()
    for number in range(5):
        (book.folder / f"c{number}.vcf").unlink()
    with pytest.raises(TooManyRemovals, match="remove 5 of 20 contacts"):
        book.sync()
    assert len(book.friends()) == 20
    assert len(book.sync(force=True).friends_removed) == 5 and len(book.friends()) == 15
    (book.folder / "c5.vcf").unlink()  # one at a time is always fine
    assert book.sync().friends_removed == ["Person 05"]


def test_bad_cards_are_reported_with_file_and_line_and_the_rest_syncs(book):
    book.write("good.vcf", card("UID:g", "FN:Good One"))
    book.write("linked.vcf", card("UID:l", "FN:Linked Later"))
    book.sync()
    book.write("broken.vcf", "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:No End\r\n")
    book.write("two.vcf", card("UID:t1", "FN:One") + card("UID:t2", "FN:Two"))
    book.write("linked.vcf", "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:l\r\n")  # now unreadable: not a removal
    book.write("new.vcf", card("UID:n", "FN:New Friend"))
    report = book.sync()
    skipped = {(os.path.basename(n.file), n.line) for n in report.skipped}
    assert skipped == {("broken.vcf", 1), ("two.vcf", 6), ("linked.vcf", 1)}
    assert report.friends_created == ["New Friend"] and "Linked Later" in book.friends()
    assert not report.friends_removed and not report.cards_removed


def test_a_change_is_found_by_content_even_when_the_mtime_stays(book):
    path = book.write("ana.vcf", APPLE)
    book.sync()
    stamp = path.stat()
    path.write_bytes(APPLE.replace("NICKNAME:Aninha", "NICKNAME:Nani").encode())
    os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    book.sync()
    assert book.friends()["Ana Souza"].nickname == "Nani"


def test_writes_leave_no_temporary_files_and_never_two_cards_with_one_uid(book):
    book.add(Friend("Ben Lima"), Friend("Cleo Park"))
    book.write("again.vcf", card("UID:shared", "FN:Third Person"))
    book.write("other.vcf", card("UID:shared", "FN:Someone Else", "BDAY:1970-01-01"))
    report = book.sync()
    assert [os.path.basename(n.file) for n in report.skipped] == ["other.vcf"]
    assert "Someone Else" not in book.friends()
    assert sorted(os.listdir(book.folder)) == sorted(book.files())  # nothing hidden left behind
    linked = [s.uid for s in VdirState(book.db).cards(str(book.folder)).values()]
    assert len(linked) == len(set(linked)) == 3


def test_a_dry_run_writes_nothing_anywhere(book):
    from ritual.services.backup.write import canonical_dump

    book.add(Friend("Ben Lima"))
    book.write("ana.vcf", APPLE)
    before_db, before_files = canonical_dump(book.db), book.files()
    report = book.sync(dry_run=True)
    assert report.friends_created == ["Ana Souza"] and report.cards_created == ["Ben Lima"]
    assert canonical_dump(book.db) == before_db and book.files() == before_files


def test_a_renamed_card_file_stays_linked(book):
    book.write("ana.vcf", APPLE)
    book.sync()
    os.rename(book.folder / "ana.vcf", book.folder / "renamed.vcf")
    report = book.sync()
    assert not report.friends_removed and not report.friends_created and book.href_of("Ana Souza") == "renamed.vcf"


def test_notes_travel_only_when_opted_in(tmp_path):
    private = open_book(tmp_path / "a")
    private.add(Friend("Ana Souza", notes="Allergic to lilies"))
    private.sync()
    assert "NOTE" not in next(iter(private.files().values())).decode()
    shared = open_book(tmp_path / "b", notes=True)
    shared.write("ana.vcf", card("UID:a", "FN:Ana Souza", "NOTE:Met in Lisbon"))
    shared.sync()
    shared.update(shared.friends()["Ana Souza"]._replace(notes="Met in Lisbon, 2019"))
    shared.sync()
    assert "NOTE:Met in Lisbon\\, 2019" in shared.text("ana.vcf")


def test_a_4_0_card_stays_4_0_and_a_2_1_card_keeps_its_quoted_printable_lines(book):
    four = card("UID:f", "FN:Four Card", "N:Card;Four;;;", "ANNIVERSARY:20100501", "BDAY:--0229", version="4.0")
    old = card("UID:o", "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=BCrgen;;;",
               "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3=BCrgen M=C3=BCller",
               "NOTE;ENCODING=QUOTED-PRINTABLE:line one=0D=0A=", "line two", "TEL;CELL:+49 30 1234", version="2.1")
    book.write("four.vcf", four)
    book.write("old.vcf", old)
    book.sync()
    friends = book.friends()
    assert friends["Four Card"].birthday == PartialDate(2, 29) and "Jürgen Müller" in friends
    book.update(friends["Four Card"]._replace(birthday=PartialDate(2, 28), occasions=()))
    book.update(book.friends()["Jürgen Müller"]._replace(nickname="Jürgi"))
    book.sync()
    text = book.text("four.vcf")
    assert "VERSION:4.0" in text and "BDAY:--0228" in text and "ANNIVERSARY" not in text
    written = book.text("old.vcf")
    assert written.startswith(old[: old.index("END:VCARD")]) and "NICKNAME;CHARSET=UTF-8:Jürgi\r\nEND:VCARD" in written
    assert not book.sync().changed


def test_with_two_folders_cards_link_first_and_only_the_first_folder_receives_new_friends(tmp_path):
    from ritual.services.contacts.vdir_run import sync_all

    book = open_book(tmp_path)
    work = tmp_path / "work"
    work.mkdir()
    (work / "dee.vcf").write_bytes(card("UID:dee", "FN:Dee Work", "BDAY:1980-02-02").encode())
    book.add(Friend("Dee Work", birthday=PartialDate(2, 2, 1980)), Friend("Ben Lima"))
    reports = sync_all(book.db, ContactSyncSettings((book.folder, work), False), NOW)
    assert [r.folder for r in reports] == [str(book.folder), str(work)]
    assert reports[0].cards_created == ["Ben Lima"] and not reports[1].cards_created
    assert sorted(book.friends()) == ["Ben Lima", "Dee Work"] and len(list(work.iterdir())) == 1
    book.db.close()


def test_removing_many_friends_in_ritual_is_refused_too(book):
    from ritual.store.friends import FriendRepository

    for number in range(10):
        book.write(f"c{number}.vcf", card(f"UID:c{number}", f"FN:Person {number}"))
    book.sync()
    for name in ("Person 1", "Person 2"):
        FriendRepository(book.db).delete(book.friends()[name].id)
    with pytest.raises(TooManyRemovals, match="0 cards gone from the folder, 2 friends removed in ritual"):
        book.sync()
    assert len(book.files()) == 10


def test_a_card_changed_by_another_program_after_it_was_read_is_never_overwritten(book):
    from ritual.services.contacts.vdir_files import ChangedMeanwhile, content_hash, remove_card, write_card

    path = book.write("ana.vcf", APPLE)
    read = content_hash(path.read_bytes())
    path.write_bytes(APPLE.replace("Aninha", "Nina").encode())  # khard saved in between
    with pytest.raises(ChangedMeanwhile):
        write_card(book.folder, "ana.vcf", b"ritual's version", read)
    with pytest.raises(ChangedMeanwhile):
        remove_card(book.folder, "ana.vcf", read)
    with pytest.raises(ChangedMeanwhile):
        write_card(book.folder, "ana.vcf", b"a new card", None)
    assert "NICKNAME:Nina" in book.text("ana.vcf") and sorted(os.listdir(book.folder)) == ["ana.vcf"]


def test_one_folder_reached_through_a_symlink_is_still_one_address_book(book, tmp_path):
    book.write("ana.vcf", APPLE)
    book.sync()
    link = tmp_path / "link-to-contacts"
    link.symlink_to(book.folder)
    from ritual.services.contacts.vdir_sync import sync_folder

    report = sync_folder(book.db, link, ContactSyncSettings((link,), False), NOW)
    assert not report.changed and report.unchanged == 1 and len(book.friends()) == 1
