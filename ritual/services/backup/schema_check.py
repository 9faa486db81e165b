"""The first step of every restore: the backup document checked against its published JSON Schema.

The schema (`backup.schema.json`, shipped with the defaults) describes the shape; a problem is reported with
the path of the bad value (`tables.friends[3].name`). Ranges of the values are checked after this.
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
        parts = list(problem.absolute_path)
        if problem.validator == "required" and isinstance(problem.instance, dict) and len(parts) < 3:
            # A missing key is named by its own path, not by the object that lacks it.
            missing = next(k for k in problem.validator_value if k not in problem.instance)
            where = json_path(_named(document, [*parts, missing]))
            raise RitualError(f"{file}: {where}: is missing; nothing was restored")
        where = json_path(_named(document, parts))
        raise RitualError(f"{file}: {where}: {_shown(problem.instance)} {_why(problem)}; nothing was restored")
    _check_row_widths(document["tables"], file)


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
