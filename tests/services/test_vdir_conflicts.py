"""After a conflict, an edit on one side is the user's answer and an edit on both is a new conflict, for every field."""

from __future__ import annotations

import pytest

from ritual.services.contacts.vdir_cards import read_card
from ritual.services.contacts.vdir_merge import synced_values, with_values
from ritual.services.contacts.vdir_run import resolve_conflicts
from ritual.settings.contacts import ContactSyncSettings
from ritual.store.vdir_state import VdirState
from tests.services.vdir_books import NOW, card, open_book

ANA = card("UID:ana-1", "FN:Ana Souza", "N:Souza;Ana;;;", "NICKNAME:Aninha", "BDAY:1990-03-14",
           "X-ANNIVERSARY:2015-06-20", "ADR;TYPE=HOME:;;Rua Augusta 12;Sao Paulo;SP;01305-000;Brazil",
           "NOTE:met in Porto", "TEL:+1 555")


def _address(street: str) -> list[dict]:
    """Ana's one address, on another street, in the form the sync compares."""
    return [{"label": "home", "lines": [street], "city": "Sao Paulo", "region": "SP", "postal_code": "01305-000",
             "country": "BR"}]


# Per field: a value set in ritual before the conflict, ritual's side of the conflict, and the card's side of it
# as the property line that replaces the old one (the first line of the card that starts with `owner`).
FIELDS = {
    "name": ("Ana Lima", "Ana Reis", ("FN:", "FN:Ana Costa\r\nN:Costa;Ana;;;", "N:")),
    "nickname": ("Nina", "Aninhas", ("NICKNAME:", "NICKNAME:Nani")),
    "birthday": ("--02-01", "--01-01", ("BDAY", "BDAY:--01-02")),
    "anniversary": ("2016-07-01", "2017-08-02", ("X-ANNIVERSARY:", "X-ANNIVERSARY:2018-09-03")),
    "addresses": (_address("Rua Lima 1"), _address("Rua Reis 2"),
                  ("ADR;", "ADR;TYPE=HOME:;;Rua Costa 3;Sao Paulo;SP;01305-000;Brazil")),
    "notes": ("met in Lisbon", "met in Faro", ("NOTE:", "NOTE:met in Braga")),
}


@pytest.fixture
def book(tmp_path):
    opened = open_book(tmp_path, notes=True)
    opened.write("ana.vcf", ANA)
    opened.sync()
    yield opened
    opened.db.close()


def _edit_in_ritual(book, field: str, value: object) -> None:
    """Set one field of Ana's in ritual, as the app's edit form does."""
    book.update(with_values(next(iter(book.friends().values())), {field: value}))


def _edit_card(book, prefix: str, line: str, *also: str) -> None:
    """Replace the card's property starting with `prefix` (and drop those starting with `also`), as a phone would."""
    lines = book.text("ana.vcf").split("\r\n")
    at = next(i for i, ln in enumerate(lines) if ln.startswith(prefix))
    kept = [ln for i, ln in enumerate(lines) if i != at and not any(ln.startswith(a) for a in also)]
    book.write("ana.vcf", "\r\n".join(kept[:at] + [line] + kept[at:]))


def _sides(book, field: str) -> tuple[object, object]:
    """One field as ritual holds it and as the card file says it."""
    friend = next(iter(book.friends().values()))
    return synced_values(friend, True)[field], read_card((book.folder / "ana.vcf").read_bytes(), True).values[field]


def _conflict(book) -> list[tuple[str, object, object]]:
    """The standing conflicts: (field, ritual value, card value), as the user is shown them."""
    return [(c.field, c.ritual_value, c.card_value) for c in VdirState(book.db).conflicts()]


def _into_conflict(book, field: str) -> tuple[object, object, object]:
    """Agree on a value set in ritual, then edit the field on both sides; returns the three values."""
    agreed, ours, (prefix, line, *also) = FIELDS[field]
    _edit_in_ritual(book, field, agreed)
    book.sync()
    assert _sides(book, field) == (agreed, agreed)
    _edit_in_ritual(book, field, ours)
    _edit_card(book, prefix, line, *also)
    report = book.sync()
    theirs = _sides(book, field)[1]
    assert [c.field for _, c in report.conflicts] == [field] and _conflict(book) == [(field, ours, theirs)]
    return agreed, ours, theirs


@pytest.mark.parametrize("field", FIELDS)
def test_a_ritual_edit_back_to_the_old_agreed_value_after_a_conflict_is_the_answer(book, field):
    # The case that used to lose the edit: it matches the value agreed before the conflict, so it looked unchanged.
    agreed, _ours, _theirs = _into_conflict(book, field)
    _edit_in_ritual(book, field, agreed)
    report = book.sync()
    assert not report.conflicts and not VdirState(book.db).conflicts()
    assert _sides(book, field) == (agreed, agreed)
    assert "TEL:+1 555" in book.text("ana.vcf") and not book.sync().changed


