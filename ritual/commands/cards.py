"""`ritual card list|written|posted|arrived|skip|given|undo`: each card's life, from planned to arrived."""

from __future__ import annotations

import json

import click

from ritual.text.safe import say
from ritual.context import RitualContext
from ritual.core import ranges
from ritual.core.cards import ENDINGS, GIVEN, SKIPPED
from ritual.core.date_words import parse_day_words, parse_past_day
from ritual.services.cards.listing import card_book
from ritual.services.cards.steps import ARRIVED, POSTED, UNDO, WRITTEN, card_step
from ritual.text.cards import card_row, change_text


@click.group()
def card() -> None:
    """Cards: one friend's occasion on one date, planned, written, posted, arrived (or skipped, or given)."""


@card.command("list")
@click.option("--open", "which", flag_value="open", help="Only cards still to write or post.")
@click.option("--done", "which", flag_value="done", help="Only cards posted, arrived, skipped or given.")
@click.option("--days", type=click.IntRange(*ranges.DAYS_AHEAD.bounds), help="How far ahead (default from settings: 30).")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of cards.")
@click.pass_obj
def list_cards(context: RitualContext, which: str | None, days: int | None, as_json: bool) -> None:
    """The cards of the coming days, those still open from before, and a year of cards that moved on."""
    today = context.clock.today()
    cards = card_book(context.settings, context.db, today, days or context.settings.upcoming_days)
    if which:
        cards = [c for c in cards if c.is_open == (which == "open")]
    if as_json:
        say(json.dumps([c.as_dict() for c in cards], ensure_ascii=False, indent=2))
    elif not cards:
        say("No cards here.")
    else:
        say("\n".join(card_row(c) for c in cards))


def _step_command(action: str, summary: str, with_note: bool = False) -> click.Command:
    """One command per step, all taking WHO OCCASION [--date D] [--on D]."""

    @click.pass_obj
    def run(context: RitualContext, who: str, occasion: str, day: str | None, on: str | None = None, note: str = "") -> None:
        today = context.clock.today()
        occasion_date = parse_day_words(day, today, "--date") if day else None
        when = parse_past_day(on, today, "--on") if on else None
        change = card_step(context.settings, context.db, who, occasion.strip(), action, today, occasion_date, when, note)
        say(change_text(change.before, change.after, undone=action == UNDO))

    params = [
        click.Argument(["who"]), click.Argument(["occasion"]),
        click.Option(["--date", "day"], metavar="DATE", help="The occasion's date, when more than one is near."),
        click.Option(["--on"], metavar="DATE", help="When it happened (default: today)."),
    ]
    if with_note:
        params.append(click.Option(["--note"], default="", help="Why, if you like (kept with the card)."))
    if action == UNDO:
        params.pop()  # undo has no day of its own
    return click.Command(action if action not in ENDINGS else {SKIPPED: "skip", GIVEN: "given"}[action],
                         callback=run, params=params, help=summary)


for _action, _summary, _note in (
    (WRITTEN, "WHO's OCCASION card is written.", False),
    (POSTED, "WHO's OCCASION card went into the post.", False),
    (ARRIVED, "WHO's OCCASION card arrived.", False),
    (SKIPPED, "Not this year: skip WHO's OCCASION card (other years stay planned).", True),
    (GIVEN, "WHO's OCCASION card was handed over or sent another way.", True),
    (UNDO, "Take back the last step on WHO's OCCASION card.", False),
):
    card.add_command(_step_command(_action, _summary, _note))


def register(group: click.Group) -> None:
    """Add this module's commands to the root group."""
    group.add_command(card)
