"""A table as a CSV file spreadsheets open safely: UTF-8 (with the BOM Excel needs on request), no formulas."""

from __future__ import annotations

import codecs
import csv
import io
import unicodedata

from ritual.services.spreadsheet.tables import Table

# A cell starting with one of these is a formula to Excel, LibreOffice and Google Sheets (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@")


def csv_bytes(table: Table, excel: bool = False) -> bytes:
    """The table as RFC 4180 CSV (CRLF between records, quotes where needed), every cell made safe."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([safe_cell(cell) for cell in table.header])
    writer.writerows([safe_cell(cell) for cell in row] for row in table.rows)
    data = out.getvalue().encode("utf-8")
    return codecs.BOM_UTF8 + data if excel else data


def safe_cell(value: str) -> str:
    """The cell without control characters (line breaks inside it stay), and with a formula neutralised.

    A leading apostrophe is what spreadsheets themselves use to say "this is text"; ritual's CSV import
    removes it again.
    """
    text = value.replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(c for c in text if c == "\n" or unicodedata.category(c) != "Cc")
    return "'" + text if text.startswith(FORMULA_STARTS) else text
