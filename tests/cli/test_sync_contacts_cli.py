"""`ritual sync contacts`, `ritual sync conflicts` and the contacts settings, through the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

from tests.services.vdir_books import card

ANA = card("UID:ana-1", "FN:Ana Souza", "N:Souza;Ana;;;", "TEL:+55 11 9", "BDAY:1990-03-14")


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "contacts"
    folder.mkdir()
    (folder / "ana.vcf").write_bytes(ANA.encode())
    return folder


def _configure(ritual, text: str) -> None:
    config = ritual.home / "config" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(text, encoding="utf-8")


def test_sync_a_folder_given_on_the_command_line_with_json(ritual, tmp_path):
    folder = _folder(tmp_path)
    ritual.ok("friend", "add", "Ben Lima", "--birthday", "07-01")
    dry = json.loads(ritual.ok("sync", "contacts", str(folder), "--dry-run", "--json"))
    assert dry[0]["dry_run"] and dry[0]["friends_created"] == ["Ana Souza"] and len(list(folder.iterdir())) == 1
    (done,) = json.loads(ritual.ok("sync", "contacts", str(folder), "--json"))
    assert done["friends_created"] == ["Ana Souza"] and done["cards_created"] == ["Ben Lima"]
    assert "Nothing changed (2 cards in step)." in ritual.ok("sync", "contacts", str(folder))


def test_the_settings_name_the_folders_and_catch_up_syncs_them(ritual, tmp_path):
    folder = _folder(tmp_path)
    _configure(ritual, f'contacts_vdir = "{folder}"\n')
    result = ritual("remind", "--catch-up")
    assert result.exit_code == 0, result.output
    assert "Ana Souza" in [f["name"] for f in ritual.json("friend", "list")]


def test_a_conflict_is_listed_with_both_values_and_settled_by_choosing_a_side(ritual, tmp_path):
    folder = _folder(tmp_path)
    _configure(ritual, f'contacts_vdir = ["{folder}"]\n')
    ritual.ok("sync", "contacts")
    ritual.ok("friend", "edit", "Ana", "--birthday", "1990-03-20")
    (folder / "ana.vcf").write_bytes(ANA.replace("BDAY:1990-03-14", "BDAY:1990-03-21").encode())
    result = ritual("sync", "contacts")
    assert result.exit_code == 1 and "Ana Souza's birthday changed on both sides" in result.stdout
    listed = ritual.ok("sync", "conflicts")
    assert "in ritual:           1990-03-20" in listed and "in the address book: 1990-03-21" in listed
    assert ritual.json("sync", "conflicts")[0]["card"] == "1990-03-21"
    ritual.ok("sync", "conflicts", "Ana", "--field", "birthday", "--keep", "card")
    assert ritual.json("friend", "list")[0]["birthday"] == "1990-03-21"
    assert "No conflicts" in ritual.ok("sync", "conflicts")


def test_mistakes_are_clear_messages_with_the_right_exit_codes(ritual, tmp_path):
    result = ritual("sync", "contacts")
    assert result.exit_code == 2 and "no contacts folder to sync" in result.stderr
    result = ritual("sync", "contacts", str(tmp_path / "not-there"))
    assert result.exit_code == 1 and "the contacts folder does not exist" in result.stderr
    _configure(ritual, 'contacts_vdir = "relative/folder"\n')
    result = ritual("sync", "contacts")
    assert result.exit_code == 2 and "contacts_vdir has 'relative/folder'; give a full path" in result.stderr
    _configure(ritual, "")
    result = ritual("sync", "conflicts", "--field", "shoe size")
    assert result.exit_code == 2 and "--field: 'shoe size' must be one of" in result.stderr


def test_a_refused_mass_removal_exits_1_and_changes_nothing(ritual, tmp_path):
    folder = tmp_path / "contacts"
    folder.mkdir()
    for number in range(10):
        (folder / f"c{number}.vcf").write_bytes(card(f"UID:c{number}", f"FN:Person {number}").encode())
    ritual.ok("sync", "contacts", str(folder))
    for number in range(3):
        (folder / f"c{number}.vcf").unlink()
    result = ritual("sync", "contacts", str(folder))
    assert result.exit_code == 1 and "would remove 3 of 10 contacts" in result.stderr and "--force" in result.stderr
    assert len(ritual.json("friend", "list")) == 10
    ritual.ok("sync", "contacts", str(folder), "--force")
    assert len(ritual.json("friend", "list")) == 7


def test_names_from_cards_never_print_control_characters(ritual, tmp_path):
    folder = tmp_path / "contacts"
    folder.mkdir()
    (folder / "x.vcf").write_bytes(card("UID:x", "FN:Eve\x1b[31m Red").encode())
    out = ritual.ok("sync", "contacts", str(folder))
    assert "\x1b" not in out and "Eve" in out
