"""`ritual session list|add|skip|rm|minutes`: the writing sessions you keep and the letters placed in them."""

from __future__ import annotations

import json
from datetime import date, timedelta

import click

from ritual.core import ranges
from ritual.context import RitualContext
from ritual.core.date_words import parse_day_words
from ritual.core.sessions import SessionPlan, parse_minutes, parse_start
from ritual.core.text import short_day
from ritual.services.planning.serialize import conflict_dict, session_dict
from ritual.services.planning.sessions import plan_sessions
from ritual.text.sessions import conflict_text, session_text
from ritual.store.friends import FriendRepository
from ritual.store.sessions import SessionDays, WritingMinutes
from ritual.text.safe import say

NO_SESSIONS = ('No writing sessions yet. Keep one every week by adding to your config.toml (`ritual locate`):\n\n'
               '  writing_sessions = ["sun 10:00 60"]\n\nor add a single one: ritual session add 2026-12-06 10:00 60')


def plan_text(plan: SessionPlan, first: date, last: date) -> list[str]:
    """Sessions in [first, last] with their letters, then the letters that fit none."""
    lines = []
    for session in (s for s in plan.sessions if first <= s.day <= last):
        mark = f"  (extra, #{session.extra_id})" if session.extra_id else ""
        lines.append(f"{short_day(session.day)}  {session_text(plan, session)}{mark}")
    if plan.conflicts:
        lines += ["", "Letters without a session"] + [f"  {conflict_text(c)}" for c in plan.conflicts]
    return lines


@click.group()
def session() -> None:
    """Writing sessions: the times you sit down to write, filled with the letters due before them."""


@session.command("list")
@click.option("--weeks", type=click.IntRange(1, 52), default=2, show_default=True, help="How many weeks ahead.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of sessions and letters without one.")
@click.pass_obj
def list_sessions(context: RitualContext, weeks: int, as_json: bool) -> None:
    """The coming sessions with the letters for each, and the weekly ones you keep."""
    today = context.clock.today()
    last = today + timedelta(days=7 * weeks - 1)
    plan = plan_sessions(context.settings, context.db, today, last)
    if as_json:
        entries = [session_dict(plan, s) for s in plan.sessions if s.day <= last]
        entries += [conflict_dict(c) for c in plan.conflicts if c.task.write_by <= last]
        say(json.dumps(sorted(entries, key=lambda e: (e["date"], e["kind"])), ensure_ascii=False, indent=2))
        return
    weekly = context.settings.writing_sessions
    if not weekly and not plan.sessions:
        say(NO_SESSIONS)
        return
    lines = ["Every week: " + (", ".join(s.text() for s in weekly) if weekly else "none (only one-off sessions)"), ""]
    lines += plan_text(plan, today, last) or ["No sessions in these weeks."]
    skips = SessionDays(context.db).skips(today, last)
    if skips:
        lines += ["", "Days off"] + [f"  {short_day(s.day)}" + (f" {s.start:%H:%M}" if s.start else "") + f"  (#{s.id})"
                                     for s in skips]
    say("\n".join(lines))


@session.command("add")
@click.argument("day", metavar="DATE")
@click.argument("start", metavar="HH:MM")
@click.argument("minutes", metavar="MINUTES")
@click.pass_obj
def add(context: RitualContext, day: str, start: str, minutes: str) -> None:
    """Add a one-off session on DATE at HH:MM lasting MINUTES."""
    added = SessionDays(context.db).add_extra(parse_day_words(day, context.clock.today(), "DATE"), parse_start(start, "HH:MM"), parse_minutes(minutes, "MINUTES"))
    say(f"Added a {added.minutes}-minute session on {short_day(added.day)} {added.day.year} "
               f"at {added.start:%H:%M} (#{added.extra_id}).")


@session.command("skip")
@click.argument("day", metavar="DATE")
@click.argument("start", metavar="HH:MM", required=False)
@click.pass_obj
def skip(context: RitualContext, day: str, start: str | None) -> None:
    """Take DATE off from the weekly sessions (only the one at HH:MM when given)."""
    done = SessionDays(context.db).add_skip(parse_day_words(day, context.clock.today(), "DATE"), parse_start(start, "HH:MM") if start else None)
    which = f"the {done.start:%H:%M} session" if done.start else "the weekly sessions"
    say(f"Skipping {which} on {short_day(done.day)} {done.day.year} (#{done.id}); the letters move to others.")


@session.command("rm")
@click.argument("entry_id", type=click.IntRange(1, ranges.ID.high), metavar="ID")
@click.pass_obj
def remove(context: RitualContext, entry_id: int) -> None:
    """Remove a one-off session or a day off by its #id (shown by `ritual session list`)."""
    SessionDays(context.db).remove(entry_id)
    say(f"Removed #{entry_id}.")


@session.command("minutes")
@click.argument("who")
@click.argument("minutes", metavar="MINUTES|default")
@click.pass_obj
def minutes(context: RitualContext, who: str, minutes: str) -> None:
    """How long a letter to WHO takes, or `default` for the minutes_per_letter setting."""
    friend = FriendRepository(context.db).find(who)
    value = None if minutes.lower() == "default" else parse_minutes(minutes, "MINUTES")
    WritingMinutes(context.db).set(friend.id, value)
    shown = f"{value} minutes" if value else f"the default ({context.settings.minutes_per_letter} minutes)"
    say(f"A letter to {friend.name} now takes {shown}.")


def register(group: click.Group) -> None:
    """Add this module's commands to the root group."""
    group.add_command(session)
