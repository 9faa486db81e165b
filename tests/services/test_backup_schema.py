"""The backup's published JSON Schema: real backups follow it, and restore refuses what does not, saying where."""

from __future__ import annotations

import copy
import json
from datetime import date, datetime, timezone

import pytest
from jsonschema import Draft202012Validator

from ritual.errors import RitualError
from ritual.paths import Paths, shipped_config_dir
from ritual.services.backup.restore import restore_backup
from ritual.services.backup.schema_check import backup_schema, check_backup_document
from ritual.services.backup.write import backup_document
from ritual.services.demo.build import demo_friends
from ritual.store.database import open_database
from ritual.store.friends import FriendRepository

NOW = datetime(2026, 11, 25, 9, 30, tzinfo=timezone.utc)


@pytest.fixture
def document(tmp_path):
    paths = Paths.under(tmp_path / "full")
    db = open_database(paths.database)
    FriendRepository(db).add_many(demo_friends(60, 5, date(2026, 11, 25)))
    with db.transaction() as conn:
        conn.execute("CREATE TABLE later_feature (id INTEGER PRIMARY KEY, data BLOB)")
        conn.execute("INSERT INTO later_feature VALUES (1, x'00ff')")
    paths.config_dir.mkdir(parents=True)
    paths.config_file.write_text('home_country = "DE"\n')
    found = backup_document(db, paths, NOW)
    db.close()
    return found


def test_the_schema_is_a_valid_draft_2020_12_schema_shipped_with_the_defaults():
    Draft202012Validator.check_schema(backup_schema())
    assert (shipped_config_dir() / "backup.schema.json").is_file()


def test_a_real_backup_with_a_later_table_and_a_blob_follows_it(document):
    assert Draft202012Validator(backup_schema()).is_valid(document)
    check_backup_document(document, "b.json")


def _broken(document: dict, change) -> dict:
    copied = copy.deepcopy(document)
    change(copied)
    return copied


def _friends_row(doc: dict, index: int) -> list:
    return doc["tables"]["friends"]["rows"][index]


@pytest.mark.parametrize(("change", "path", "problem"), [
    (lambda d: _friends_row(d, 3).__setitem__(1, ["Ana"]), "tables.friends[3].name", '["Ana"]'),
    (lambda d: _friends_row(d, 2).append("extra"), "tables.friends[2]", "values for"),
    (lambda d: d.pop("settings"), "settings", "is missing"),
    (lambda d: d["tables"]["friends"]["columns"].remove("name"), "tables.friends.columns", "name"),
    (lambda d: d["settings"].__setitem__("../../.bashrc", "x"), "settings", "../../.bashrc"),
    (lambda d: d["tables"]["later_feature"]["rows"][0].__setitem__(1, {"$base64": "not base64!"}),
     "tables.later_feature[0].data['$base64']", "not base64!"),
    (lambda d: d.__setitem__("schema_version", "7"), "schema_version", '"7" is not of type'),
    (lambda d: d["tables"].__setitem__("Robert'); DROP TABLE", {"columns": ["a"], "rows": []}), "tables", "DROP"),
])
def test_a_bad_value_is_named_by_its_path(document, change, path, problem):
    with pytest.raises(RitualError) as caught:
        check_backup_document(_broken(document, change), "b.json")
    assert caught.value.message.startswith(f"b.json: {path}: ") and problem in caught.value.message


def test_restore_checks_the_schema_first_and_restores_nothing(document, tmp_path):
    def change(doc):
        doc["tables"].pop("later_feature")
        _friends_row(doc, 0)[0] = {"id": 1}

    bad = _broken(document, change)
    file = tmp_path / "bad-backup.json"
    file.write_text(json.dumps(bad), encoding="utf-8")
    paths = Paths.under(tmp_path / "new")
    db = open_database(paths.database)
    with pytest.raises(RitualError, match=r"tables\.friends\[0\]\.id"):
        restore_backup(db, paths, file)
    assert FriendRepository(db).all() == [] and not paths.config_file.exists()
    db.close()


def test_the_cli_says_where_and_exits_2(ritual, tmp_path, document):
    file = tmp_path / "bad.json"
    file.write_text(json.dumps(_broken(document, lambda d: _friends_row(d, 1).__setitem__(1, True))), encoding="utf-8")
    result = ritual("restore", str(file))
    assert result.exit_code == 2 and "tables.friends[1].name: true" in result.stderr
    assert "Traceback" not in result.output


def test_the_check_after_each_test_reads_what_ritual_wrote(ritual, tmp_path):
    from tests.conftest import backups_follow_the_published_schema

    ritual.ok("friend", "add", "Ana Souza")
    out = tmp_path / "mine.json"
    ritual.ok("backup", "--out", str(out))
    document = json.loads(out.read_text(encoding="utf-8"))
    document["tables"]["friends"]["rows"][0][1] = ["not", "a", "cell"]
    out.write_text(json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    check = backups_follow_the_published_schema.__wrapped__(tmp_path)
    next(check)
    with pytest.raises(RitualError, match=r"friends\[0\]\.name"):
        next(check)
    out.unlink()
