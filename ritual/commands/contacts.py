"""`ritual import vcard|csv`, `ritual export vcard`, `ritual backup` and `ritual restore`."""

from __future__ import annotations

import sys
from contextlib import nullcontext
from pathlib import Path

import click

from ritual.commands.transfer import OUTPUT_PATH, export_group, import_group
from ritual.context import RitualContext
from ritual.text.safe import say, say_document

# Below this many records an import is over before a bar would be worth drawing.
_PROGRESS_FROM = 500


@click.command("vcard")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Show what would change; save nothing.")
@click.option("--tag", "tags", multiple=True, help="Put everyone imported into this circle (repeatable).")
@click.option("--overwrite", is_flag=True, help="Let the file's values replace fields you edited in ritual.")
@click.option("--verbose", "-v", is_flag=True, help="List every record and what happened to it.")
@click.option("--encoding", default=None, metavar="NAME",
              help="The files' encoding (shift_jis, cp1252, ...) when they are not UTF-8; detected otherwise.")
@click.pass_obj
def import_vcard(context: RitualContext, paths: tuple[Path, ...], dry_run: bool, tags: tuple[str, ...],
                 overwrite: bool, verbose: bool, encoding: str | None) -> None:
    """Import friends from vCard files or folders of them (2.1, 3.0, 4.0).

    A dry run lists what would happen to each contact; --verbose lists it for a real import too.
    """
    from ritual.services.contacts.friend_fields import parse_tags
    from ritual.services.contacts.importer import few_collections
    from ritual.services.contacts.vcard_import import iter_vcard_paths

    with few_collections():
        batches = [(str(path), records) for path, records in iter_vcard_paths(list(paths), encoding=encoding)]
        _run_import(context, batches, "vcard", overwrite, dry_run, parse_tags(tags), verbose)


@click.command("csv")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Show what would change; save nothing.")
@click.option("--tag", "tags", multiple=True, help="Put everyone imported into this circle (repeatable).")
@click.option("--overwrite", is_flag=True, help="Let the file's values replace fields you edited in ritual.")
@click.option("--verbose", "-v", is_flag=True, help="List every record and what happened to it.")
@click.option("--encoding", default=None, metavar="NAME",
              help="The file's encoding (shift_jis, cp1252, ...) when it is not UTF-8; detected otherwise.")
@click.pass_obj
def import_csv(context: RitualContext, file: Path, dry_run: bool, tags: tuple[str, ...], overwrite: bool,
               verbose: bool, encoding: str | None) -> None:
    """Import friends from a Google, Outlook, Thunderbird or simple CSV file.

    The simple format is a header row naming any of: name (required), nickname, birthday, anniversary,
    street, city, region, postal_code, country, tags, notes. Dates are YYYY-MM-DD, MM-DD (year unknown)
    or --MM (month only); tags are separated by commas.
    """
    from ritual.services.contacts.csv_import import read_csv_file
    from ritual.services.contacts.friend_fields import parse_tags
    from ritual.services.contacts.importer import few_collections

    with few_collections():
        batch = (str(file), read_csv_file(file, encoding=encoding))
        _run_import(context, [batch], "csv", overwrite, dry_run, parse_tags(tags), verbose)


def _run_import(context: RitualContext, batches: list, source: str, overwrite: bool, dry_run: bool,
                tags: tuple[str, ...], verbose: bool = False) -> None:
    from ritual.services.contacts.importer import import_contacts
    from ritual.text.contacts_report import summary_lines

    total = sum(len(records) for _, records in batches)
    show_bar = total >= _PROGRESS_FROM and sys.stderr.isatty()
    bar = click.progressbar(length=total, label="Importing", file=sys.stderr) if show_bar else nullcontext()
    with bar as progress:
        summary = import_contacts(context.db, batches, source, overwrite, dry_run,
                                  progress.update if show_bar else None, tags)
    for line in summary_lines(summary, len(batches), verbose):
        say(line)


@click.command("vcard")
@click.option("--out", "out", type=OUTPUT_PATH,
              help="A .vcf file, or a folder for one card per friend (a vdir). Default: standard output.")
@click.option("--version", "version", type=click.Choice(["3.0", "4.0"]), default="3.0", show_default=True,
              help="vCard version to write.")
@click.pass_obj
def export_vcard(context: RitualContext, out: Path | None, version: str) -> None:
    """Write every friend as vCards other address books read."""
    from ritual.private_files import is_stdout
    from ritual.services.contacts.vcard_export import export_friends
    from ritual.store.friends import FriendRepository
    from ritual.store.sources import SourceStore

    friends = FriendRepository(context.db).all()
    written = export_friends(friends, out, version, SourceStore(context.db.connection).external_ids())
    if out is None or is_stdout(out):
        say_document(written)
    else:
        say(f"Wrote {len(friends)} friends to {written}.")


@click.command("backup")
@click.option("--out", "out", type=OUTPUT_PATH,
              help="Where to write the backup; - for standard output (default: a dated file in the backups folder).")
@click.pass_obj
def backup(context: RitualContext, out: Path | None) -> None:
    """Write everything ritual keeps to one JSON file that `ritual restore` reads back."""
    from ritual.services.backup.write import write_backup

    from ritual.private_files import is_stdout

    written = write_backup(context.db, context.paths, out, context.clock.now())
    if not is_stdout(written):
        say(f"Backed up to {written}.")


@click.command("restore")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.pass_obj
def restore(context: RitualContext, file: Path) -> None:
    """Load a backup written by `ritual backup` into this (empty) home."""
    from ritual.services.backup.restore import restore_backup

    db = context.db
    if context.finished_restore:
        say("Finished the restore that was stopped before: its settings files are written now.")
        return
    counts = restore_backup(db, context.paths, file)
    say(f"Restored {counts.get('friends', 0)} friends and {sum(counts.values())} rows from {file}.")


def register(group: click.Group) -> None:
    """Add the contacts formats to `import`/`export`, and backup/restore to the root group."""
    import_group.add_command(import_vcard)
    import_group.add_command(import_csv)
    export_group.add_command(export_vcard)
    group.add_command(backup)
    group.add_command(restore)
