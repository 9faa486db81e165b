"""`ritual remind` and `ritual daemon`: reminders delivered once, on time or late after a sleep."""

from __future__ import annotations

import json
import logging
import sys
from datetime import datetime
from pathlib import Path

import click

from ritual.commands.transfer import OUTPUT_PATH
from ritual.context import RitualContext
from ritual.text.safe import say
from ritual.text.reminders import (
    ReminderStatus,
    describe_outcomes,
    describe_pending,
    describe_status,
    reminder_line,
    sample_reminder,
)


def _engine(context: RitualContext, now_text: str | None, stream=None):
    # The scheduler and its notifiers load only for the commands that use them.
    from ritual.services.reminders.notify_setup import build_notifiers
    from ritual.services.reminders.engine import ReminderEngine

    # Opening context.db first creates and migrates the file before the engine opens its own connections.
    engine = ReminderEngine(context.settings, context.db.path, build_notifiers(context.settings, stream=stream))
    engine.now = _now_function(engine, context, now_text)
    return engine


def _now_function(engine, context: RitualContext, now_text: str | None):
    if now_text is None:
        return context.clock.now if context.clock.fixed_today else engine.now
    try:
        moment = datetime.fromisoformat(now_text)
    except ValueError:
        raise click.BadParameter(f"{now_text!r} is not a date and time such as 2026-11-25T09:30",
                                 param_hint="--now") from None
    from ritual.core.ranges import check_day
    from ritual.errors import InvalidValue

    try:
        check_day(moment.date(), "--now")
    except InvalidValue as exc:
        raise click.BadParameter(f"{now_text!r} {exc.problem}", param_hint="--now") from None
    fixed = moment if moment.tzinfo else moment.replace(tzinfo=engine.zone())
    return lambda: fixed


def _log_to_stderr(level: int) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("ritual: %(message)s"))
    logger = logging.getLogger("ritual.reminders")
    logger.addHandler(handler)
    logger.setLevel(level)


