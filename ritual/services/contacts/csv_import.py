"""CSV contact exports (Google old and new, Outlook, Thunderbird) and ritual's simple CSV, read as friends.

The simple format is a header row with any of these columns (only `name` is required):
`name, nickname, birthday, anniversary, street, city, region, postal_code, country, tags, notes`.
Dates are `YYYY-MM-DD`, `MM-DD` (year unknown) or `--MM` (month only); tags are separated by commas;
a street with several lines keeps them on separate lines inside one quoted field.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from ritual.core.dates import PartialDate
from ritual.core.model import ANNIVERSARY, Friend, Occasion
from ritual.errors import InvalidValue, RitualError
from ritual.services.contacts import address as addresses
from ritual.services.contacts.record import (
    Incoming, Skipped, checked_incoming, clean_tags, clean_text, contact_date, one_line,
)
from ritual.services.contacts.csv_layouts import Row, address_groups, event_columns, group_values
from ritual.services.contacts.legacy_encoding import decode_contacts, with_encoding_note

_NAME_COLUMNS = ("name", "display name", "given name", "first name", "family name", "last name")
_SLASHED = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})$")
_DOTTED = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_SIMPLE_YEARLESS = re.compile(r"^\d{2}-\d{2}$")
# More contacts than anyone keeps: a file past this is refused before anything is imported, so a runaway
# export (or a hostile file of empty rows) costs seconds, not the minutes that importing it would.
MAX_ROWS = 100_000
# One field may hold a long note, not a megabyte: past this the row is reported and the rest still read.
MAX_FIELD = 64 * 1024


def read_csv_file(path: Path, tags: tuple[str, ...] = (), encoding: str | None = None) -> list[Incoming | Skipped]:
    """Every row of a contacts CSV as a friend or a skip; refuses a file without name columns.

    A file that is not Unicode is read in the legacy encoding detected (the first friend carries a warning
    naming it), or in `encoding` when given.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise RitualError(f"{path}: cannot be read ({exc.strerror})") from None
    text, note = decode_contacts(data, str(path), encoding)
    return with_encoding_note(read_csv_text(text, str(path), tags), note)


