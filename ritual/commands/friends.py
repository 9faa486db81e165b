"""`ritual friend add|list|show|edit|rm`."""

from __future__ import annotations

import json
from datetime import date, timedelta

import click

from ritual.context import RitualContext
from ritual.core.model import Friend
from ritual.text.output import Styler, removal_confirmed
from ritual.text.render import render_friend, render_friend_row
from ritual.services.contacts import friend_fields as fields
from ritual.services.planning.agenda import agenda
from ritual.services.planning.serialize import friend_dict
from ritual.store.friends import FriendRepository
from ritual.text.safe import say

_ADDRESS_OPTIONS = {"address": "lines", "city": "city", "region": "region", "postal_code": "postal_code",
                    "country": "country", "address_label": "label"}


def friend_options(editing: bool):
    """The options `add` and `edit` share; when editing, an absent option leaves the field alone."""

    def decorate(command):
        options = [
            click.option("--nickname", help="What you call them."),
            click.option("--birthday", metavar="DATE", help="YYYY-MM-DD, MM-DD (year unknown) or --MM (month only)."),
            click.option("--feb29", metavar="POLICY", help="For a 29 Feb birthday in common years: feb28 or mar1."),
            click.option("--birthday-card/--no-birthday-card", default=None, help="Whether their birthday wants a card."),
            click.option("--address", multiple=True, metavar="LINE", help="A street line; repeat for more lines."),
            click.option("--city", help="City or town."),
            click.option("--region", help="State, province or county."),
            click.option("--postal-code", help="Postal or ZIP code."),
            click.option("--country", metavar="CC", help="ISO country code or name (DE, Japan)."),
            click.option("--address-label", metavar="LABEL", help="home, work, ..."),
            click.option("--tag", multiple=True, help="A circle they belong to; repeat or separate with commas."),
            click.option("--relationship", help="friend, family, partner, mentor, colleague, pen pal, ..."),
            click.option("--how-met", help="How you met."),
            click.option("--note", help="Free notes (replaces the notes when editing)."),
            click.option("--keep-in-touch", metavar="DAYS", help="Write at least every DAYS days (off to stop)."),
            click.option("--last-sent", metavar="DATE", help="When you last wrote to them."),
            click.option("--last-received", metavar="DATE", help="When they last wrote to you."),
        ]
        if editing:
            options += [
                click.option("--name", "new_name", help="A new display name."),
                click.option("--untag", multiple=True, help="Remove them from a circle."),
            ]
        for option in reversed(options):
            command = option(command)
        return command

    return decorate


def apply_options(friend: Friend, opts: dict, today: date) -> Friend:
    """The friend with every given option applied, each value checked and named on error."""
    changes: dict = {}
    if opts.get("new_name") is not None:
        changes["name"] = opts["new_name"]
    for key in ("nickname", "relationship", "how_met"):
        if opts.get(key) is not None:
            changes[key] = opts[key].strip()
    if opts.get("note") is not None:
        changes["notes"] = opts["note"]
    if opts.get("birthday") is not None:
        changes["birthday"] = fields.parse_birthday(opts["birthday"])
    if opts.get("feb29") is not None:
        changes["feb29"] = fields.parse_feb29(opts["feb29"])
    if opts.get("birthday_card") is not None:
        changes["birthday_card"] = opts["birthday_card"]
    if opts.get("keep_in_touch") is not None:
        changes["cadence_days"] = fields.parse_cadence(opts["keep_in_touch"])
    for key, field in (("last_sent", "--last-sent"), ("last_received", "--last-received")):
        if opts.get(key) is not None:
            changes[key] = fields.parse_optional_day(opts[key], field, today)
    tags = [t for t in friend.tags if t not in fields.parse_tags(opts.get("untag") or ())]
    tags += [t for t in fields.parse_tags(opts.get("tag") or ()) if t not in tags]
    changes["tags"] = tuple(tags)
    updated = friend._replace(**changes)
    address_changes = {
        target: (tuple(opts[source]) if source == "address" else opts[source])
        for source, target in _ADDRESS_OPTIONS.items()
        if opts.get(source) not in (None, ())
    }
    if address_changes:
        updated = fields.with_primary_address(updated, **address_changes)
    return updated


@click.group()
def friend() -> None:
    """Add, list, show, edit and remove friends."""


@friend.command("add")
@click.argument("name")
@friend_options(editing=False)
@click.pass_obj
def add(context: RitualContext, name: str, **opts) -> None:
    """Add a friend called NAME."""
    new = apply_options(Friend(name=name.strip()), opts, context.clock.today())
    stored = FriendRepository(context.db).add(new)
    say(f"Added {stored.name} (#{stored.id}).")


@friend.command("list")
@click.option("--tag", help="Only friends in this circle.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of friends.")
@click.pass_obj
def list_friends(context: RitualContext, tag: str | None, as_json: bool) -> None:
    """List friends, sorted by name."""
    friends = FriendRepository(context.db).all(tag)
    if as_json:
        say(json.dumps([friend_dict(f) for f in friends], ensure_ascii=False, indent=2))
        return
    if not friends:
        say("No friends in this circle." if tag else "No friends yet. Add one with: ritual friend add NAME")
        return
    for found in friends:
        say(render_friend_row(found))


@friend.command("show")
@click.argument("who")
@click.option("--json", "as_json", is_flag=True, help="Print the friend as JSON.")
@click.pass_obj
def show(context: RitualContext, who: str, as_json: bool) -> None:
    """Everything about one friend (NAME or ID), with what is coming up."""
    found = FriendRepository(context.db).find(who)
    if as_json:
        say(json.dumps(friend_dict(found), ensure_ascii=False, indent=2))
        return
    today = context.clock.today()
    items = agenda(context.settings, context.db, today, today + timedelta(days=365), today)
    mine = [i for i in items if i.friend_id == found.id][:8]
    say(render_friend(found, mine, Styler(context.color)), color=context.color)


@friend.command("edit")
@click.argument("who")
@friend_options(editing=True)
@click.pass_obj
def edit(context: RitualContext, who: str, **opts) -> None:
    """Change a friend (NAME or ID); options you leave out stay as they are."""
    repo = FriendRepository(context.db)
    updated = repo.update(apply_options(repo.find(who), opts, context.clock.today()))
    say(f"Saved {updated.name} (#{updated.id}).")


@friend.command("rm")
@click.argument("who")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@click.pass_obj
def remove(context: RitualContext, who: str, yes: bool) -> None:
    """Remove a friend (NAME or ID) with their occasions, letters and reflections."""
    repo = FriendRepository(context.db)
    found = repo.find(who)
    question = f"Remove {found.name} (#{found.id}) with their occasions, letters and reflections?"
    if not removal_confirmed(question, yes):
        return
    repo.delete(found.id)
    say(f"Removed {found.name}.")


def register(group: click.Group) -> None:
    """Add this module's commands to the root group."""
    group.add_command(friend)
