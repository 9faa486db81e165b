"""Every value of a backup checked before anything is restored, with the validators input uses.

A tampered or damaged backup is refused with the JSON path of the first bad value
(`tables.friends[3].birth_day`), so a restore never leaves a home that later commands cannot read.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from ritual.core.dates import PartialDate, parse_day
from ritual.core.fields import check_friend
from ritual.core.letters import Letter
from ritual.core.model import Friend, Occasion
from ritual.errors import InvalidValue, RitualError
from ritual.services.backup import later_tables
from ritual.services.backup.checks import (
    Check, any_value, cadence, sound_cells, clock_time, day, encodable, feb29, one_of, stamp, text, whole,
)
from ritual.store.rows import partial_date



class BadBackup(RitualError):
    """A backup holding a value ritual would not accept as input."""


def check_document(document: dict, file: Path) -> None:
    """Refuse the backup, naming the path of the first bad value, unless every table, row and value is sound."""
    tables = document.get("tables")
    if not isinstance(tables, dict):
        _refuse(file, "tables", "missing or not an object of tables" if tables is None else "must be an object")
    settings = document.get("settings", {})
    if not isinstance(settings, dict):
        _refuse(file, "settings", "must be an object of file names and their text")
    for name, content in settings.items():
        if not isinstance(content, str) or not encodable(content):
            _refuse(file, f"settings[{name!r}]", f"{_shown(content)} must be the text of a settings file")
    for table, data in tables.items():
        _check_table(table, data, file)


def _check_table(table: str, data: object, file: Path) -> None:
    where = f"tables.{table}"
    if not isinstance(data, dict):
        _refuse(file, where, "must be an object with columns and rows")
    columns, rows = data.get("columns"), data.get("rows")
    if not isinstance(columns, list) or not all(isinstance(c, str) for c in columns):
        _refuse(file, f"{where}.columns", "must be a list of column names")
    if not isinstance(rows, list):
        _refuse(file, f"{where}.rows", "must be a list of rows")
    for index, row in enumerate(rows):
        if not isinstance(row, list) or len(row) != len(columns):
            _refuse(file, f"{where}[{index}]", f"must be a list of {len(columns)} values, one per column")
    column_checks = COLUMNS.get(table, {})
    for position, column in enumerate(columns):
        _check_column(column_checks.get(column, any_value), column, [row[position] for row in rows], where, file)
    if table in ROWS:
        for index, row in enumerate(rows):
            _check_row(ROWS[table], dict(zip(columns, row)), f"{where}[{index}]", file)


def _check_column(check: Check, column: str, values: list, where: str, file: Path) -> None:
    """Every value of one column: in bulk when the check can, else each distinct value once."""
    many = getattr(check, "many", None)
    if sound_cells(values) and (check is any_value or (many is not None and many(values))):
        return
    seen: set = set()
    for index, value in enumerate(values):
        # Keyed by type too: True and 1 are equal, yet only one of them is a cell.
        key = (type(value), value) if type(value) in (str, int, float, type(None)) else None
        if key is not None and key in seen:
            continue
        seen.add(key)
        _check_value(check, value, f"{where}[{index}].{column}", file)


def _check_value(check: Check, value: object, where: str, file: Path) -> None:
    column = where.rsplit(".", 1)[-1]
    try:
        any_value(value, column)
        check(value, column)
    except InvalidValue as exc:
        _refuse(file, where, f"{_shown(value)} {exc.problem}")


def _check_row(check: Callable[[dict], None], values: dict, at: str, file: Path) -> None:
    try:
        check(values)
    except InvalidValue as exc:
        column = FIELD_COLUMNS.get(exc.field, exc.field)
        if column in ("birthday", "date"):
            column = _date_column(exc.problem, "birth_" if "birth_month" in values else "")
        _refuse(file, f"{at}.{column}", f"{_shown(values.get(column, exc.value))} {exc.problem}")
    except (TypeError, ValueError) as exc:
        _refuse(file, at, f"does not make a valid row ({exc})")


def _refuse(file: Path, where: str, problem: str) -> None:
    raise BadBackup(f"{file}: {where}: {problem}; nothing was restored")


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _date_column(problem: str, prefix: str) -> str:
    if "year" in problem:
        return f"{prefix}year"
    return f"{prefix}month" if "month" in problem else f"{prefix}day"


# Whole rows, through the same model classes input builds: a row that makes no Friend is no friend.

def _friend_row(row: dict) -> None:
    birthday = partial_date(row.get("birth_month"), row.get("birth_day"), row.get("birth_year"))
    if birthday is None and (row.get("birth_day") is not None or row.get("birth_year") is not None):
        raise InvalidValue("date", row.get("birth_day"), "gives a day or year but no month")
    check_friend(Friend(
        name=row.get("name", ""), nickname=row.get("nickname", ""), birthday=birthday, feb29=row.get("feb29"),
        relationship=row.get("relationship", ""), how_met=row.get("how_met", ""), notes=row.get("notes", ""),
        cadence_days=row.get("cadence_days"), last_sent=_date_or_none(row.get("last_sent")),
        last_received=_date_or_none(row.get("last_received")),
    ))


def _occasion_row(row: dict) -> None:
    Occasion(row.get("name", ""), PartialDate(row.get("month"), row.get("day"), row.get("year")),
             bool(row.get("yearly", 1)), bool(row.get("card", 1)))


def _letter_row(row: dict) -> None:
    sent = row.get("direction") == "sent"
    day = row.get("written_on") if sent else row.get("received_on")
    if day is None:
        raise InvalidValue("written_on" if sent else "received_on", None, "is needed for this letter")
    Letter(row.get("friend_id"), row.get("direction"), _date_or_none(day), row.get("status", ""),
           _date_or_none(row.get("posted_on")), _date_or_none(row.get("arrived_on")), row.get("occasion", ""),
           row.get("medium", "letter"), row.get("tone", ""), row.get("note", ""), row.get("scan", ""),
           quotes=_quote_list(row.get("quotes", "[]")), focus_minutes=row.get("focus_minutes"))


def _quote_list(text: object) -> tuple[str, ...]:
    """The phrases kept from a letter, stored as a JSON list of text."""
    try:
        quotes = json.loads(text) if isinstance(text, str) else None
    except ValueError:
        quotes = None
    if not isinstance(quotes, list) or not all(isinstance(q, str) for q in quotes):
        raise InvalidValue("quotes", text, "must be a JSON list of phrases")
    return tuple(quotes)


def _date_or_none(text: str | None):
    return parse_day(text) if text else None


_ID = whole(1)
_REF = whole(1)
COLUMNS: dict[str, dict[str, Check]] = {
    "friends": {
        "id": _ID, "name": text("name"), "nickname": text("nickname"), "birth_month": whole(1, True),
        "birth_day": whole(1, True), "birth_year": whole(None, True), "feb29": feb29,
        "birthday_card": one_of(0, 1), "relationship": text("relationship"), "how_met": text("how met"),
        "notes": text("notes"), "cadence_days": cadence, "last_sent": day(), "last_received": day(),
        "created_at": stamp(), "updated_at": stamp(),
    },
    "addresses": {
        "id": _ID, "friend_id": _REF, "position": whole(0), "label": text("address label"),
        "lines": text("address lines"), "city": text("city"), "region": text("region"),
        "postal_code": text("postal code"), "country": text("country"),
    },
    "friend_tags": {"friend_id": _REF, "tag": text("tag")},
    "occasions": {"id": _ID, "friend_id": _REF, "name": text("occasion name"), "month": whole(1),
                  "day": whole(1, True), "year": whole(None, True), "yearly": one_of(0, 1), "card": one_of(0, 1)},
    "letters": {
        "id": _ID, "friend_id": _REF, "written_on": day(), "posted_on": day(), "arrived_on": day(),
        "received_on": day(), "occasion": text("occasion"), "medium": text("medium"), "tone": text("tone"),
        "note": text("note"), "scan": text("scan"), "created_at": stamp(), "sitting": text("sitting"),
        "focus_minutes": whole(0, True),
    },
    "reflections": {
        "id": _ID, "friend_id": _REF, "sitting": text("sitting"), "prompt_id": text("prompt id"),
        "question": text("question"), "answer": text("answer"), "skipped": one_of(0, 1),
        "occasion": text("occasion"), "tone": text("tone"), "asked_at": stamp(), "heart": one_of(0, 1),
    },
    "reminder_mutes": {"friend_id": _REF, "muted_at": stamp()},
    "writing_session_days": {"id": _ID, "day": day(False), "kind": one_of("extra", "skip"),
                             "start": clock_time, "minutes": whole(1, True)},
    "writing_minutes": {"friend_id": _REF, "minutes": whole(1)},
    "supplies": {"kind": text("supply kind"), "count": whole(0), "updated_at": stamp()},
    "projects": {"id": _ID, "name": text("project name"), "occasion": text("occasion"), "due": day(),
                 "created_at": stamp()},
    "project_members": {"project_id": _REF, "friend_id": _REF, "updated_at": stamp()},
}
COLUMNS.update(later_tables.COLUMNS)
ROWS: dict[str, Callable[[dict], None]] = {
    "friends": _friend_row, "occasions": _occasion_row, "letters": _letter_row, **later_tables.ROWS,
}
# Input's field names (as messages use them) back to the backup's column names.
FIELD_COLUMNS = {
    "keep-in-touch": "cadence_days", "last sent": "last_sent", "last received": "last_received",
    "how met": "how_met", "occasion name": "name", "posted": "posted_on", "arrived": "arrived_on",
    "address lines": "lines", "postal code": "postal_code", "address label": "label", "occasion date": "year",
}
