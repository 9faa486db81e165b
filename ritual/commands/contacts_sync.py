"""`ritual sync contacts` and `ritual sync conflicts`: friends kept in step with a vdir address book."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ritual.commands.calendar import sync_group
from ritual.text.safe import say
from ritual.context import RitualContext

FIELDS_HELP = "name, nickname, birthday, anniversary, addresses, tags or notes"


@click.command("contacts")
@click.argument("folder", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Show what would change on either side; change nothing.")
@click.option("--force", is_flag=True, help="Allow removing more than a tenth of the contacts in one sync.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array with one object per folder.")
@click.pass_obj
def sync_contacts(context: RitualContext, folder: Path | None, dry_run: bool, force: bool, as_json: bool) -> None:
    """Keep friends and a vdir address book (khard, vdirsyncer) in step, both ways.

    FOLDER is a vdir (one .vcf per contact); without it, the folders of contacts_vdir in the settings.
    Exits 1 when a conflict or a skipped card needs a look.
    """
    from ritual.services.contacts.vdir_run import sync_all
    from ritual.text.contacts_sync import describe_reports

    reports = sync_all(context.db, context.settings.contacts, context.clock.now(), folder, dry_run, force)
    say(describe_reports(reports, as_json))
    if any(r.conflicts or r.skipped for r in reports):
        sys.exit(1)


@click.command("conflicts")
@click.argument("friend", required=False)
@click.option("--keep", type=click.Choice(["ritual", "card"]), help="Settle the conflicts by keeping this side.")
@click.option("--field", "field_name", metavar="FIELD", help=f"Only this field: {FIELDS_HELP}.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of conflicts.")
@click.pass_obj
def sync_conflicts(context: RitualContext, friend: str | None, keep: str | None, field_name: str | None,
                   as_json: bool) -> None:
    """List fields changed on both sides since the last contacts sync, or settle them with --keep."""
    from ritual.errors import RitualError
    from ritual.services.contacts.vdir_run import resolve_conflicts
    from ritual.store.friends import FriendRepository
    from ritual.store.vdir_state import VdirState
    from ritual.text.contacts_sync import describe_conflicts, describe_reports

    repo = FriendRepository(context.db)
    chosen = VdirState(context.db).conflicts()
    if friend is not None:
        wanted = repo.find(friend).id
        chosen = [c for c in chosen if c.friend_id == wanted]
    if field_name is not None:
        wanted_field = _field(field_name)
        chosen = [c for c in chosen if c.field == wanted_field]
    if keep is None:
        names = {f.id: f.name for f in repo.all()}
        say(describe_conflicts([(names.get(c.friend_id, "?"), c) for c in chosen], as_json))
        return
    if not chosen:
        raise RitualError("no conflict matches; `ritual sync conflicts` lists them")
    reports = resolve_conflicts(context.db, context.settings.contacts, context.clock.now(), chosen, keep)
    say(describe_reports(reports, as_json))


def _field(text: str) -> str:
    """The field a user named (circles, address and note accepted too)."""
    from ritual.errors import InvalidValue
    from ritual.services.contacts.vdir_merge import FIELDS

    name = {"circles": "tags", "address": "addresses", "note": "notes"}.get(text.strip().lower(), text.strip().lower())
    if name not in FIELDS:
        raise InvalidValue("--field", text, f"must be one of {FIELDS_HELP}")
    return name


def register(group: click.Group) -> None:
    """Add `contacts` and `conflicts` to the `sync` group (the calendar module adds the group to the root)."""
    sync_group.add_command(sync_contacts)
    sync_group.add_command(sync_conflicts)
