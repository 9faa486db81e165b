"""`ritual envelope` and `ritual labels`: addresses laid out by each country's rules, printed as PDF."""

from __future__ import annotations

from pathlib import Path

import click

from ritual.commands.transfer import OUTPUT_PATH
from ritual.context import RitualContext
from ritual.core.model import Friend
from ritual.errors import RitualError
from ritual.store.friends import FriendRepository
from ritual.store.projects import ProjectRepository, check_status
from ritual.private_files import is_stdout
from ritual.text.safe import say


class AddressesIncomplete(RitualError):
    """Some addresses lack what their country's post requires; nothing was printed."""

    exit_code = 1


def _formatted(context: RitualContext, friends: list[Friend], anyway: bool) -> list:
    from ritual.services.post.address_format import format_friend

    done = [format_friend(f, context.settings.home_country) for f in friends]
    for address in (a for a in done if a.problems and a.printable):
        say(f"note: {address.problem_text()}", err=True)
    stuck = [a for a in done if not a.printable]
    if stuck and not anyway:
        listing = "\n".join(f"  {a.problem_text()}" for a in stuck)
        raise AddressesIncomplete(f"nothing printed; these addresses need more first (or use --anyway):\n{listing}")
    return done


def _recipients(context: RitualContext, names: tuple[str, ...], tag: str | None, project: str | None,
                status: str | None) -> list[Friend]:
    repo = FriendRepository(context.db)
    if project:
        chosen = ProjectRepository(context.db).get(project)
        wanted = check_status(status) if status else None
        return [repo.get(m.friend_id) for m in chosen.members if wanted in (None, m.status)]
    friends = [repo.find(name) for name in names]
    if tag:
        friends += repo.all(tag=tag)
    return list({f.id: f for f in friends}.values())


@click.command()
@click.argument("who")
@click.option("--size", type=click.Choice(["DL", "C6", "C5", "US10"], case_sensitive=False), default="DL", show_default=True)
@click.option("--pdf", "pdf_path", type=OUTPUT_PATH, help="Write the envelope here (- for standard output); without it, show the address.")
@click.option("--anyway", is_flag=True, help="Print even when the address lacks a field its country requires.")
@click.pass_obj
def envelope(context: RitualContext, who: str, size: str, pdf_path: Path | None, anyway: bool) -> None:
    """The address of WHO laid out as their country's post expects, as text or an envelope PDF."""
    friend = FriendRepository(context.db).find(who)
    address = _formatted(context, [friend], anyway or pdf_path is None)[0]
    if pdf_path is None:
        say("\n".join(address.lines))
        return
    from ritual.services.post.envelopes import envelope_pdf

    written = envelope_pdf(address, context.settings.return_address, size.upper(), pdf_path)
    note = "" if context.settings.return_address else " (no return address: set return_address in config.toml)"
    say(f"Wrote a {size.upper()} envelope to {friend.name} in {_where(written)}.{note}", err=is_stdout(written))


@click.command()
@click.argument("who", nargs=-1)
@click.option("--tag", help="Everyone in this circle.")
@click.option("--project", help="Everyone in this project (see `ritual project list`).")
@click.option("--status", help="With --project: only cards at this status (to_write, written, ...).")
@click.option("--sheet", type=click.Choice(["A4-21", "LETTER-30"], case_sensitive=False), default="A4-21", show_default=True)
@click.option("--pdf", "pdf_path", required=True, type=OUTPUT_PATH, help="Write the labels here; - for standard output.")
@click.option("--anyway", is_flag=True, help="Print even addresses that lack a field their country requires.")
@click.pass_obj
def labels(context: RitualContext, who: tuple[str, ...], tag: str | None, project: str | None, status: str | None,
           sheet: str, pdf_path: Path, anyway: bool) -> None:
    """Address labels for WHO (names or ids), a --tag or a --project, as a PDF of label sheets."""
    if not (who or tag or project):
        raise click.UsageError("say whose labels to print: names, --tag or --project")
    friends = _recipients(context, who, tag, project, status)
    if not friends:
        raise AddressesIncomplete("nobody to print labels for")
    addresses = _formatted(context, friends, anyway)
    from ritual.services.post.labels import labels_pdf

    written = labels_pdf(addresses, sheet.upper(), pdf_path)
    count = f"{len(addresses)} {'label' if len(addresses) == 1 else 'labels'}"
    say(f"Wrote {count} ({sheet.upper()}) in {_where(written)}.", err=is_stdout(written))


def _where(written: Path) -> str:
    return "standard output" if is_stdout(written) else str(written)


def register(group: click.Group) -> None:
    """Add this module's commands to the root group."""
    group.add_command(envelope)
    group.add_command(labels)
