"""Every value of a backup checked before anything is restored, with the validators input uses.

A tampered or damaged backup is refused with the JSON path of the first bad value
(`tables.friends[3].birth_day`), so a restore never leaves a home that later commands cannot read.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable
from datetime import datetime, time
from pathlib import Path

from ritual.core.dates import PartialDate, parse_day
from ritual.core.fields import check_friend, check_text
from ritual.core.letters import Letter
from ritual.core.model import Friend, Occasion
from ritual.errors import InvalidValue, RitualError
from ritual.services.contacts.friend_fields import parse_cadence, parse_feb29
from ritual.store.rows import partial_date

_INT64 = (-(2**63), 2**63 - 1)
_BLOB = "$base64"
Check = Callable[[object, str], None]


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
    for name, text in settings.items():
        if not isinstance(text, str) or not _encodable(text):
            _refuse(file, f"settings[{name!r}]", f"{_shown(text)} must be the text of a settings file")
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
    checks = COLUMNS.get(table, {})
    for index, row in enumerate(rows):
        at = f"{where}[{index}]"
        if not isinstance(row, list) or len(row) != len(columns):
            _refuse(file, at, f"must be a list of {len(columns)} values, one per column")
        values = dict(zip(columns, row))
        for column, value in values.items():
            _check_value(checks.get(column, _any), value, f"{at}.{column}", file)
        if table in ROWS:
            _check_row(ROWS[table], values, at, file)


def _check_value(check: Check, value: object, where: str, file: Path) -> None:
    column = where.rsplit(".", 1)[-1]
    try:
        _any(value, column)
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


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _date_column(problem: str, prefix: str) -> str:
    if "year" in problem:
        return f"{prefix}year"
    return f"{prefix}month" if "month" in problem else f"{prefix}day"


# Plain value checks: each raises InvalidValue(field, value, problem).

def _any(value: object, field: str) -> None:
    """What any stored cell may be: null, a whole number SQLite holds, a real, UTF-8 text or a base64 blob."""
    if value is None or isinstance(value, float):
        return
    if isinstance(value, bool) or (isinstance(value, int) and not _INT64[0] <= value <= _INT64[1]):
        raise InvalidValue(field, value, "is not a number SQLite can hold")
    if isinstance(value, str) and not _encodable(value):
        raise InvalidValue(field, value, "is not valid text (a lone surrogate)")
    if isinstance(value, dict):
        _blob(value, field)
    elif not isinstance(value, (int, str)):
        raise InvalidValue(field, value, "is not a value a table can hold")


def _blob(value: dict, field: str) -> None:
    if set(value) != {_BLOB} or not isinstance(value[_BLOB], str):
        raise InvalidValue(field, value, "is not a value a table can hold")
    try:
        base64.b64decode(value[_BLOB], validate=True)
    except (binascii.Error, ValueError):
        raise InvalidValue(field, value, "is not valid base64") from None


def _whole(low: int | None = None, optional: bool = False) -> Check:
    def check(value: object, field: str) -> None:
        if value is None and optional:
            return
        if not isinstance(value, int) or isinstance(value, bool):
            raise InvalidValue(field, value, "must be a whole number")
        if low is not None and value < low:
            raise InvalidValue(field, value, f"must be {low} or more")
    return check


def _text(field_name: str, optional: bool = False) -> Check:
    def check(value: object, field: str) -> None:
        if value is None and optional:
            return
        if not isinstance(value, str):
            raise InvalidValue(field, value, "must be text")
        check_text(field_name, value)
    return check


def _day(optional: bool = True) -> Check:
    def check(value: object, field: str) -> None:
        if value is None and optional:
            return
        if not isinstance(value, str):
            raise InvalidValue(field, value, "must be a date (YYYY-MM-DD)")
        parse_day(value, field)
    return check


def _stamp(optional: bool = False) -> Check:
    def check(value: object, field: str) -> None:
        if value is None and optional:
            return
        try:
            datetime.fromisoformat(value)
        except (TypeError, ValueError):
            raise InvalidValue(field, value, "must be a date and time (ISO 8601)") from None
    return check


def _clock_time(value: object, field: str) -> None:
    if value is None:
        return
    try:
        time.fromisoformat(value)
    except (TypeError, ValueError):
        raise InvalidValue(field, value, "must be a time of day (HH:MM)") from None


def _cadence(value: object, field: str) -> None:
    if value is not None:
        _whole()(value, field)
        parse_cadence(value, field)


def _feb29(value: object, field: str) -> None:
    if value is not None:
        _text("feb29")(value, field)
        if parse_feb29(value) != value:
            raise InvalidValue(field, value, "must be feb28, mar1 or null")


def _one_of(*allowed: object) -> Check:
    def check(value: object, field: str) -> None:
        if value not in allowed:
            raise InvalidValue(field, value, "must be one of " + ", ".join(repr(a) for a in allowed))
    return check


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
           row.get("medium", "letter"), row.get("tone", ""), row.get("note", ""), row.get("scan", ""))


def _date_or_none(text: str | None):
    return parse_day(text) if text else None


_ID = _whole(1)
_REF = _whole(1)
COLUMNS: dict[str, dict[str, Check]] = {
    "friends": {
        "id": _ID, "name": _text("name"), "nickname": _text("nickname"), "birth_month": _whole(1, True),
        "birth_day": _whole(1, True), "birth_year": _whole(None, True), "feb29": _feb29,
        "birthday_card": _one_of(0, 1), "relationship": _text("relationship"), "how_met": _text("how met"),
        "notes": _text("notes"), "cadence_days": _cadence, "last_sent": _day(), "last_received": _day(),
        "created_at": _stamp(), "updated_at": _stamp(),
    },
    "addresses": {
        "id": _ID, "friend_id": _REF, "position": _whole(0), "label": _text("address label"),
        "lines": _text("address lines"), "city": _text("city"), "region": _text("region"),
        "postal_code": _text("postal code"), "country": _text("country"),
    },
    "friend_tags": {"friend_id": _REF, "tag": _text("tag")},
    "occasions": {"id": _ID, "friend_id": _REF, "name": _text("occasion name"), "month": _whole(1),
                  "day": _whole(1, True), "year": _whole(None, True), "yearly": _one_of(0, 1), "card": _one_of(0, 1)},
    "letters": {
        "id": _ID, "friend_id": _REF, "written_on": _day(), "posted_on": _day(), "arrived_on": _day(),
        "received_on": _day(), "occasion": _text("occasion"), "medium": _text("medium"), "tone": _text("tone"),
        "note": _text("note"), "scan": _text("scan"), "created_at": _stamp(),
    },
    "reflections": {
        "id": _ID, "friend_id": _REF, "sitting": _text("sitting"), "prompt_id": _text("prompt id"),
        "question": _text("question"), "answer": _text("answer"), "skipped": _one_of(0, 1),
        "occasion": _text("occasion"), "tone": _text("tone"), "asked_at": _stamp(),
    },
    "reminder_mutes": {"friend_id": _REF, "muted_at": _stamp()},
    "writing_session_days": {"id": _ID, "day": _day(False), "kind": _one_of("extra", "skip"),
                             "start": _clock_time, "minutes": _whole(1, True)},
    "writing_minutes": {"friend_id": _REF, "minutes": _whole(1)},
    "supplies": {"kind": _text("supply kind"), "count": _whole(0), "updated_at": _stamp()},
    "projects": {"id": _ID, "name": _text("project name"), "occasion": _text("occasion"), "due": _day(),
                 "created_at": _stamp()},
    "project_members": {"project_id": _REF, "friend_id": _REF, "updated_at": _stamp()},
}
ROWS: dict[str, Callable[[dict], None]] = {"friends": _friend_row, "occasions": _occasion_row, "letters": _letter_row}
# Input's field names (as messages use them) back to the backup's column names.
FIELD_COLUMNS = {
    "keep-in-touch": "cadence_days", "last sent": "last_sent", "last received": "last_received",
    "how met": "how_met", "occasion name": "name", "posted": "posted_on", "arrived": "arrived_on",
    "address lines": "lines", "postal code": "postal_code", "address label": "label",
}
