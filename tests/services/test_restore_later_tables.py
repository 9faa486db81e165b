"""The tables added after the first backup format are checked value by value too: what ritual writes into
them restores, and a tampered value is refused with its JSON path."""

from __future__ import annotations

import copy
import json
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from ritual.core.cards import Card
from ritual.core.model import Friend
from ritual.paths import Paths
from ritual.services.backup.restore import restore_backup
from ritual.services.backup.validate import BadBackup, check_document
from ritual.services.backup.write import backup_document
from ritual.store.calendar_revisions import CalendarRevisions, Revision
from ritual.store.cards import CardRepository
from ritual.store.database import open_database
from ritual.store.deliveries import DeliveryLog
from ritual.store.export_targets import ExportTargetLog
from ritual.store.friends import FriendRepository
from ritual.store.meta import Meta
from ritual.store.sources import SourceRecord, SourceStore
from ritual.store.vdir_state import CardState, Conflict, VdirState

NOW = datetime(2026, 11, 25, 9, 30, tzinfo=timezone.utc)
LATER_TABLES = ("cards", "vdir_cards", "vdir_conflicts", "calendar_revisions", "friend_sources",
                "reminder_deliveries", "export_targets", "meta")


def _fill(db) -> None:
    """One row in each later table, written by the code that writes it in real use."""
    ana = FriendRepository(db).add(Friend(name="Ana", notes="likes\nfigs"))
    CardRepository(db).save(Card(ana.id, "birthday", date(2026, 12, 1), written_on=date(2026, 11, 20),
                                 posted_on=date(2026, 11, 21)))
    vdir = VdirState(db)
    vdir.save(CardState("/home/ana/contacts", "ana.vcf", "uid-ana", ana.id, "9f2c", json.dumps({"name": "Ana"})), NOW)
    vdir.set_conflicts("/home/ana/contacts", "ana.vcf",
                       [Conflict("/home/ana/contacts", "ana.vcf", ana.id, "notes", "likes\nfigs", "likes dates")], NOW)
    CalendarRevisions(db).save([Revision("ritual-1-birthday@ritual", "ab12", 2, NOW)])
    with db.transaction() as conn:
        SourceStore(conn, db.clock).save(SourceRecord(ana.id, "vcard", "uid-ana", {"name": "Ana"}))
    deliveries = DeliveryLog(db, "host:1")
    deliveries.claim("write/1/birthday/2026-12-01", "write", ana.id, NOW, NOW, False)
    deliveries.mark_delivered("write/1/birthday/2026-12-01", "terminal", NOW)
    ExportTargetLog(db).succeeded("ics:/home/ana/ritual.ics", "f00d", NOW, True, 12)
    Meta(db).keep_first("first_used", "2026-11-25")


@pytest.fixture(scope="module")
def document(tmp_path_factory) -> dict:
    paths = Paths.under(tmp_path_factory.mktemp("later") / "home")
    db = open_database(paths.database)
    _fill(db)
    found = backup_document(db, paths, NOW)
    db.close()
    return found


def test_every_later_table_has_a_row_and_a_real_backup_passes(document, tmp_path):
    assert all(document["tables"][t]["rows"] for t in LATER_TABLES)
    check_document(document, Path("b.json"))
    (tmp_path / "b.json").write_text(json.dumps(document))
    paths = Paths.under(tmp_path / "fresh")
    db = open_database(paths.database)
    counts = restore_backup(db, paths, tmp_path / "b.json")
    assert all(counts.get(t) == 1 for t in LATER_TABLES if t != "meta"), counts


def _tampered(document: dict, table: str, column: str, value) -> dict:
    changed = copy.deepcopy(document)
    data = changed["tables"][table]
    data["rows"][0][data["columns"].index(column)] = value
    return changed


@pytest.mark.parametrize(("table", "column", "value"), [
    ("cards", "occasion_date", "2026-02-31"), ("cards", "ending", "lost"), ("cards", "written_on", None),
    ("cards", "occasion", "   "), ("cards", "note", "x\x1b[2J"), ("cards", "friend_id", 0),
    ("vdir_cards", "href", "a\x07.vcf"), ("vdir_cards", "synced_at", "soon"), ("vdir_cards", "base", 5),
    ("vdir_conflicts", "found_at", "yesterday"), ("vdir_conflicts", "card_value", "\x1b]52;c;eA==\x07"),
    ("calendar_revisions", "sequence", -1), ("calendar_revisions", "modified", "2026-13-01T00:00:00"),
    ("friend_sources", "imported", "[1, 2]"), ("friend_sources", "imported", "{not json"),
    ("friend_sources", "external_id", "uid\r\nX"),
    ("reminder_deliveries", "state", "maybe"), ("reminder_deliveries", "attempts", -3),
    ("reminder_deliveries", "due_at", "tomorrow"), ("reminder_deliveries", "late", 2),
    ("export_targets", "events", -1), ("export_targets", "refreshed_at", "then"),
    ("meta", "key", "a\x00b"), ("meta", "value", None),
])
def test_a_tampered_later_table_is_refused_with_its_path(document, table, column, value):
    with pytest.raises(BadBackup) as refused:
        check_document(_tampered(document, table, column, value), Path("b.json"))
    where = f"tables.{table}[0].{'posted_on' if (table, column) == ('cards', 'written_on') else column}"
    assert f"b.json: {where}: " in refused.value.message and "nothing was restored" in refused.value.message


def test_a_card_with_an_ending_but_no_day_is_refused(document):
    with pytest.raises(BadBackup, match=r"tables\.cards\[0\]\.ended_on: .*exactly when"):
        check_document(_tampered(document, "cards", "ending", "given"), Path("b.json"))
