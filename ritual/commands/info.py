"""`ritual locate`: where config, data and state live."""

from __future__ import annotations

import click

from ritual.context import RitualContext
from ritual.paths import shipped_config_dir
from ritual.text.safe import say


@click.command()
@click.pass_obj
def locate(context: RitualContext) -> None:
    """Print where config, data and state live."""
    paths = context.paths
    rows = (
        ("config", paths.config_dir),
        ("settings", paths.config_file),
        ("data", paths.data_dir),
        ("database", paths.database),
        ("backups", paths.backups_dir),
        ("state", paths.state_dir),
        ("defaults", shipped_config_dir()),
    )
    for label, path in rows:
        say(f"{label:<9} {path}")


def register(group: click.Group) -> None:
    """Add this module's commands to the root group."""
    group.add_command(locate)
