"""Restoring a backup into an empty home: same rows, same ids, same settings files, all or nothing.

Every value is checked first (see `validate`). The rows and the settings files to write commit in one
transaction; the files are written after it, and a restore killed in between is finished by the next
command that opens the database (`pending.finish_restore`), so a home is either as it was or fully restored.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from ritual.errors import RitualError, SettingsError
from ritual.paths import Paths
from ritual.services.backup.schema_check import check_backup_document
from ritual.services.backup.validate import BadBackup, check_document
from ritual.services.backup.pending import finish_restore
from ritual.services.backup.write import from_json, read_backup
from ritual.store.database import Database
from ritual.store.meta import keep_pending_settings
from ritual.store.tables import defer_links, has_rows, insert_rows, schema_version, table_columns, table_names


class HomeNotEmpty(RitualError):
    """Restoring would mix a backup with data already here."""

    exit_code = 1


def restore_backup(db: Database, paths: Paths, file: Path) -> dict[str, int]:
    """Load the backup in one transaction; returns the rows restored per table."""
    document = read_backup(file)
    check_backup_document(document, file)
    _check_schema(db, document, file)
    check_document(document, file)
    settings = {_inside(paths.config_dir, name, file): text for name, text in document.get("settings", {}).items()}
    _check_settings(paths, document.get("settings", {}), file)
    tables = document["tables"]
    unknown = sorted(set(tables) - set(table_names(db)))
    if unknown:
        raise RitualError(f"{file}: holds tables this ritual does not have: {', '.join(unknown)}")
    _check_empty(db, settings)
    counts: dict[str, int] = {}
    with db.transaction() as conn:
        # Rows of related tables arrive in name order; check the links once, at commit.
        defer_links(conn)
        for name in sorted(tables):
            counts[name] = _insert(conn, name, tables[name], file)
        keep_pending_settings(conn, {str(target): text for target, text in settings.items()})
    finish_restore(db)
    return counts


def _insert(conn, table: str, data: dict, file: Path) -> int:
    columns, rows = data["columns"], data["rows"]
    existing = set(table_columns(conn, table))
    missing = [c for c in columns if c not in existing]
    if missing:
        raise RitualError(f"{file}: table {table} has columns this ritual does not know: {', '.join(missing)}")
    if not rows:
        return 0
    insert_rows(conn, table, columns, ([from_json(v) for v in row] for row in rows))
    return len(rows)


def _check_schema(db: Database, document: dict, file: Path) -> None:
    ours = schema_version(db)
    theirs = document.get("schema_version")
    if not isinstance(theirs, int) or isinstance(theirs, bool) or theirs < 1:
        raise BadBackup(f"{file}: schema_version: {theirs!r} must be a whole number; nothing was restored")
    if theirs > ours:
        raise BadBackup(f"{file}: schema_version: {theirs} was written by a newer ritual (this one knows {ours}); "
                        "nothing was restored")


def _check_settings(paths: Paths, files: dict[str, str], file: Path) -> None:
    # The settings are read by the same loader every command uses, from a scratch folder, before anything is written.
    from ritual.settings.load import load_settings

    with tempfile.TemporaryDirectory(prefix="ritual-restore-") as scratch:
        root = Path(scratch)
        for name, text in files.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(text, encoding="utf-8")
        try:
            load_settings(Paths(root, paths.data_dir, paths.state_dir))
        except SettingsError as exc:
            raise BadBackup(f"{file}: settings: {exc.message.replace(scratch, '')}; nothing was restored") from None


def _check_empty(db: Database, settings: dict[Path, str]) -> None:
    for table in table_names(db):
        if has_rows(db, table):
            raise HomeNotEmpty(
                f"this home already holds data (table {table}); restore into an empty home, e.g. --home NEWDIR"
            )
    for target, text in settings.items():
        if target.exists() and target.read_text(encoding="utf-8") != text:
            raise HomeNotEmpty(f"{target}: already exists with other settings; restore into an empty home")


def _inside(config_dir: Path, relative: str, file: Path) -> Path:
    target = (config_dir / relative).resolve()
    if not target.is_relative_to(config_dir.resolve()):
        raise BadBackup(f"{file}: settings[{relative!r}]: points outside the config folder; nothing was restored")
    return target
