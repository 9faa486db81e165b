"""`ritual review`: the Sunday evening pass over open cards, the coming week, supplies and the week's envelopes."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from ritual.context import RitualContext
from ritual.errors import RitualError
from ritual.text.output import Styler, clean
from ritual.text.safe import say


@click.command()
@click.option("--show", is_flag=True, help="Show every step and ask nothing (for scripts).")
@click.option("--pdf", "pdf_path", type=click.Path(dir_okay=False), help="Print the week's envelopes (or labels) here.")
@click.option("--labels", "as_labels", is_flag=True, help="With --pdf: a sheet of labels instead of envelopes.")
@click.option("--size", type=click.Choice(["DL", "C6", "C5", "US10"], case_sensitive=False), default="DL", show_default=True)
@click.option("--sheet", type=click.Choice(["A4-21", "LETTER-30"], case_sensitive=False), default="A4-21", show_default=True)
@click.pass_obj
def review(context: RitualContext, show: bool, pdf_path: str | None, as_labels: bool, size: str, sheet: str) -> None:
    """One calm pass: open cards, the coming week and its sessions, supplies, and the week's envelopes.

    Every step can be skipped with Enter; nothing is marked or printed unless you say so.
    """
    from ritual.services.review.weekly import weekly_review
    from ritual.text import review as words

    style = Styler(context.color)
    today = context.clock.today()
    found = weekly_review(context.settings, context.db, today)
    _echo(context, [words.heading(found, style)] + words.still_open_lines(found, style))
    _mark_open(context, found, today, ask=not show)
    _echo(context, words.coming_lines(found, style) + words.supplies_lines(found, style))
    names = _names(context, found.to_post)
    _echo(context, words.post_lines(found, names, style))
    choice = ("labels" if as_labels else "envelopes") if pdf_path else (None if show or not names else _ask_print())
    if choice and names:
        target = Path(pdf_path) if pdf_path else _ask_path(today, choice)
        _print(context, found.to_post, choice, target, size.upper(), sheet.upper())


def _mark_open(context: RitualContext, found, today: date, ask: bool) -> None:
    """Step 1: each open card with one key to mark it; `q` leaves the rest for another day."""
    from ritual.services.review.weekly import MARKS, mark
    from ritual.text.review import DONE_WORDS, MARK_QUESTION, card_line

    for card in found.still_open:
        say(card_line(card))
        if not ask:
            continue
        key = _one_key(f"           {MARK_QUESTION}: ")
        if key == "q":
            break
        if key in MARKS:
            try:
                change = mark(context.settings, context.db, card, key, today)
            except RitualError as exc:
                say(f"           {clean(exc.message)}")
                continue
            say(f"           {DONE_WORDS[change.after.status]}")


def _one_key(question: str) -> str:
    """One key on a terminal; from piped input, the first letter of the next line (nothing at its end)."""
    say(question, nl=False)
    # sys.stdin itself: a fresh wrapper per question would swallow the lines piped after this one.
    stdin = sys.stdin
    if stdin.isatty():
        key = click.getchar()
        say(key if key.isprintable() else "")
        return key.lower()
    line = stdin.readline()
    say("")
    return line.strip()[:1].lower()


def _ask_print() -> str | None:
    from ritual.text.review import PRINT_QUESTION

    key = _one_key(f"  {PRINT_QUESTION}: ")
    return {"e": "envelopes", "l": "labels"}.get(key)


def _ask_path(today: date, choice: str) -> Path:
    default = f"ritual-week-{today.isoformat()}-{choice}.pdf"
    try:
        return Path(click.prompt("  Write it to", default=default))
    except click.Abort:
        raise RitualError("no file name came; nothing was printed") from None


def _names(context: RitualContext, friend_ids: list[int]) -> list[str]:
    from ritual.store.friends import FriendRepository

    repo = FriendRepository(context.db)
    return [repo.get(fid).name for fid in friend_ids]


def _print(context: RitualContext, friend_ids: list[int], choice: str, target: Path, size: str, sheet: str) -> None:
    from ritual.services.review.prints import week_pdf

    done = week_pdf(context.settings, context.db, friend_ids, choice, target, size, sheet)
    for problem in done.left_out:
        say(f"ritual: left out, the address needs more first: {clean(problem)}", err=True)
    say(clean(f"  Wrote {len(done.names)} {choice if len(done.names) != 1 else choice[:-1]} in {done.path}."))


def _echo(context: RitualContext, lines: list[str]) -> None:
    say("\n".join(lines), color=context.color)


def register(group: click.Group) -> None:
    """Add this module's commands to the root group."""
    group.add_command(review)
