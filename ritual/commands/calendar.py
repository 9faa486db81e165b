"""`ritual export ics|status|refresh`, `ritual import ics` and `ritual sync caldav`: ritual in people's calendars."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ritual.commands.transfer import OUTPUT_PATH, export_group, import_group
from ritual.context import RitualContext
from ritual.text.safe import say

INCLUDE_HELP = ("Comma-separated: birthdays, occasions, write, post, keep_in_touch, sessions "
                "[birthdays,occasions,write,post,sessions; sessions add nothing until you keep some].")


@click.command("ics")
@click.option("--out", "out", metavar="FILE", type=OUTPUT_PATH, default="-", show_default=True, help="Where to write; - for stdout.")
@click.option("--include", "include", metavar="KINDS", default="birthdays,occasions,write,post,sessions", help=INCLUDE_HELP)
@click.option("--years", type=click.IntRange(1, 50), default=1, show_default=True, help="How far ahead dated items go.")
@click.pass_obj
def export_ics(context: RitualContext, out: Path, include: str, years: int) -> None:
    """Write birthdays, occasions and write-by / post-by days as an iCalendar file."""
    from ritual.services.calendar.export import parse_include
    from ritual.services.calendar.export_steps import ExportChoice, run_export
    from ritual.private_files import is_stdout

    choice = ExportChoice(str(out), include=parse_include(include), years=years)
    result = run_export(context.settings, context.db, context.clock.today(), choice)
    if not is_stdout(out):
        say(result.text(), err=True)


@click.command("ics")
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--dry-run", is_flag=True, help="Show what would change, change nothing.")
@click.option("--for", "for_name", metavar="NAME", help="Whose anniversary it is when an event names nobody "
                                                        "(\"Our anniversary\"): a friend's name or id.")
@click.pass_obj
def import_ics(context: RitualContext, file: str, dry_run: bool, for_name: str | None) -> None:
    """Read birthdays and anniversaries from an iCalendar file (Google, Apple, Thunderbird, khal...)."""
    from ritual.services.calendar.importer import import_calendar, read_source

    summary = import_calendar(context.db, read_source(file), file, dry_run=dry_run, for_name=for_name)
    say(summary.render(dry_run))


@click.group("sync")
def sync_group() -> None:
    """Publish ritual's calendar to a server, or keep friends in step with an address book (see the subcommands)."""


@sync_group.command("caldav")
@click.option("--url", help="The calendar's URL (default: caldav_url in the settings).")
@click.option("--user", help="The user name (default: caldav_user in the settings).")
@click.option("--create", is_flag=True, help="Create the calendar when it does not exist yet.")
@click.option("--include", "include", metavar="KINDS", default="birthdays,occasions,write,post,sessions", help=INCLUDE_HELP)
@click.option("--years", type=click.IntRange(1, 50), default=1, show_default=True, help="How far ahead dated items go.")
@click.pass_obj
def sync_caldav(context: RitualContext, url: str | None, user: str | None, create: bool, include: str, years: int) -> None:
    """Create, update and delete events on a CalDAV calendar so it matches ritual's export."""
    from ritual.services.calendar.caldav_auth import CalDavTarget
    from ritual.services.calendar.caldav_sync import sync_calendar
    from ritual.services.calendar.export import ExportRequest, calendar_events, parse_include

    target = CalDavTarget.from_settings(context.settings, url, user)
    request = ExportRequest(context.clock.today(), parse_include(include), years)
    result = sync_calendar(target, calendar_events(context.settings, context.db, request), create=create)
    say(result.render())


@click.command("status")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of targets.")
@click.pass_obj
def export_status(context: RitualContext, as_json: bool) -> None:
    """Show the calendars kept up to date by themselves: last refresh, last change, last error."""
    from ritual.services.calendar.kept import export_targets
    from ritual.text.kept_calendars import describe_status
    from ritual.store.export_targets import ExportTargetLog

    records = ExportTargetLog(context.db).all()
    targets = export_targets(context.settings)
    say(describe_status(targets, records, _display_zone(context), context.paths.config_file, as_json))


@click.command("refresh")
@click.option("--force", is_flag=True, help="Build and compare even when nothing changed since the last refresh.")
@click.pass_obj
def export_refresh(context: RitualContext, force: bool) -> None:
    """Bring the kept-current calendars up to date now (the timer, the daemon and the app do it by themselves)."""
    from ritual.services.calendar.kept import FAILED, refresh_exports
    from ritual.text.kept_calendars import NO_TARGETS, result_line

    now = context.clock.now()
    results = refresh_exports(context.settings, context.db.path, now, context.clock.today(), force)
    if not results:
        say(NO_TARGETS.format(config=context.paths.config_file))
    for result in results:
        say(result_line(result), err=result.outcome == FAILED)
    if any(r.outcome == FAILED for r in results):
        sys.exit(1)


def _display_zone(context: RitualContext):
    from zoneinfo import ZoneInfo

    name = context.settings.reminders.timezone
    return ZoneInfo(name) if name else context.clock.now().tzinfo


def register(group: click.Group) -> None:
    """Add `ics` under export and import, and the `sync` group to the root."""
    export_group.add_command(export_ics)
    export_group.add_command(export_status)
    export_group.add_command(export_refresh)
    import_group.add_command(import_ics)
    group.add_command(sync_group)
