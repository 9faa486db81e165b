"""A tampered backup is refused with the JSON path of its bad value, and nothing of it is restored."""

from __future__ import annotations

import json

import pytest

from tests.conftest import RitualRunner


@pytest.fixture
def backup(ritual, tmp_path):
    ritual.ok("friend", "add", "Ana", "--birthday", "1990-03-14", "--keep-in-touch", "60", "--last-sent", "2026-09-01")
    ritual.ok("friend", "add", "Bea", "--birthday", "02-29")
    ritual.ok("letter", "add", "Ana", "--sent", "--date", "2026-10-01")
    (ritual.home / "config").mkdir(parents=True, exist_ok=True)
    (ritual.home / "config" / "config.toml").write_text('home_country = "DE"\n')
    ritual.ok("backup", "--out", str(tmp_path / "b.json"))
    return json.loads((tmp_path / "b.json").read_text())


def _set(document: dict, table: str, row: int, column: str, value) -> dict:
    data = document["tables"][table]
    data["rows"][row][data["columns"].index(column)] = value
    return document


def _restore(tmp_path, document) -> tuple[RitualRunner, object]:
    (tmp_path / "tampered.json").write_text(json.dumps(document))
    fresh = RitualRunner(tmp_path / "fresh")
    return fresh, fresh("restore", str(tmp_path / "tampered.json"))


def _refused(tmp_path, document, where: str) -> str:
    fresh, result = _restore(tmp_path, document)
    assert result.exit_code == 2, (result.output, result.stderr)
    assert f": {where}: " in result.stderr and "nothing was restored" in result.stderr
    assert "Traceback" not in result.output + result.stderr
    assert fresh.json("friend", "list") == [] and not (fresh.home / "config" / "config.toml").exists()
    return result.stderr


@pytest.mark.parametrize(("column", "value"), [
    ("birth_day", 31), ("birth_year", 0), ("birth_year", 99999), ("last_sent", "yesterday"),
    ("cadence_days", 10**12), ("cadence_days", 2**70), ("cadence_days", 0), ("birth_month", 13),
    ("name", ""), ("name", "Ana\x1b]0;x\x07"), ("nickname", ["a list"]), ("feb29", "sometimes"),
    ("created_at", "noon"), ("birthday_card", 7),
])
def test_a_bad_friend_value_is_refused_with_its_path(backup, tmp_path, column, value):
    document = _set(backup, "friends", 0, "birth_month", 2) if column == "birth_day" else backup
    _refused(tmp_path, _set(document, "friends", 0, column, value), f"tables.friends[0].{column}")


def test_feb_31_names_the_day(backup, tmp_path):
    document = _set(_set(backup, "friends", 0, "birth_month", 2), "friends", 0, "birth_day", 31)
    assert "31" in _refused(tmp_path, document, "tables.friends[0].birth_day")


def test_garbage_written_on_is_refused(backup, tmp_path):
    _refused(tmp_path, _set(backup, "letters", 0, "written_on", "the day after"), "tables.letters[0].written_on")


def test_a_letter_posted_before_it_was_written_is_refused(backup, tmp_path):
    _refused(tmp_path, _set(backup, "letters", 0, "posted_on", "2020-01-01"), "tables.letters[0].posted_on")


@pytest.mark.parametrize(("change", "where"), [
    (lambda d: d["tables"].__setitem__("friends", 5), "tables.friends"),
    (lambda d: d.pop("tables"), "tables"),
    (lambda d: d.__setitem__("tables", []), "tables"),
    (lambda d: d["settings"].__setitem__("config.toml", 5), "settings['config.toml']"),
    (lambda d: d["tables"]["friends"]["rows"].append([1]), "tables.friends[2]"),
    (lambda d: d["tables"]["friends"].__setitem__("columns", "name"), "tables.friends.columns"),
    (lambda d: d.__setitem__("schema_version", "6"), "schema_version"),
])
def test_a_damaged_document_is_refused_with_its_path(backup, tmp_path, change, where):
    change(backup)
    _refused(tmp_path, backup, where)


def test_settings_a_command_could_not_read_are_refused(backup, tmp_path):
    backup["settings"]["config.toml"] = "home_country = [\n"
    _refused(tmp_path, backup, "settings")


def test_a_sound_backup_still_restores_everything(backup, tmp_path):
    fresh, result = _restore(tmp_path, backup)
    assert result.exit_code == 0, result.stderr
    assert {f["name"] for f in fresh.json("friend", "list")} == {"Ana", "Bea"}
    assert (fresh.home / "config" / "config.toml").read_text() == 'home_country = "DE"\n'
