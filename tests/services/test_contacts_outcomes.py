"""Each record of a contacts import has its own outcome: who, where, and what changed or why it was left."""

from __future__ import annotations


import pytest

from ritual.services.contacts.importer import import_contacts
from ritual.text.contacts_report import record_lines, summary_lines
from ritual.services.contacts.vcard_import import read_vcard_text
from ritual.store.database import open_database
from ritual.store.friends import FriendRepository


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "ritual.db")
    yield database
    database.close()


def cards(*cards: tuple[str, ...]) -> str:
    return "".join("\r\n".join(("BEGIN:VCARD", "VERSION:3.0", *lines, "END:VCARD", "")) for lines in cards)


def run(db, text: str, **options):
    return import_contacts(db, [("phone.vcf", read_vcard_text(text, "phone.vcf"))], "vcard", **options)


ANA = ("UID:a1", "FN:Ana Souza", "BDAY:1990-03-14", "NICKNAME:Aninha")
NAMELESS = ("EMAIL:x@example.org",)
BO = ("FN:Bo Berg", "ADR;TYPE=home:;;Main St 1;Malmö;;211 22;Sweden")


def outcomes(summary) -> list[tuple]:
    return [(o.status, o.name, o.where, o.detail) for o in summary.outcomes]


def test_a_first_import_gives_one_outcome_per_record_in_file_order(db):
    summary = run(db, cards(ANA, NAMELESS, BO))
    assert outcomes(summary) == [
        ("created", "Ana Souza", "phone.vcf:1", "birthday 14 March 1990"),
        ("skipped", "", "phone.vcf:8", "has no name (no FN, N, ORG or NICKNAME)"),
        ("created", "Bo Berg", "phone.vcf:12", "Malmö, SE"),
    ]
    assert (summary.created, summary.skipped_count) == (2, 1)


def test_a_reimport_says_what_changed_what_stayed_and_which_edits_were_kept(db):
    run(db, cards(ANA, BO))
    repo = FriendRepository(db)
    repo.update(repo.find("Ana Souza")._replace(nickname="Ani"))
    changed_ana = ("UID:a1", "FN:Ana Souza", "BDAY:1990-03-15", "NICKNAME:Aninha", "NOTE:moved to Porto")
    summary = run(db, cards(changed_ana, BO), tags=("phone",))
    assert outcomes(summary) == [
        ("updated", "Ana Souza", "phone.vcf:1", "birthday 15 March 1990; notes; circles + phone; kept your nickname"),
        ("updated", "Bo Berg", "phone.vcf:9", "circles + phone"),
    ]
    again = run(db, cards(changed_ana, BO), tags=("phone",))
    assert [o.detail for o in again.of("unchanged")] == ["kept your nickname (the file's differs)",
                                                         "the same as in ritual"]


def test_dry_runs_list_every_record_and_real_imports_only_when_asked(db):
    text = cards(ANA, NAMELESS, BO)
    dry = summary_lines(run(db, text, dry_run=True), files=1)
    assert dry[0] == "Dry run, nothing saved. From 1 file this would give: 2 created, 0 updated, 0 unchanged, 1 skipped."
    assert "  created   phone.vcf:1: Ana Souza — birthday 14 March 1990" in dry
    assert "  skipped   phone.vcf:8: has no name (no FN, N, ORG or NICKNAME)" in dry
    quiet = summary_lines(run(db, text), files=1)
    assert quiet[2:] == ["Skipped:", "  phone.vcf:8: has no name (no FN, N, ORG or NICKNAME)"]
    verbose = summary_lines(run(db, text), files=1, verbose=True)
    assert "  unchanged phone.vcf:1: Ana Souza — the same as in ritual" in verbose and "Skipped:" not in verbose


def test_long_dry_runs_stop_each_status_at_a_limit(db):
    many = cards(*[(f"FN:Person {n:03d}",) for n in range(30)])
    lines = record_lines(run(db, many, dry_run=True), limit=25)
    assert len(lines) == 26 and lines[-1] == "  … and 5 more created (--verbose lists every one)"
