"""`ritual import vcard|csv`, `export vcard`, `backup` and `restore` through the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

import vobject

DATA = Path(__file__).resolve().parents[1] / "data" / "contacts"
CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"


def test_import_vcard_summary_and_idempotence(ritual):
    out = ritual.ok("import", "vcard", str(DATA / "feb29.vcf"), str(DATA / "apple-omit-year.vcf"), "--tag", "phone")
    assert "Imported from 2 files: 4 created, 0 updated, 0 unchanged, 0 skipped." in out
    found = {f["name"]: f for f in ritual.json("friend", "list")}
    assert found["Chidi Okafor"]["birthday"] == "--02-29" and "phone" in found["Chidi Okafor"]["tags"]
    assert found["Jeanne Moreau"]["addresses"][0]["country"] == "FR"
    again = ritual.ok("import", "vcard", str(DATA))
    assert "0 created, 0 updated, 4 unchanged" in again


def test_dry_run_saves_nothing(ritual):
    out = ritual.ok("import", "vcard", "--dry-run", str(DATA / "feb29.vcf"))
    assert out.startswith("Dry run, nothing saved.") and "3 created" in out
    assert ritual.json("friend", "list") == []


def test_skips_are_listed_with_file_and_line(ritual, tmp_path):
    path = tmp_path / "two.vcf"
    path.write_text("BEGIN:VCARD\nVERSION:3.0\nEMAIL:x@y.z\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nFN:Ana\nEND:VCARD\n")
    out = ritual.ok("import", "vcard", str(path))
    assert "1 created, 0 updated, 0 unchanged, 1 skipped" in out
    assert f"{path}:1: has no name" in out


def test_verbose_and_dry_run_list_each_person(ritual):
    dry = ritual.ok("import", "csv", "--dry-run", str(DATA / "outlook.csv"))
    assert "outlook.csv:4: has no name" in dry and sum(line.startswith("  created ") for line in dry.splitlines()) == 3
    quiet = ritual.ok("import", "csv", str(DATA / "outlook.csv"))
    assert "  created " not in quiet
    again = ritual.ok("import", "csv", "--verbose", "--tag", "work", str(DATA / "outlook.csv"))
    updated = [line for line in again.splitlines() if line.startswith("  updated ")]
    assert len(updated) == 3 and all(line.endswith("— circles + work") for line in updated)


def test_a_file_that_is_not_a_vcard_is_refused_with_exit_2(ritual, tmp_path):
    path = tmp_path / "x.vcf"
    path.write_text("hello\n")
    result = ritual("import", "vcard", str(path))
    assert result.exit_code == 2 and "is not a vCard file" in result.stderr


def test_import_csv(ritual):
    out = ritual.ok("import", "csv", str(DATA / "outlook.csv"))
    assert "3 created, 0 updated, 0 unchanged, 1 skipped" in out and "outlook.csv:4: has no name" in out
    assert "2/30/1990" in out


def test_export_vcard_to_stdout_file_and_vdir(ritual, tmp_path):
    ritual.ok("import", "vcard", str(DATA / "feb29.vcf"))
    text = ritual.ok("export", "vcard", "--version", "4.0")
    cards = list(vobject.readComponents(text))
    assert len(cards) == 3 and {c.uid.value for c in cards} >= {"5E1A0C55-3F0B-4A43-9E55-2C1B5B0A8E01"}
    assert "Wrote 3 friends" in ritual.ok("export", "vcard", "--out", str(tmp_path / "vdir"))
    assert len(list((tmp_path / "vdir").glob("*.vcf"))) == 3


def test_backup_then_restore_into_an_empty_home(ritual, tmp_path):
    ritual.ok("demo", "--friends", "30")
    before = ritual.json("friend", "list")
    ritual.ok("backup", "--out", str(tmp_path / "b.json"))
    other = type(ritual)(tmp_path / "other")
    assert "Restored 30 friends" in other.ok("restore", str(tmp_path / "b.json"))
    assert other.json("friend", "list") == before
    again = other("restore", str(tmp_path / "b.json"))
    assert again.exit_code == 1 and "already holds data" in again.stderr
    assert json.loads((tmp_path / "b.json").read_text())["format_version"] == 1
