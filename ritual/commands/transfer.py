"""The `ritual export ...` and `ritual import ...` groups; formats add their own subcommands."""

from __future__ import annotations

from pathlib import Path

import click


class OutputPath(click.ParamType):
    """An output file or folder as typed: `-` kept for standard output, an empty path refused (not read as `.`)."""

    name = "path"

    def convert(self, value, param, ctx):
        """The value as a Path, or a usage error when it is empty."""
        if isinstance(value, Path):
            return value
        if not str(value).strip():
            self.fail("an empty path; give a file name (or - for standard output)", param, ctx)
        return Path(value)


OUTPUT_PATH = OutputPath()


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