def read_csv_text(text: str, name: str, tags: tuple[str, ...] = ()) -> list[Incoming | Skipped]:
    """Every row of a contacts CSV document; `name` names the source in messages."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), _dialect(text))
    csv.field_size_limit(MAX_FIELD)
    _refuse_too_many_rows(text, name)
    try:
        header = [h.strip().casefold() for h in next(reader, [])]
    except csv.Error as exc:
        raise RitualError(f"{name}: is not a CSV file ({exc})") from None
    if not any(column in header for column in _NAME_COLUMNS):
        raise RitualError(f"{name}: line 1 has no name column (expected one of: {', '.join(_NAME_COLUMNS)})")
    return _rows(reader, header, tags, name)


def _rows(reader, header: list[str], tags: tuple[str, ...], name: str) -> list[Incoming | Skipped]:
    results: list[Incoming | Skipped] = []
    start = reader.line_num + 1
    while True:
        try:
            values = next(reader)
        except StopIteration:
            return results
        except csv.Error as exc:
            results.append(Skipped(start, f"could not be read as CSV ({exc})"))
            return results
        if any(v.strip() for v in values):
            if len(results) == MAX_ROWS:
                raise _too_many(name, start)
            results.append(_convert(Row(dict(zip(header, values[:len(header)], strict=False))), start, tags))
        start = reader.line_num + 1


def _refuse_too_many_rows(text: str, name: str) -> None:
    """Count the rows in a quick first pass, so a huge file is refused before any row is converted."""
    if text.count("\n") <= MAX_ROWS:
        return
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), _dialect(text))
    try:
        filled = (row for row in reader if any(v.strip() for v in row))
        for number, _ in enumerate(filled):
            if number > MAX_ROWS:  # the header is row 0
                raise _too_many(name, reader.line_num)
    except csv.Error:
        return  # the real pass reports where the file stops being CSV


def _too_many(name: str, line: int) -> RitualError:
    return RitualError(f"{name}: line {line}: more than {MAX_ROWS:,} contacts in one file; "
                       "split it into smaller files and import them one by one")


def _dialect(text: str) -> type[csv.Dialect]:
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    counts = {sep: first.count(sep) for sep in (",", ";", "\t")}
    delimiter = max(counts, key=counts.get)

    class Dialect(csv.excel):
        pass

    Dialect.delimiter = delimiter
    return Dialect


def _convert(row: Row, line: int, tags: tuple[str, ...]) -> Incoming | Skipped:
    try:
        return contact_from_row(row, line, tags)
    except InvalidValue as exc:
        return Skipped(line, exc.message)


def contact_from_row(row: Row, line: int, tags: tuple[str, ...] = ()) -> Incoming | Skipped:
    """One CSV row as an incoming friend, or a skip when it names nobody."""
    name = _name(row)
    if not name:
        return Skipped(line, "has no name (no Name, First Name or Last Name)")
    warnings: list[tuple[int, str]] = []
    found = []
    for parts in address_groups(row):
        address, warning = addresses.build(parts)
        if warning:
            warnings.append((line, warning))
        if address is not None:
            found.append(address)
    friend = Friend(
        name=name,
        nickname=one_line(row.get("nickname")),
        birthday=_lenient(_birthday, row, line, warnings),
        addresses=tuple(found),
        tags=clean_tags(group_values(row), tags),
        notes=clean_text(row.get("notes")),
        occasions=_lenient(_occasions, row, line, warnings) or (),
    )
    return checked_incoming(friend, None, line, warnings)


def _lenient(read, row: Row, line: int, warnings: list[tuple[int, str]]):
    """A date field that is wrong is left out with a warning rather than losing the whole row."""
    try:
        return read(row)
    except InvalidValue as exc:
        warnings.append((line, f"{exc.message}; left out"))
        return None


def _name(row: Row) -> str:
    shown = one_line(row.get("name", "display name"))
    if shown:
        return shown
    parts = [row.get(c) for c in ("given name", "first name", "additional name", "middle name",
                                  "family name", "last name")]
    return one_line(" ".join(p for p in parts if p)) or one_line(
        row.get("organization name", "organization 1 - name", "organization", "company"))


def _birthday(row: Row) -> PartialDate | None:
    text = row.get("birthday")
    if text:
        return csv_date(text, "birthday")
    year, month, day = (row.get(c) for c in ("birth year", "birth month", "birth day"))
    if not (month.isdigit() and day.isdigit()):
        return None
    month_day = f"{int(month):02d}-{int(day):02d}"
    return csv_date(f"{int(year):04d}-{month_day}" if year.isdigit() else month_day, "birthday")


def _occasions(row: Row) -> tuple[Occasion, ...]:
    found: dict[tuple[str, PartialDate], Occasion] = {}
    for label, value in event_columns(row):
        dated = csv_date(value, label or "event")
        if dated is None:
            continue
        name = ANNIVERSARY if label.casefold() in (ANNIVERSARY, "") else label
        found.setdefault((name.casefold(), dated), Occasion(name, dated, card=name.casefold() != "other"))
    return tuple(found.values())


def csv_date(text: str, field: str) -> PartialDate | None:
    """Dates as CSV exports write them: ISO, year-less, Outlook's M/D/YYYY (0/0/00 = none), D.M.YYYY."""
    raw = text.strip().split(" ")[0]
    if not raw or raw.strip("0/.-") == "":
        return None
    if m := _SLASHED.match(raw):
        month, day, year = int(m[1]), int(m[2]), int(m[3])
        if month > 12 >= day:
            month, day = day, month
        year = year if year >= 100 else (2000 + year if year < 30 else 1900 + year)
        raw = f"{year:04d}-{month:02d}-{day:02d}"
    elif m := _DOTTED.match(raw):
        raw = f"{int(m[3]):04d}-{int(m[2]):02d}-{int(m[1]):02d}"
    elif _SIMPLE_YEARLESS.match(raw):
        raw = "--" + raw
    try:
        found = contact_date(raw, field)
    except InvalidValue as exc:
        raise InvalidValue(field, text.strip(), exc.problem) from None
    if found is None:
        raise InvalidValue(field, text, "is not a date (use YYYY-MM-DD, MM-DD or --MM)")
    return found
