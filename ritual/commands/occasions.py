"""`ritual occasion add|list|rm`: anniversaries and other dates worth a card."""

from __future__ import annotations

import json

import click

from ritual.core import ranges
from ritual.context import RitualContext
from ritual.core.date_words import parse_partial_words
from ritual.core.model import Occasion
from ritual.text.output import removal_confirmed
from ritual.services.planning.serialize import occasion_dict
from ritual.store.friends import FriendRepository
from ritual.text.safe import say


@click.group()
def occasion() -> None:
    """Anniversaries and other yearly or one-off dates, per friend."""


@occasion.command("add")
@click.argument("who")
@click.argument("name")
@click.argument("when", metavar="DATE")
@click.option("--once", is_flag=True, help="A one-off date (needs a year) instead of a yearly one.")
@click.option("--no-card", is_flag=True, help="Remember the day but plan no card for it.")
@click.pass_obj
def add(context: RitualContext, who: str, name: str, when: str, once: bool, no_card: bool) -> None:
    """Add occasion NAME on DATE to a friend (NAME or ID). DATE: 8 January, 8 January 1990, YYYY-MM-DD, MM-DD, --MM or tomorrow."""
    repo = FriendRepository(context.db)
    found = repo.find(who)
    new = Occasion(name=name.strip(), date=parse_partial_words(when, "occasion date", context.clock.today()), yearly=not once, card=not no_card)
    stored = repo.add_occasion(found.id, new)
    say(f"Added {stored.name} on {stored.date.words()} for {found.name} (occasion #{stored.id}).")


@occasion.command("list")
@click.argument("who", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of occasions.")
@click.pass_obj
def list_occasions(context: RitualContext, who: str | None, as_json: bool) -> None:
    """List occasions of one friend, or of everyone."""
    repo = FriendRepository(context.db)
    friends = [repo.find(who)] if who else repo.all()
    rows = [(f, o) for f in friends for o in f.occasions]
    if as_json:
        data = [{**occasion_dict(o), "friend": f.name, "friend_id": f.id} for f, o in rows]
        say(json.dumps(data, ensure_ascii=False, indent=2))
        return
    if not rows:
        say("No occasions yet. Add one with: ritual occasion add NAME anniversary 2015-06-20")
    for f, o in rows:
        kind = "yearly" if o.yearly else "once"
        card = "" if o.card else ", no card"
        say(f"{o.id:>5}  {f.name[:28]:<28}  {o.name[:20]:<20}  {o.date.words():<17}  {kind}{card}")


@occasion.command("rm")
@click.argument("occasion_id", type=click.IntRange(1, ranges.ID.high))
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@click.pass_obj
def remove(context: RitualContext, occasion_id: int, yes: bool) -> None:
    """Remove the occasion with this ID (see `ritual occasion list`)."""
    repo = FriendRepository(context.db)
    owner = repo.get(repo.occasion_owner(occasion_id))
    target = next(o for o in owner.occasions if o.id == occasion_id)
    if not removal_confirmed(f"Remove {owner.name}'s {target.name} ({target.date.words()})?", yes):
        return
    repo.remove_occasion(occasion_id)
    say(f"Removed {owner.name}'s {target.name}.")


def register(group: click.Group) -> None:
    """Add this module's commands to the root group."""
    group.add_command(occasion)
