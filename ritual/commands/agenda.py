"""`ritual week` and `ritual upcoming`: the plan, as text or JSON."""

from __future__ import annotations

import json
from datetime import date, timedelta

import click

from ritual.context import RitualContext
from ritual.core.dates import parse_day
from ritual.core.planner import AgendaItem
from ritual.text.output import Styler
from ritual.text.render import render_upcoming, render_week
from ritual.services.planning.agenda import agenda
from ritual.services.planning.week_extras import (
    WeekExtras,
    merged_json,
    plan_through,
    week_extras,
)
from ritual.store.friends import FriendRepository
from ritual.text.safe import say

EMPTY_HINT = """No friends yet. Add the first one, for example:

  ritual friend add "Ana Souza" --birthday 1990-03-14 --country BR

or fill this home with demo friends to look around:  ritual demo"""


def print_json(items: list[AgendaItem]) -> None:
    """The agenda contract: a JSON array sorted by date then kind."""
    say(json.dumps([i.as_dict() for i in items], ensure_ascii=False, indent=2))


def show_home(context: RitualContext) -> None:
    """What bare `ritual` shows: this week, or how to begin on an empty database."""
    if FriendRepository(context.db).count() == 0:
        say(EMPTY_HINT)
        return
    monday, items, extras = planned_week(context, context.clock.today())
    say(week_text(context, items, monday, extras, False), color=context.color)


def planned_week(context: RitualContext, day: date) -> tuple[date, list[AgendaItem], WeekExtras]:
    """The week holding `day`: its Monday, its items with what is still open, and its sessions and notes."""
    monday = day - timedelta(days=day.weekday())
    sunday, today = monday + timedelta(days=6), context.clock.today()
    # One plan reaches as far as this week's sessions look ahead, so their letters cost no second plan.
    through = plan_through(context.settings, context.db, monday, today)
    items = agenda(context.settings, context.db, monday, through, today)
    extras = week_extras(context.settings, context.db, items, monday, today, through)
    return monday, [i for i in items if i.date <= sunday], extras


def week_text(context: RitualContext, items: list[AgendaItem], monday: date, extras: WeekExtras, show_all: bool) -> str:
    """The week as text, with its writing sessions and any calm notes about fitting letters and supplies."""
    style = Styler(context.color)
    return render_week(items, monday, context.clock.today(), style, show_all, extras.day_lines(style), extras.notes(style))


@click.command()
@click.option("--date", "day", metavar="YYYY-MM-DD", help="Show the week holding this date (default: today).")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of agenda items.")
@click.option("--all", "show_all", is_flag=True, help="List every friend who might enjoy a letter, not a few.")
@click.pass_obj
def week(context: RitualContext, day: str | None, as_json: bool, show_all: bool) -> None:
    """The week, Monday to Sunday: what to write, what to post, the days themselves."""
    target = parse_day(day, "--date") if day else context.clock.today()
    monday, items, extras = planned_week(context, target)
    if as_json:
        say(json.dumps(merged_json(items, extras), ensure_ascii=False, indent=2))
    elif FriendRepository(context.db).count() == 0:
        say(EMPTY_HINT)
    else:
        say(week_text(context, items, monday, extras, show_all), color=context.color)


@click.command()
@click.option("--from", "start", metavar="YYYY-MM-DD", help="First day (default: today).")
@click.option("--days", type=int, help="How many days to look ahead (default from settings: 30).")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of agenda items.")
@click.option("--all", "show_all", is_flag=True, help="List every friend who might enjoy a letter, not a few.")
@click.pass_obj
def upcoming(context: RitualContext, start: str | None, days: int | None, as_json: bool, show_all: bool) -> None:
    """Everything due in the coming days, and what is still open from before."""
    today = context.clock.today()
    first = parse_day(start, "--from") if start else today
    span = context.settings.upcoming_days if days is None else days
    if span < 1:
        raise click.BadParameter(f"{span} must be 1 or more", param_hint="--days")
    last = first + timedelta(days=span - 1)
    items = agenda(context.settings, context.db, first, last, today)
    if as_json:
        print_json(items)
    else:
        say(render_upcoming(items, first, last, Styler(context.color), show_all), color=context.color)


def register(group: click.Group) -> None:
    """Add this module's commands to the root group."""
    group.add_command(week)
    group.add_command(upcoming)
