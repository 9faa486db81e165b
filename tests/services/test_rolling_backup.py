"""Daily rolling backups: once a day, the newest N kept, other backups left alone, failures told but harmless."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from ritual.clock import Clock
from ritual.context import RitualContext
from ritual.core.dates import PartialDate
from ritual.core.model import Friend
from ritual.errors import SettingsError
from ritual.paths import Paths
from ritual.services.backup import rolling as rolling_backup
from ritual.services.backup.write import canonical_dump, read_backup
from ritual.services.backup.rolling import daily_backup, daily_file, prune, rolling_files
from ritual.store.database import open_database
from ritual.store.friends import FriendRepository

NOW = datetime(2026, 11, 25, 9, 30, tzinfo=timezone.utc)


@pytest.fixture
def home(tmp_path):
    """A home with one friend, and its open database."""
    paths = Paths.under(tmp_path / "home")
    db = open_database(paths.database, paths.backups_dir)
    FriendRepository(db).add(Friend(name="Ana Souza", birthday=PartialDate(3, 14, 1990)))
    yield paths, db
    db.close()


def test_the_first_opening_of_a_day_writes_a_restorable_backup_and_later_ones_nothing(home):
    paths, db = home
    written = daily_backup(db, paths, 7, NOW)
    assert written == daily_file(paths, "2026-11-25")
    assert read_backup(written)["tables"] == canonical_dump(db)
    assert oct(written.stat().st_mode & 0o777) == "0o600"
    FriendRepository(db).add(Friend(name="Ben Carter"))
    assert daily_backup(db, paths, 7, NOW + timedelta(hours=5)) is None
    assert "Ben Carter" not in written.read_text(encoding="utf-8")


def test_only_the_newest_are_kept_and_other_backups_are_never_touched(home):
    paths, db = home
    paths.backups_dir.mkdir(parents=True, exist_ok=True)
    manual = paths.backups_dir / "ritual-backup-20261101T100000.json"
    migration = paths.backups_dir / "ritual-schema3-20261101T100000.db"
    manual.write_text("{}")
    migration.write_bytes(b"")
    for offset in range(10):
        assert daily_backup(db, paths, 3, NOW + timedelta(days=offset)) is not None
    assert [p.name for p in rolling_files(paths.backups_dir)] == [
        "ritual-daily-2026-12-02.json", "ritual-daily-2026-12-03.json", "ritual-daily-2026-12-04.json"]
    assert manual.exists() and migration.exists()


def test_prune_keeps_everything_when_there_are_fewer_than_asked(tmp_path):
    (tmp_path / "ritual-daily-2026-01-01.json").write_text("{}")
    assert prune(tmp_path, 7) == [] and len(rolling_files(tmp_path)) == 1
    assert rolling_files(tmp_path / "absent") == []


def test_zero_turns_them_off_and_an_empty_home_has_nothing_to_keep(home, tmp_path):
    paths, db = home
    assert daily_backup(db, paths, 0, NOW) is None
    empty_paths = Paths.under(tmp_path / "empty")
    empty = open_database(empty_paths.database)
    try:
        assert daily_backup(empty, empty_paths, 7, NOW) is None
    finally:
        empty.close()
    assert rolling_files(paths.backups_dir) == [] and rolling_files(empty_paths.backups_dir) == []


def test_a_day_already_backed_up_costs_one_look_at_one_file(home, monkeypatch):
    paths, db = home
    daily_backup(db, paths, 7, NOW)
    monkeypatch.setattr("ritual.services.backup.write.write_backup", _never)
    monkeypatch.setattr(rolling_backup, "_has_friends", _never)
    assert daily_backup(db, paths, 7, NOW) is None


def _never(*_args):
    raise AssertionError("a second backup on the same day")


def test_opening_the_store_through_the_context_backs_up_once_a_day_with_the_setting(home):
    paths, _ = home
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    paths.config_file.write_text("backups_keep = 2\n")
    for day in (date(2026, 11, 25), date(2026, 11, 25), date(2026, 11, 26), date(2026, 11, 27)):
        context = RitualContext(paths, Clock(day))
        assert context.settings.backups_keep == 2
        assert FriendRepository(context.db).count() == 1
        context.close()
    assert [p.name for p in rolling_files(paths.backups_dir)] == [
        "ritual-daily-2026-11-26.json", "ritual-daily-2026-11-27.json"]


def test_a_bad_setting_names_the_file_and_the_key(home):
    paths, _ = home
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    paths.config_file.write_text("backups_keep = -1\n")
    with pytest.raises(SettingsError, match="backups_keep -1 must be a whole number of backups"):
        assert RitualContext(paths, Clock(date(2026, 11, 25))).settings is None


def test_a_backup_that_cannot_be_written_is_told_on_stderr_and_the_command_goes_on(home, capsys):
    paths, _ = home
    paths.backups_dir.write_text("a file where the backups folder should be")
    context = RitualContext(paths, Clock(date(2026, 11, 25)))
    assert FriendRepository(context.db).count() == 1
    context.close()
    assert "today's automatic backup could not be written" in capsys.readouterr().err
    assert paths.backups_dir.is_file()
