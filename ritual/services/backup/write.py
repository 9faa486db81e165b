"""A lossless backup: every table of the database and the user's settings files in one JSON document.

Tables are read generically from the schema, so tables added by later features are included unchanged.
"""

from __future__ import annotations

import base64
import json
import re
from datetime import datetime
from pathlib import Path

from ritual import __version__
from ritual.errors import RitualError
from ritual.paths import Paths
from ritual.private_files import write_private_text
from ritual.store.database import Database
from ritual.store.tables import ordered_rows, schema_version, table_columns, table_names

FORMAT = "ritual-backup"
FORMAT_VERSION = 1
_BLOB = "$base64"
_C1 = re.compile("[\x7f-\x9f]")


def canonical_dump(db: Database) -> dict[str, dict]:
    """Every table's columns and rows in a fixed order: equal dumps mean equal databases."""
    dump = {}
    for table in table_names(db):
        columns = table_columns(db, table)
        rows = ordered_rows(db, table, len(columns))
        dump[table] = {"columns": columns, "rows": [[_to_json(v) for v in row] for row in rows]}
    return dump


def backup_document(db: Database, paths: Paths, now: datetime) -> dict:
    """The whole backup as a JSON-ready dict."""
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "ritual_version": __version__,
        "schema_version": schema_version(db),
        "created": now.isoformat(timespec="seconds"),
        "tables": canonical_dump(db),
        "settings": _settings_files(paths.config_dir),
    }


def write_backup(db: Database, paths: Paths, out: Path | None, now: datetime) -> Path:
    """Write the backup (owner-only, atomically) to `out` or a dated file in the backups folder."""
    target = out or paths.backups_dir / f"ritual-backup-{now.strftime('%Y%m%dT%H%M%S')}.json"
    text = json.dumps(backup_document(db, paths, now), ensure_ascii=False, indent=1, sort_keys=True)
    # JSON escapes C0 itself; C1 controls can only sit inside strings, so escaping them too keeps it exact.
    text = _C1.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return write_private_text(target, text + "\n")


def read_backup(file: Path) -> dict:
    """A backup document, checked to be one ritual can read."""
    try:
        document = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise RitualError(f"{file}: is not a readable ritual backup ({exc})") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise RitualError(f"{file}: is not a ritual backup (no \"format\": \"{FORMAT}\")")
    if document.get("format_version") != FORMAT_VERSION:
        raise RitualError(f"{file}: backup format {document.get('format_version')!r} is not one this ritual reads")
    return document


def _settings_files(config_dir: Path) -> dict[str, str]:
    if not config_dir.is_dir():
        return {}
    return {
        path.relative_to(config_dir).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(config_dir.rglob("*"))
        if path.is_file()
    }


def _to_json(value: object) -> object:
    if isinstance(value, bytes):
        return {_BLOB: base64.b64encode(value).decode("ascii")}
    return value


def from_json(value: object) -> object:
    """A cell value from the backup back to what SQLite stored."""
    if isinstance(value, dict) and set(value) == {_BLOB}:
        return base64.b64decode(value[_BLOB])
    return value