@click.group(invoke_without_command=True)
@click.option("--catch-up", is_flag=True, help="Deliver every reminder that is due and not yet delivered, then exit.")
@click.option("--status", is_flag=True, help="Show the next reminders, the last delivered, and which notifiers work.")
@click.option("--now", "now_text", metavar="ISO-DATETIME", help="Pretend it is this moment.")
@click.option("--dry-run", is_flag=True, help="With --catch-up: list what would be delivered, mark nothing.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@click.pass_context
def remind(ctx: click.Context, catch_up: bool, status: bool, now_text: str | None, dry_run: bool, as_json: bool):
    """Reminders: catch up on what is due (refreshing kept calendars and contacts), see what is coming, mute a friend."""
    if ctx.invoked_subcommand is not None:
        return
    context: RitualContext = ctx.obj
    if catch_up:
        _catch_up(context, now_text, dry_run, as_json)
    elif status:
        _status(context, now_text, as_json)
    else:
        say(ctx.get_help())


def _catch_up(context: RitualContext, now_text: str | None, dry_run: bool, as_json: bool) -> None:
    # With --json the terminal notifier writes to stderr, so stdout stays one JSON document.
    engine = _engine(context, now_text, stream=sys.stderr if as_json else None)
    if dry_run:
        now = engine.now()
        pending = [] if engine.quiet_now(now) else engine.pending(context.db, now)
        _echo(describe_pending(pending, engine.lateness(context.db, pending, now), engine.zone(), as_json))
        return
    _log_to_stderr(logging.WARNING)
    outcomes = engine.deliver_due()
    if as_json:
        _echo(describe_outcomes(outcomes))
    undelivered = any(o.notifier is None for o in outcomes)
    if undelivered:
        say("ritual: some reminders could not be delivered; they will be tried again", err=True)
    exports_failed = _refresh_exports(context, engine)
    if _sync_contacts(engine) or exports_failed or undelivered:
        sys.exit(1)


def _sync_contacts(engine) -> bool:
    """Keep the contacts folders in step too; True when the sync failed (said on stderr)."""
    if not engine.settings.contacts.any:
        return False
    from ritual.services.reminders.kept_contacts import ContactsPass

    # A failure is logged as a warning, which --catch-up sends to stderr.
    contacts = ContactsPass(engine)
    contacts()
    return bool(contacts.last_failure)


def _refresh_exports(context: RitualContext, engine) -> bool:
    """Keep the kept-current calendars current too; True when one failed (said once per new error)."""
    if not context.settings.exports.any:
        return False
    from ritual.services.calendar.kept import FAILED
    from ritual.text.kept_calendars import display_location
    from ritual.services.reminders.kept_calendars import refresh_exports_now

    failed = [r for r in refresh_exports_now(engine) if r.outcome == FAILED]
    for result in failed:
        where = display_location(result.target)
        if result.new_error:
            say(f"ritual: could not refresh {where}: {result.detail}", err=True)
        else:
            # A repeat is one short line (the exit code is 1 either way, and should never come without words).
            say(f"ritual: {where} still cannot be refreshed; `ritual export status` has the details", err=True)
    return bool(failed)


def _status(context: RitualContext, now_text: str | None, as_json: bool) -> None:
    from ritual.services.reminders.app_presence import toast_status
    from ritual.store.deliveries import DeliveryLog

    engine = _engine(context, now_text)
    now = engine.now()
    coming = engine.upcoming(context.db, now, 14)[:5]
    record = DeliveryLog(context.db, engine.owner)
    record.settle_interrupted(now)
    notifiers = toast_status(engine.notifiers.status(), context.paths.state_dir)
    status = ReminderStatus(coming, record.recent(5), record.uncertain(), notifiers)
    _echo(describe_status(status, engine.zone(), as_json))


def _echo(text: str) -> None:
    if text:
        say(text)


@remind.command("list")
@click.option("--days", type=click.IntRange(1, 366), default=14, show_default=True, help="How far ahead to look.")
@click.option("--now", "now_text", metavar="ISO-DATETIME", help="Pretend it is this moment.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of reminders.")
@click.pass_obj
def list_(context: RitualContext, days: int, now_text: str | None, as_json: bool) -> None:
    """The reminders coming in the next days, with the moment each is due."""
    engine = _engine(context, now_text)
    coming = engine.upcoming(context.db, engine.now(), days)
    if as_json:
        say(json.dumps([r.as_dict() for r in coming], ensure_ascii=False, indent=2))
    elif not coming:
        say(f"No reminders in the next {days} days.")
    else:
        say("\n".join(reminder_line(r, engine.zone()) for r in coming))


@remind.command("test")
@click.pass_obj
def test(context: RitualContext) -> None:
    """Send a sample reminder through the notifiers, to see which one works here."""
    from ritual.services.reminders.notify_setup import build_notifiers

    _log_to_stderr(logging.WARNING)
    chain = build_notifiers(context.settings)
    used = chain.deliver(sample_reminder(context.clock.now()), late=False)
    for name, reason in chain.skipped.items():
        say(f"  {name}: skipped, {reason}", err=True)
    if used is None:
        say("ritual: no notifier could deliver the sample reminder", err=True)
        sys.exit(1)
    say(f"The sample reminder went out by {used}.")


@remind.command("mute")
@click.argument("friend")
@click.pass_obj
def mute(context: RitualContext, friend: str) -> None:
    """Silence every reminder about FRIEND (name or id)."""
    _set_mute(context, friend, True)


@remind.command("unmute")
@click.argument("friend")
@click.pass_obj
def unmute(context: RitualContext, friend: str) -> None:
    """Let reminders about FRIEND (name or id) come again."""
    _set_mute(context, friend, False)


def _set_mute(context: RitualContext, name: str, muted: bool) -> None:
    from ritual.store.mutes import Mutes
    from ritual.store.friends import FriendRepository

    friend = FriendRepository(context.db).find(name)
    Mutes(context.db).set(friend.id, muted)
    say(f"Reminders about {friend.name} are {'muted' if muted else 'on again'}.")


def _kind_options(command):
    command = click.option("--dir", "target", type=OUTPUT_PATH,
                           help="Use this folder instead of the user's systemd or launchd folder.")(command)
    command = click.option("--launchd", "kind", flag_value="launchd", help="A launchd agent (macOS).")(command)
    return click.option("--systemd", "kind", flag_value="systemd", help="systemd user units (Linux).")(command)


@remind.command("install")
@_kind_options
@click.option("--remove", is_flag=True, help="Remove the files written before (as `ritual uninstall-timer`).")
@click.pass_obj
def install(context: RitualContext, kind: str | None, target: Path | None, remove: bool) -> None:
    """Write (or --remove) a timer that runs `ritual remind --catch-up` every quarter of an hour."""
    if remove:
        _uninstall_timer(kind, target)
    else:
        _install_timer(context, kind, target)


@click.command("install-timer")
@_kind_options
@click.pass_obj
def install_timer(context: RitualContext, kind: str | None, target: Path | None) -> None:
    """Write the systemd timer (or launchd agent) that delivers reminders and refreshes exports, no root needed."""
    _install_timer(context, kind, target)


@click.command("uninstall-timer")
@_kind_options
def uninstall_timer(kind: str | None, target: Path | None) -> None:
    """Stop and remove the timer (or agent) that `ritual install-timer` wrote."""
    _uninstall_timer(kind, target)


def _install_timer(context: RitualContext, kind: str | None, target: Path | None) -> None:
    from ritual.services.reminders import install as units

    kind = units.default_kind(kind)
    done = units.install(kind, units.ritual_command(context.paths), target or units.user_dir(kind))
    say("\n".join(f"Wrote {p}" for p in done.files))
    say(f"To start it:\n  {done.next_step}")


def _uninstall_timer(kind: str | None, target: Path | None) -> None:
    from ritual.services.reminders import install as units

    kind = units.default_kind(kind)
    folder = target or units.user_dir(kind)
    # Only units in the user's own folder are the ones systemd or launchd know; a --dir copy is just files.
    stopped = units.deactivate(kind, folder) if target is None else []
    removed = units.uninstall(kind, folder)
    lines = [f"Ran {command}" for command in stopped] + [f"Removed {p}" for p in removed]
    say("\n".join(lines) or f"Nothing of ritual's in {folder}.")


def _a_number(ctx: click.Context, param: click.Parameter, value: float) -> float:
    # FloatRange lets "nan" through: every comparison with it is false, so no bound is ever broken.
    if value != value:
        raise click.BadParameter(f"{value!r} is not a number of seconds")
    return value


@click.command()
@click.option("--heartbeat", type=click.FloatRange(0.1, 86_400), default=60.0, hidden=True, callback=_a_number,
              help="Seconds between checks.")
@click.option("--now", "now_text", metavar="DATETIME",
              help="Start the clock at this moment, then let it run (rehearse a day's reminders on a copy).")
@click.pass_obj
def daemon(context: RitualContext, heartbeat: float, now_text: str | None) -> None:
    """Deliver reminders as they fall due, in the foreground (systemd and launchd keep it running)."""
    from ritual.services.reminders.engine import running_from
    from ritual.services.reminders.jobs import run_daemon
    from ritual.services.reminders.log import log_to_state

    from ritual.services.reminders.notify_setup import build_notifiers
    from ritual.services.reminders.settings_source import SettingsSource

    engine = _engine(context, now_text)
    engine.follow(SettingsSource(context.settings, context.paths), build_notifiers)
    if now_text is not None:
        engine.now = running_from(engine.now())
    log_to_state(context.paths.state_dir)
    run_daemon(engine, heartbeat, _export_command(context))


def _export_command(context: RitualContext) -> list[str]:
    """`ritual export refresh` for this home and clock, run by this same interpreter."""
    from ritual.services.reminders.install import ritual_command

    fixed = context.clock.fixed_today
    return [*ritual_command(context.paths, this_interpreter=True), *(["--today", fixed.isoformat()] if fixed else []),
            "export", "refresh"]


def register(group: click.Group) -> None:
    """Add this module's commands to the root group."""
    group.add_command(remind)
    group.add_command(daemon)
    group.add_command(install_timer)
    group.add_command(uninstall_timer)