def test_the_birthday_edit_after_a_conflict_reaches_the_card(book):
    # The property test's example, step by step: --02-01 synced, --01-01 here and --01-02 on the card, then --02-01.
    _into_conflict(book, "birthday")
    _edit_in_ritual(book, "birthday", "--02-01")
    book.sync()
    assert _sides(book, "birthday") == ("--02-01", "--02-01") and not VdirState(book.db).conflicts()


@pytest.mark.parametrize(("field", "answer"), [("name", "Ana Nova"), ("birthday", "--05-05"),
                                              ("addresses", _address("Rua Nova 4"))])
def test_a_new_value_set_in_ritual_after_a_conflict_is_the_answer_too(book, field, answer):
    _into_conflict(book, field)
    assert book.sync().conflicts  # nothing edited since: the conflict stands
    _edit_in_ritual(book, field, answer)
    report = book.sync()
    assert not report.conflicts and _sides(book, field) == (answer, answer) and not VdirState(book.db).conflicts()


def test_a_card_edit_after_a_conflict_is_the_answer_and_edits_on_both_sides_are_a_new_conflict(book):
    _into_conflict(book, "nickname")
    _edit_card(book, "NICKNAME:", "NICKNAME:Ana")
    book.sync()
    assert _sides(book, "nickname") == ("Ana", "Ana") and not VdirState(book.db).conflicts()
    _into_conflict(book, "birthday")
    _edit_in_ritual(book, "birthday", "--03-03")
    _edit_card(book, "BDAY", "BDAY:--04-04")
    report = book.sync()
    assert [c.field for _, c in report.conflicts] == ["birthday"]
    assert _conflict(book) == [("birthday", "--03-03", "--04-04")]
    assert _sides(book, "birthday") == ("--03-03", "--04-04")


def test_a_conflict_settled_by_the_user_still_moves_the_kept_side(book):
    _into_conflict(book, "nickname")
    options = ContactSyncSettings((book.folder,), True)
    resolve_conflicts(book.db, options, NOW, VdirState(book.db).conflicts(), "ritual")
    assert _sides(book, "nickname") == ("Aninhas", "Aninhas") and not VdirState(book.db).conflicts()


def test_a_renamed_card_keeps_its_conflict_so_the_answer_still_counts(book):
    agreed, _ours, _theirs = _into_conflict(book, "birthday")
    (book.folder / "ana.vcf").rename(book.folder / "moved.vcf")
    _edit_in_ritual(book, "birthday", agreed)
    book.sync()
    moved = read_card((book.folder / "moved.vcf").read_bytes(), True)
    assert moved.values["birthday"] == agreed and not VdirState(book.db).conflicts()


def test_a_card_removed_after_a_conflict_comes_back_when_ritual_answered_it(book):
    agreed, _ours, _theirs = _into_conflict(book, "birthday")
    _edit_in_ritual(book, "birthday", agreed)
    (book.folder / "ana.vcf").unlink()
    book.sync()
    friend = next(iter(book.friends().values()))
    assert friend.birthday.iso() == agreed
    assert [read_card(data, True).values["birthday"] for data in book.files().values()] == [agreed]


def test_a_card_removed_while_a_conflict_stands_comes_back_with_ritual_s_side(book):
    _agreed, ours, _theirs = _into_conflict(book, "nickname")
    (book.folder / "ana.vcf").unlink()
    report = book.sync()
    assert not report.friends_removed and next(iter(book.friends().values())).nickname == ours
    assert [read_card(data, True).values["nickname"] for data in book.files().values()] == [ours]


def test_notes_opted_in_later_travel_from_the_side_that_has_them_and_differing_ones_are_a_conflict(tmp_path):
    # The base of an earlier sync holds no notes: an empty side takes the other's, two different ones conflict.
    book = open_book(tmp_path)
    book.write("ana.vcf", card("UID:a", "FN:Ana Souza", "N:Souza;Ana;;;"))
    book.write("ben.vcf", card("UID:b", "FN:Ben Lima", "N:Lima;Ben;;;", "NOTE:from the phone"))
    book.write("cleo.vcf", card("UID:c", "FN:Cleo Park", "N:Park;Cleo;;;", "NOTE:met in Seoul"))
    book.sync()
    friends = book.friends()
    book.update(with_values(friends["Ana Souza"], {"notes": "writes back fast"}))
    book.update(with_values(friends["Ben Lima"], {"notes": ""}))
    book.update(with_values(friends["Cleo Park"], {"notes": "met in Busan"}))
    book.sync()
    book.notes = True
    report = book.sync()
    friends = book.friends()
    assert "NOTE:writes back fast" in book.text("ana.vcf") and friends["Ana Souza"].notes == "writes back fast"
    assert friends["Ben Lima"].notes == "from the phone" and "NOTE:from the phone" in book.text("ben.vcf")
    assert [(name, c.field, c.ritual_value, c.card_value) for name, c in report.conflicts] == \
        [("Cleo Park", "notes", "met in Busan", "met in Seoul")]
    assert friends["Cleo Park"].notes == "met in Busan" and "NOTE:met in Seoul" in book.text("cleo.vcf")
    book.db.close()
