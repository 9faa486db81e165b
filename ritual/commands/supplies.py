"""`ritual supplies [set KIND N | add KIND N | remove KIND]`: stamps and cards on hand."""

from __future__ import annotations

import json

import click

from ritual.core import ranges
from ritual.context import RitualContext
from ritual.core.supplies import STANDARD_KINDS, counted, supply_kind, words_for
from ritual.store.supplies import SupplyRepository
from ritual.text.safe import say

NOTHING_YET = ("No supplies counted yet. Say what you have, for example:\n\n"
               "  ritual supplies set domestic 20\n  ritual supplies set international 5\n  ritual supplies set cards 12\n\n"
               "Once counted, the week tells you calmly when the letters due need more, "
               "and each letter logged as posted uses a stamp.")


def supplies_text(on_hand: dict[str, int]) -> str:
    """Every kind counted and how many are on hand."""
    if not on_hand:
        return NOTHING_YET
    width = max(len(words_for(k)) for k in on_hand)
    return "On hand\n" + "\n".join(f"  {words_for(k):<{width}}  {n:>4}" for k, n in on_hand.items())


@click.group(invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help="Print the counts as a JSON object.")
@click.pass_context
def supplies(ctx: click.Context, as_json: bool) -> None:
    """Stamps (domestic, international, postcard stamps), cards, postcards, envelopes and notecards on hand."""
    if ctx.invoked_subcommand is not None:
        return
    on_hand = SupplyRepository(ctx.obj.db).all()
    say(json.dumps(on_hand, ensure_ascii=False, indent=2) if as_json else supplies_text(on_hand))


@supplies.command("set")
@click.argument("kind")
@click.argument("count", type=click.IntRange(*ranges.COUNT.bounds))
@click.pass_obj
def set_count(context: RitualContext, kind: str, count: int) -> None:
    """Say how many of KIND you have: domestic, international, cards, postcards, postcard stamps, envelopes, notecards."""
    key = supply_kind(kind)
    SupplyRepository(context.db).set(key, count)
    say(f"{counted(count, key)} on hand.{_own_kind_note(key)}")


@supplies.command("add", context_settings={"ignore_unknown_options": True})
@click.argument("kind")
@click.argument("count", type=click.IntRange(-ranges.COUNT.high, ranges.COUNT.high))
@click.pass_obj
def add(context: RitualContext, kind: str, count: int) -> None:
    """Add COUNT of KIND (a negative COUNT takes some away)."""
    key = supply_kind(kind)
    now = SupplyRepository(context.db).add(key, count)
    say(f"{counted(now, key)} on hand.{_own_kind_note(key)}")


@supplies.command("remove")
@click.argument("kind")
@click.pass_obj
def remove(context: RitualContext, kind: str) -> None:
    """Stop counting KIND: it leaves the list and the week says nothing more about it."""
    removed = SupplyRepository(context.db).remove(kind)
    say(f"No longer counting {words_for(removed)}.")


def _own_kind_note(kind: str) -> str:
    if kind in STANDARD_KINDS:
        return ""
    return " (counted here; the week plan checks domestic, international and cards)"


def register(group: click.Group) -> None:
    """Add this module's commands to the root group."""
    group.add_command(supplies)
