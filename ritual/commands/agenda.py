"""`ritual week` and `ritual upcoming`: the plan, as text or JSON."""

from __future__ import annotations

import click

from ritual.context import RitualContext
from ritual.core import ranges
from ritual.everyday.pages import show_upcoming, show_week


@click.command()
@click.option("--date", "day", metavar="DATE", help="Show the week holding this date (default: today).")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of agenda items.")
@click.option("--all", "show_all", is_flag=True, help="List every friend who might enjoy a letter, not a few.")
@click.pass_obj
def week(context: RitualContext, day: str | None, as_json: bool, show_all: bool) -> None:
    """The week, Monday to Sunday: what to write, what to post, the days themselves."""
    show_week(context, day, as_json, show_all)


@click.command()
@click.option("--from", "start", metavar="DATE", help="First day (default: today).")
@click.option("--days", type=click.IntRange(*ranges.DAYS_AHEAD.bounds), help="How many days to look ahead (default from settings: 30).")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of agenda items.")
@click.option("--all", "show_all", is_flag=True, help="List every friend who might enjoy a letter, not a few.")
@click.pass_obj
def upcoming(context: RitualContext, start: str | None, days: int | None, as_json: bool, show_all: bool) -> None:
    """Everything due in the coming days, and what is still open from before."""
    show_upcoming(context, start, days, as_json, show_all)


def register(group: click.Group) -> None:
    """Add this module's commands to the root group."""
    group.add_command(week)
    group.add_command(upcoming)
