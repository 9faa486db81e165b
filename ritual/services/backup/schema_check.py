"""The first step of every restore: the backup document checked against its published JSON Schema.

The schema (`backup.schema.json`, shipped with the defaults) describes the shape; a problem is reported with
the path of the bad value (`tables.friends.rows[3][1]`). Ranges of the values are checked after this.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from ritual.errors import RitualError
from ritual.paths import shipped_config_dir

SCHEMA_FILE = "backup.schema.json"
_SHOWN = 80  # characters of a bad value quoted in the message


@lru_cache(maxsize=1)
def backup_schema() -> dict:
    """The published schema of the backup format."""
    return json.loads((shipped_config_dir() / SCHEMA_FILE).read_text(encoding="utf-8"))


def check_backup_document(document: object, file: Path | str) -> None:
    """Raise a RitualError naming the first bad value's path when the document does not follow the schema."""
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import best_match

    problem = best_match(Draft202012Validator(backup_schema()).iter_errors(document))
    if problem is not None:
        raise RitualError(f"{file}: {json_path(problem.absolute_path)}: {_shown(problem.instance)} {_why(problem)}")
    _check_row_widths(document["tables"], file)


def json_path(parts: Iterable[str | int]) -> str:
    """`tables.friends.rows[3][1]` from the parts of a path into the document."""
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "the document"


def _check_row_widths(tables: dict, file: Path | str) -> None:
    # The one rule a JSON Schema cannot say: every row has one cell per column.
    for name, table in tables.items():
        width = len(table["columns"])
        for index, row in enumerate(table["rows"]):
            if len(row) != width:
                where = json_path(["tables", name, "rows", index])
                raise RitualError(f"{file}: {where}: has {len(row)} values for {width} columns")


def _why(problem) -> str:
    """The schema's complaint without repeating the value (jsonschema starts its messages with it)."""
    message = problem.message
    shown = repr(problem.instance)
    if message.startswith(shown):
        message = message[len(shown):].strip()
    return message if len(message) <= 200 else message[:200] + "…"


def _shown(value: object) -> str:
    text = json.dumps(value, ensure_ascii=True)
    return text if len(text) <= _SHOWN else text[:_SHOWN] + "…"
