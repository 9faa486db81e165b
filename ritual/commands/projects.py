"""`ritual project add|list|show|set-status|rm`: a batch of cards and where each person's card stands."""

from __future__ import annotations

import json
from datetime import date

import click

from ritual.context import RitualContext
from ritual.errors import InvalidValue
from ritual.core.dates import parse_day
from ritual.core.fields import check_text
from ritual.core.text import short_day
from ritual.text.output import removal_confirmed
from ritual.store.friends import FriendRepository
from ritual.store.projects import STATUSES, Project, ProjectRepository, check_status
from ritual.text.safe import say

STATUS_WORDS = {"to_write": "to write", "written": "written", "posted": "in the post", "arrived": "arrived",
                "skipped": "skipped this year", "given": "given"}


def _friend_ids(context: RitualContext, names: tuple[str, ...], tags: tuple[str, ...]) -> list[int]:
    repo = FriendRepository(context.db)
    ids = [repo.find(name).id for name in names]
    for tag in tags:
        ids += [f.id for f in repo.all(tag=tag)]
    return list(dict.fromkeys(ids))


def project_row(project: Project) -> str:
    """One line of `ritual project list`."""
    counts = project.counts()
    due = f"by {short_day(project.due)} {project.due.year}" if project.due else "no date: see show"
    done = ", ".join(f"{n} {STATUS_WORDS[s]}" for s, n in counts.items() if n)
    return f"{project.id:>4}  {project.name[:28]:<28}  {due:<16}  {done or 'nobody yet'}"


def project_details(project: Project) -> str:
    """A project with each person and their card's status."""
    about = " · ".join(p for p in (project.occasion, f"by {short_day(project.due)} {project.due.year}" if project.due else "") if p)
    lines = [project.name + (f"  ({about})" if about else "") + f"  #{project.id}"]
    if project.due is None and project.created is not None:
        lines.append(f"  No date: its cards carry {short_day(project.created)} {project.created.year}, the day it "
                     f'was started. Give it one: ritual project add "{project.name}" --due YYYY-MM-DD')
    lines += [f"  {m.friend[:34]:<34}  {STATUS_WORDS[m.status]}" for m in project.members]
    if not project.members:
        lines.append(f'  Nobody yet: ritual project add "{project.name}" --tag family (or names)')
    return "\n".join(lines)


@click.group()
def project() -> None:
    """Projects: a batch of cards (holiday cards 2026) with where each card stands."""


@project.command("add")
@click.argument("name")
@click.argument("who", nargs=-1)
@click.option("--tag", multiple=True, help="Add everyone in this circle; repeat for more.")
@click.option("--occasion", default="", help="What the cards are for (optional).")
@click.option("--due", metavar="YYYY-MM-DD", help="The day the cards should be written by.")
@click.pass_obj
def add(context: RitualContext, name: str, who: tuple[str, ...], tag: tuple[str, ...], occasion: str, due: str | None) -> None:
    """Start project NAME (or add to it) with WHO (names or ids) and everyone tagged --tag."""
    repo = ProjectRepository(context.db)
    existing = [p for p in repo.all() if p.name.casefold() == name.strip().casefold()]
    day = parse_day(due, "--due") if due else None
    chosen = existing[0] if existing else repo.create(name, occasion, _needed(name, day))
    added = repo.add_members(chosen.id, _friend_ids(context, who, tag))
    verb = "Added to" if existing else "Started"
    say(f"{verb} {chosen.name} (#{chosen.id}): {added} new, {len(repo.get(str(chosen.id)).members)} in all.")
    if existing and day is not None and day != chosen.due:
        moved = repo.set_due(chosen.id, day)
        say(f"Its cards are now for {short_day(day)} {day.year}" + (f" ({moved} moved with it)." if moved else "."))


def _needed(name: str, day: date | None) -> date:
    """A new project's cards need a day they are for; none is made up."""
    check_text("project name", name)
    if day is None:
        raise InvalidValue("--due", "(not given)", "is needed to start a project: the day its cards are for, "
                           "such as --due 2026-12-10 (a card needs a date, and ritual will not guess one)")
    return day


@project.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of projects.")
@click.pass_obj
def list_projects(context: RitualContext, as_json: bool) -> None:
    """Every project and how far its cards have come."""
    projects = ProjectRepository(context.db).all()
    if as_json:
        say(json.dumps([p.as_dict() for p in projects], ensure_ascii=False, indent=2))
    elif not projects:
        say('No projects yet. Start one with: ritual project add "Holiday cards 2026" --tag family --due 2026-12-10')
    else:
        say("\n".join(project_row(p) for p in projects))


@project.command("show")
@click.argument("name")
@click.option("--json", "as_json", is_flag=True, help="Print the project as JSON.")
@click.pass_obj
def show(context: RitualContext, name: str, as_json: bool) -> None:
    """Everyone in project NAME and where their card stands."""
    found = ProjectRepository(context.db).get(name)
    say(json.dumps(found.as_dict(), ensure_ascii=False, indent=2) if as_json else project_details(found))


@project.command("set-status")
@click.argument("name")
@click.argument("status", metavar="|".join(STATUSES))
@click.argument("who", nargs=-1)
@click.option("--all", "everyone", is_flag=True, help="Everyone in the project.")
@click.pass_obj
def set_status(context: RitualContext, name: str, status: str, who: tuple[str, ...], everyone: bool) -> None:
    """Move the cards of WHO (or --all) in project NAME to STATUS."""
    repo = ProjectRepository(context.db)
    found = repo.get(name)
    kept = check_status(status)
    if not who and not everyone:
        raise click.UsageError("say whose card moved (names or ids), or --all")
    ids = [m.friend_id for m in found.members] if everyone else _friend_ids(context, who, ())
    moved = repo.set_status(found.id, ids, kept, context.clock.today())
    missing = len(ids) - moved
    note = f" ({missing} not in this project; add them with `ritual project add`)" if missing else ""
    say(f"{moved} {'card' if moved == 1 else 'cards'} in {found.name} now {STATUS_WORDS[kept]}.{note}")


@project.command("rm")
@click.argument("name")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@click.pass_obj
def remove(context: RitualContext, name: str, yes: bool) -> None:
    """Remove project NAME (the friends stay)."""
    repo = ProjectRepository(context.db)
    found = repo.get(name)
    if not removal_confirmed(f"Remove {found.name} and its list of {len(found.members)}?", yes):
        return
    repo.remove(found.id)
    say(f"Removed {found.name}.")


def register(group: click.Group) -> None:
    """Add this module's commands to the root group."""
    group.add_command(project)
