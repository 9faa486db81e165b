"""Restoring a backup into an empty home: same rows, same ids, same settings files."""

from __future__ import annotations

from pathlib import Path

from ritual.errors import RitualError
from ritual.paths import Paths
from ritual.services.backup.write import from_json, read_backup
from ritual.private_files import write_private_text
from ritual.store.database import Database
from ritual.store.tables import defer_links, has_rows, insert_rows, schema_version, table_columns, table_names


class HomeNotEmpty(RitualError):
    """Restoring would mix a backup with data already here."""

    exit_code = 1


def restore_backup(db: Database, paths: Paths, file: Path) -> dict[str, int]:
    """Load the backup in one transaction; returns the rows restored per table."""
    document = read_backup(file)
    _check_schema(db, document, file)
    settings = {_inside(paths.config_dir, name, file): text for name, text in document.get("settings", {}).items()}
    _check_empty(db, settings)
    tables = document.get("tables", {})
    known = set(table_names(db))
    unknown = sorted(set(tables) - known)
    if unknown:
        raise RitualError(f"{file}: holds tables this ritual does not have: {', '.join(unknown)}")
    counts: dict[str, int] = {}
    with db.transaction() as conn:
        # Rows of related tables arrive in name order; check the links once, at commit.
        defer_links(conn)
        for name in sorted(tables):
            counts[name] = _insert(conn, name, tables[name], file)
    for target, text in settings.items():
        write_private_text(target, text)
    return counts


def _insert(conn, table: str, data: dict, file: Path) -> int:
    columns, rows = data.get("columns", []), data.get("rows", [])
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
    if not isinstance(theirs, int) or theirs > ours:
        raise RitualError(f"{file}: was written by a newer ritual (schema {theirs}, this one knows {ours})")


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
        raise RitualError(f"{file}: settings file {relative!r} points outside the config folder")
    return target
