"""Backup and restore: a canonical dump of the database is identical before and after."""

from __future__ import annotations

import json
import stat
from datetime import date, datetime, timezone

import pytest

from ritual.errors import RitualError
from ritual.paths import Paths
from ritual.services.backup.write import canonical_dump, write_backup
from ritual.services.backup.restore import restore_backup
from ritual.services.contacts.importer import import_contacts
from ritual.services.demo.build import demo_friends
from ritual.services.contacts.vcard_import import read_vcard_text
from ritual.store.database import open_database
from ritual.store.friends import FriendRepository

NOW = datetime(2026, 11, 25, 9, 30, tzinfo=timezone.utc)


def open_home(root):
    paths = Paths.under(root)
    return paths, open_database(paths.database, paths.backups_dir)


@pytest.fixture
def filled(tmp_path):
    paths, db = open_home(tmp_path / "old")
    FriendRepository(db).add_many(demo_friends(120, 5, date(2026, 11, 25)))
    import_contacts(db, [("x.vcf", read_vcard_text("BEGIN:VCARD\nVERSION:3.0\nUID:u1\nFN:Bea\nEND:VCARD\n", "x"))],
                    "vcard")
    with db.transaction() as conn:
        # A table from a later feature, and a blob: the backup must carry both without knowing them.
        conn.execute("CREATE TABLE later_feature (id INTEGER PRIMARY KEY, data BLOB, note TEXT)")
        conn.execute("INSERT INTO later_feature VALUES (5, x'00ff10', 'kept')")
    paths.config_dir.mkdir(parents=True)
    paths.config_file.write_text('home_country = "DE"\n')
    yield paths, db
    db.close()


def test_round_trip_is_lossless_and_keeps_ids(filled, tmp_path):
    paths, db = filled
    before = canonical_dump(db)
    backup = write_backup(db, paths, tmp_path / "b.json", NOW)
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    new_paths, new_db = open_home(tmp_path / "new")
    with new_db.transaction() as conn:
        conn.execute("CREATE TABLE later_feature (id INTEGER PRIMARY KEY, data BLOB, note TEXT)")
    counts = restore_backup(new_db, new_paths, backup)
    assert counts["friends"] == 121 and counts["later_feature"] == 1
    assert canonical_dump(new_db) == before
    assert new_paths.config_file.read_text() == 'home_country = "DE"\n'
    new_db.close()


def test_backup_document_has_a_format_version_and_every_table(filled, tmp_path):
    paths, db = filled
    document = json.loads(write_backup(db, paths, tmp_path / "b.json", NOW).read_text())
    assert document["format"] == "ritual-backup" and document["format_version"] == 1
    assert {"friends", "addresses", "occasions", "friend_tags", "friend_sources", "later_feature"} <= set(
        document["tables"])
    assert document["settings"] == {"config.toml": 'home_country = "DE"\n'}


def test_default_location_is_the_backups_folder(filled):
    paths, db = filled
    written = write_backup(db, paths, None, NOW)
    assert written.parent == paths.backups_dir and written.name == "ritual-backup-20261125T093000.json"


def test_restore_refuses_a_home_with_data(filled, tmp_path):
    paths, db = filled
    backup = write_backup(db, paths, tmp_path / "b.json", NOW)
    with pytest.raises(RitualError, match="already holds data"):
        restore_backup(db, paths, backup)


def test_restore_refuses_what_is_not_a_backup(tmp_path):
    paths, db = open_home(tmp_path / "h")
    bogus = tmp_path / "x.json"
    bogus.write_text('{"hello": 1}')
    with pytest.raises(RitualError, match="is not a ritual backup"):
        restore_backup(db, paths, bogus)
    db.close()


def test_an_older_backup_is_migrated_on_restore_so_project_cards_keep_their_state(tmp_path):
    from ritual.store.cards import CardRepository
    from ritual.store.database import open_database_at_schema

    paths = Paths.under(tmp_path / "old")
    paths.data_dir.mkdir(parents=True)
    older = open_database_at_schema(paths.database, 6)  # before cards existed
    with older.transaction() as conn:
        conn.execute("INSERT INTO friends (id, name, created_at, updated_at) VALUES (4, 'Ana', '2026-11-01T10:00:00+00:00', '2026-11-01T10:00:00+00:00')")
        conn.execute("INSERT INTO projects (id, name, occasion, due, created_at) VALUES "
                     "(1, 'Holiday cards', 'holidays', '2026-12-10', '2026-11-01T10:00:00+00:00')")
        conn.execute("INSERT INTO project_members VALUES (1, 4, 'posted', '2026-11-20T10:00:00+00:00')")
    backup = write_backup(older, paths, tmp_path / "old.json", NOW)
    older.close()
    new_paths, new_db = open_home(tmp_path / "new")
    assert restore_backup(new_db, new_paths, backup)["cards"] == 1
    [card] = CardRepository(new_db).all()
    assert (card.friend_id, card.occasion, card.day, card.status, card.posted_on) == (
        4, "holidays", date(2026, 12, 10), "posted", date(2026, 11, 20))
    new_db.close()
