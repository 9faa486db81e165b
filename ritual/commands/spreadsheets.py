"""`ritual export csv friends|letters`: tables for spreadsheets."""

from __future__ import annotations

import click

from ritual.commands.transfer import export_group
from ritual.context import RitualContext
from ritual.text.safe import say

TABLES = ("friends", "letters")


@click.command("csv")
@click.argument("table", type=click.Choice(TABLES))
@click.option("--out", "out", metavar="FILE", default="-", show_default=True, help="Where to write; - for stdout.")
@click.option("--excel", is_flag=True, help="Start the file with the byte-order mark Excel needs to read UTF-8.")
@click.pass_obj
def export_csv(context: RitualContext, table: str, out: str, excel: bool) -> None:
    """Write friends (with their addresses and occasions) or letters as a CSV file for spreadsheets.

    Cells that a spreadsheet would run as a formula (starting with = + - @) are written with a leading '.
    """
    from ritual.private_files import write_private_bytes
    from ritual.services.spreadsheet.csv_file import csv_bytes
    from ritual.services.spreadsheet.export import table_of

    found = table_of(context.db, table)
    written = write_private_bytes(out, csv_bytes(found, excel))
    if out != "-":
        say(f"Wrote {len(found.rows)} {table} to {written}.", err=True)


def register(group: click.Group) -> None:
    """Add `csv` to the export group."""
    export_group.add_command(export_csv)
