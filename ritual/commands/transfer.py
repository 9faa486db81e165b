"""The `ritual export ...` and `ritual import ...` groups; formats add their own subcommands."""

from __future__ import annotations

import click


@click.group("export")
def export_group() -> None:
    """Write your data to files other tools read (see the subcommands)."""


@click.group("import")
def import_group() -> None:
    """Read friends and dates from files other tools wrote (see the subcommands)."""


def register(group: click.Group) -> None:
    """Add the export and import groups to the root group."""
    group.add_command(export_group)
    group.add_command(import_group)
