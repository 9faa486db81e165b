"""The first step of every restore: the backup document checked against its published JSON Schema.

The schema (`backup.schema.json`, shipped with the defaults) describes the shape; a problem is reported with
the path of the bad value (`tables.friends[3].name`). Ranges of the values are checked after this.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from ritual.errors import RitualError
from ritual.paths import shipped_config_dir

SCHEMA_FILE = "backup.schema.json"
_SHOWN = 80  # characters of a bad value quoted in the message
# The schema's cell rule: null, a number (never a boolean), text, or a blob object.
_PLAIN_CELLS = frozenset({type(None), str, int, float})
BLOB = "$base64"
_BASE64 = re.compile(r"[A-Za-z0-9+/]*={0,2}")


@lru_cache(maxsize=1)
def backup_schema() -> dict:
    """The published schema of the backup format."""
    return json.loads((shipped_config_dir() / SCHEMA_FILE).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _validator():
    """The schema's validator, built once."""
    from jsonschema import Draft202012Validator

    return Draft202012Validator(backup_schema())


def check_backup_document(document: object, file: Path | str) -> None:
    """Raise a RitualError naming the first bad value's path when the document does not follow the schema.

    A sound backup is checked fast: the schema sees the document without its rows, and every cell is checked
    here in bulk against the schema's one rule for cells. Anything found wrong is checked again by the schema
    on the whole document, so the message is the schema's own.
    """
    if _cells_sound(document) and _validator().is_valid(_without_rows(document)):
        _check_row_widths(document["tables"], file)
        return
    _refuse_by_schema(document, file)


def _refuse_by_schema(document: object, file: Path | str) -> None:
    from jsonschema.exceptions import best_match

    problem = best_match(_validator().iter_errors(document))
    if problem is not None:
        parts = list(problem.absolute_path)
        if problem.validator == "required" and isinstance(problem.instance, dict) and len(parts) < 3:
            # A missing key is named by its own path, not by the object that lacks it.
            missing = next(k for k in problem.validator_value if k not in problem.instance)
            where = json_path(_named(document, [*parts, missing]))
            raise RitualError(f"{file}: {where}: is missing; nothing was restored")
        where = json_path(_named(document, parts))
        raise RitualError(f"{file}: {where}: {_shown(problem.instance)} {_why(problem)}; nothing was restored")
    _check_row_widths(document["tables"], file)


def _tables_with_rows(document: object) -> list[tuple[str, list]]:
    """(name, rows) of each table whose rows are a list."""
    tables = document.get("tables") if isinstance(document, dict) else None
    if not isinstance(tables, dict):
        return []
    return [(name, table["rows"]) for name, table in tables.items()
            if isinstance(table, dict) and isinstance(table.get("rows"), list)]


def _without_rows(document: object) -> object:
    """The document with every list of rows emptied: its shape, for the schema."""
    if not isinstance(document, dict) or not isinstance(document.get("tables"), dict):
        return document
    tables = {name: ({**table, "rows": []} if isinstance(table, dict) and isinstance(table.get("rows"), list)
                     else table) for name, table in document["tables"].items()}
    return {**document, "tables": tables}


def _cells_sound(document: object) -> bool:
    """True when every row is a list and every cell is what the schema's cell rule allows."""
    for _, rows in _tables_with_rows(document):
        for row in rows:
            if not isinstance(row, list):
                return False
            for cell in row:
                if type(cell) not in _PLAIN_CELLS and not _is_blob(cell):
                    return False
    return True


def _is_blob(cell: object) -> bool:
    """A blob cell: exactly {"$base64": text of base64 characters}."""
    return (isinstance(cell, dict) and len(cell) == 1 and isinstance(cell.get(BLOB), str)
            and _BASE64.fullmatch(cell[BLOB]) is not None)


def json_path(parts: Iterable[str | int]) -> str:
    """`tables.friends[3]` or `settings['config.toml']` from the parts of a path into the document."""
    text = ""
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        elif not str(part).isidentifier():
            text += f"[{str(part)!r}]"  # a file name such as config.toml is one key, not two
        else:
            text += f".{part}" if text else str(part)
    return text or "the document"


def _named(document: object, parts: list) -> list:
    """`tables, friends, 0, nickname` for a cell `tables, friends, rows, 0, 2`, when its column is known."""
    if len(parts) >= 5 and parts[0] == "tables" and parts[2] == "rows" and isinstance(parts[4], int):
        try:
            column = document["tables"][parts[1]]["columns"][parts[4]]
        except (KeyError, IndexError, TypeError):
            return parts
        if isinstance(column, str):
            return ["tables", parts[1], parts[3], column, *parts[5:]]
    return parts


def _check_row_widths(tables: dict, file: Path | str) -> None:
    # The one rule a JSON Schema cannot say: every row has one cell per column.
    for name, table in tables.items():
        width = len(table["columns"])
        for index, row in enumerate(table["rows"]):
            if len(row) != width:
                where = json_path(["tables", name, index])
                raise RitualError(f"{file}: {where}: has {len(row)} values for {width} columns; nothing was restored")


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
