"""`ritual letter add|list|show|mark|rm|owed|year`: the letter box, both ways."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import click

from ritual.core import ranges
from ritual.context import RitualContext
from ritual.core.date_words import parse_day_words, parse_past_day
from ritual.core.text import now_is
from ritual.core.letters import (
    ANSWERED,
    ARRIVED,
    MEDIA,
    POSTED,
    RECEIVED,
    SENT,
    WRITTEN,
    Letter,
    letter_dict,
    replies_owed,
    year_picture,
)
from ritual.core.text import MONTHS, plural, short_day
from ritual.core.sittings import effort_words
from ritual.errors import InvalidValue
from ritual.services.cards.steps import remove_letter
from ritual.services.letters.posting import log as log_letter
from ritual.services.letters.posting import move as move_letter
from ritual.text.letters import logged_note
from ritual.text.cards import card_note
from ritual.text.output import removal_confirmed
from ritual.store.friends import FriendRepository
from ritual.store.letters import LetterRepository
from ritual.text.safe import say

ARROWS = {SENT: "to  ", RECEIVED: "from"}
STATUS_WORDS = {WRITTEN: "written", POSTED: "in the post", ARRIVED: "arrived", RECEIVED: "awaiting your reply",
                ANSWERED: "answered"}


def _day(text: str | None, field: str, today: date) -> date:
    return parse_past_day(text, today, field) if text else today


def _optional_day(text: str | None, field: str, today: date) -> date | None:
    return parse_day_words(text, today, field) if text else None


def _past_day(text: str | None, field: str, today: date) -> date | None:
    return parse_past_day(text, today, field) if text else None


def _print_json(values: list[dict] | dict) -> None:
    say(json.dumps(values, ensure_ascii=False, indent=2))


def letter_row(letter: Letter) -> str:
    """One line of `ritual letter list`."""
    about = " · ".join(p for p in (letter.medium, letter.occasion, STATUS_WORDS[letter.status]) if p)
    return f"{letter.id:>5}  {letter.day.isoformat()}  {ARROWS[letter.direction]} {letter.friend[:26]:<26}  {about}"


def letter_details(letter: Letter, answered: int = 0) -> str:
    """Everything about one letter, for `ritual letter show`."""
    way = f"to {letter.friend}" if letter.sent else f"from {letter.friend}"
    facts = [
        ("written" if letter.sent else "received", f"{short_day(letter.day)} {letter.day.year}"),
        ("posted", f"{short_day(letter.posted)} {letter.posted.year}" if letter.posted else ""),
        ("arrived", f"{short_day(letter.arrived)} {letter.arrived.year}" if letter.arrived else ""),
        ("status", STATUS_WORDS[letter.status]),
        ("occasion", letter.occasion), ("tone", letter.tone), ("scan", letter.scan), ("note", letter.note),
        ("effort", effort_words(letter.focus_minutes, answered)),
    ]
    lines = [f"A {letter.medium} {way}  #{letter.id}"]
    lines += [f"  {k:<10}{v}" for k, v in facts if v]
    return "\n".join(lines + [f"  {'kept':<10}“{quote}”" for quote in letter.quotes])


def year_text(letters: list[Letter], year: int) -> str:
    """Letters of one year: each month as dots (● sent, ○ received), then who they went between."""
    picture = year_picture(letters, year)
    sent, received = sum(picture.sent_by_month), sum(picture.received_by_month)
    lines = [f"Letters in {year} · {sent} sent, {received} received", ""]
    for month, (out, back) in enumerate(zip(picture.sent_by_month, picture.received_by_month)):
        dots = "●" * out + "○" * back
        lines.append(f"  {MONTHS[month]}  {out:>3} sent {back:>3} received  {dots}".rstrip())
    if picture.by_friend:
        lines += ["", "With"]
        lines += [f"  {name[:30]:<30} {out:>3} sent {back:>3} received" for name, out, back in picture.by_friend]
    return "\n".join(lines)


@click.group()
def letter() -> None:
    """Log letters sent and received, follow them through the post, and see the year's letters."""


@letter.command("add")
@click.argument("who")
@click.option("--sent", "direction", flag_value=SENT, help="A letter you wrote.")
@click.option("--received", "direction", flag_value=RECEIVED, help="A letter they wrote to you.")
@click.option("--date", "day", metavar="DATE", help="When you wrote it, or when it came (default: today).")
@click.option("--posted", metavar="DATE", help="When it went into the post (sent letters).")
@click.option("--arrived", metavar="DATE", help="When it arrived, if they told you (sent letters).")
@click.option("--medium", type=click.Choice(MEDIA), default="letter", show_default=True)
@click.option("--occasion", default="", help="birthday, thank-you, ... (optional): the card it was written for.")
@click.option("--occasion-date", metavar="DATE", help="The occasion's date, when more than one is near.")
@click.option("--tone", default="", help="The tone it was written in (optional).")
@click.option("--note", default="", help="Anything worth remembering about it.")
@click.option("--scan", type=click.Path(exists=True, dir_okay=False), help="A scan or photo of it.")
@click.option("--quote", "quotes", multiple=True, metavar="TEXT",
              help="A phrase of theirs to keep (received letters; repeat for more). The ritual shows it when you reply.")
@click.pass_obj
def add(context: RitualContext, who: str, direction: str | None, day: str | None, posted: str | None,
        arrived: str | None, medium: str, occasion: str, occasion_date: str | None, tone: str, note: str,
        scan: str | None, quotes: tuple[str, ...]) -> None:
    """Log a letter to or from WHO (a name or an id)."""
    if direction is None:
        raise click.UsageError("say which way the letter went: --sent or --received")
    if direction == RECEIVED and (posted or arrived):
        raise InvalidValue("--posted/--arrived", posted or arrived, "only apply to letters you sent")
    if direction == SENT and quotes:
        raise InvalidValue("--quote", quotes[0], "keeps a phrase from a letter you received (use --received)")
    friend = FriendRepository(context.db).find(who)
    today = context.clock.today()
    posted_on, arrived_on = _past_day(posted, "--posted", today), _past_day(arrived, "--arrived", today)
    status = ARRIVED if arrived_on else POSTED if posted_on else ""
    new = Letter(friend.id, direction, _day(day, "--date", context.clock.today()), status, posted_on, arrived_on,
                 occasion.strip(), medium, tone.strip(), note, str(Path(scan).resolve()) if scan else "",
                 quotes=quotes)
    logged = log_letter(context.settings, context.db, new, _optional_day(occasion_date, "--occasion-date", context.clock.today()))
    stored = logged.letter
    way = f"to {friend.name}" if stored.sent else f"from {friend.name}"
    say(f"Logged a {stored.medium} {way} on {short_day(stored.day)} {stored.day.year} (#{stored.id})."
        + logged_note(logged))


@letter.command("list")
@click.argument("who", required=False)
@click.option("--year", type=click.IntRange(ranges.FIRST_YEAR, ranges.LAST_YEAR), help="Only letters of this year.")
@click.option("--sent", "direction", flag_value=SENT, help="Only letters you wrote.")
@click.option("--received", "direction", flag_value=RECEIVED, help="Only letters they wrote.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of letters.")
@click.pass_obj
def list_letters(context: RitualContext, who: str | None, year: int | None, direction: str | None, as_json: bool) -> None:
    """Letters, oldest first; all of them, or only those with WHO."""
    friend_id = FriendRepository(context.db).find(who).id if who else None
    letters = LetterRepository(context.db).list(friend_id, year, direction)
    if as_json:
        _print_json([letter_dict(x) for x in letters])
    elif not letters:
        say("No letters logged here yet. Log one with: ritual letter add NAME --sent (or --received)")
    else:
        say("\n".join(letter_row(x) for x in letters))


@letter.command("show")
@click.argument("letter_id", type=click.IntRange(1, ranges.ID.high))
@click.option("--json", "as_json", is_flag=True, help="Print the letter as JSON.")
@click.pass_obj
def show(context: RitualContext, letter_id: int, as_json: bool) -> None:
    """Everything about one letter."""
    from ritual.store.reflections import ReflectionRepository

    found = LetterRepository(context.db).get(letter_id)
    answered = ReflectionRepository(context.db).answered_counts([found.sitting]).get(found.sitting, 0)
    if as_json:
        _print_json({**letter_dict(found), "questions_answered": answered})
    else:
        say(letter_details(found, answered))


@letter.command("mark")
@click.argument("letter_id", type=click.IntRange(1, ranges.ID.high))
@click.argument("status", type=click.Choice([POSTED, ARRIVED, ANSWERED, WRITTEN]))
@click.option("--date", "day", metavar="DATE", help="When it happened (default: today).")
@click.pass_obj
def mark(context: RitualContext, letter_id: int, status: str, day: str | None) -> None:
    """Move a letter on: posted or arrived (yours), answered (theirs)."""
    logged = move_letter(context.settings, context.db, letter_id, status, _day(day, "--date", context.clock.today()))
    moved = logged.letter
    say(f"Letter #{moved.id} ({'to' if moved.sent else 'from'} {moved.friend}) "
        f"{now_is(STATUS_WORDS[moved.status])}." + logged_note(logged))


@letter.command("rm")
@click.argument("letter_id", type=click.IntRange(1, ranges.ID.high))
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@click.pass_obj
def remove(context: RitualContext, letter_id: int, yes: bool) -> None:
    """Remove a letter logged by mistake."""
    repo = LetterRepository(context.db)
    found = repo.get(letter_id)
    if not removal_confirmed(f"Remove letter #{found.id} ({letter_row(found).strip()})?", yes):
        return
    _, card = remove_letter(context.db, letter_id)
    say(f"Removed letter #{found.id}." + card_note(card))


@letter.command("owed")
@click.option("--after", type=click.IntRange(0, ranges.CADENCE_DAYS.high), default=0, help="Only letters waiting at least DAYS days.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of letters.")
@click.pass_obj
def owed(context: RitualContext, after: int, as_json: bool) -> None:
    """Letters you received and have not answered yet, the longest waiting first."""
    today = context.clock.today()
    waiting = replies_owed(LetterRepository(context.db).list(direction=RECEIVED), today, after)
    if as_json:
        _print_json([letter_dict(x) for x in waiting])
        return
    if not waiting:
        say("No letters are waiting for a reply.")
        return
    say("Letters waiting for your reply")
    for x in waiting:
        days = (today - x.day).days
        say(f"  {x.friend} wrote on {short_day(x.day)} {x.day.year} ({plural(days, 'day')} ago, #{x.id})")


@letter.command("year")
@click.argument("year", type=click.IntRange(ranges.FIRST_YEAR, ranges.LAST_YEAR), required=False)
@click.pass_obj
def year(context: RitualContext, year: int | None) -> None:
    """A picture of a year's letters (this year unless YEAR is given)."""
    chosen = year or context.clock.today().year
    say(year_text(LetterRepository(context.db).list(year=chosen), chosen))


# `ritual letter log` is the same as `add`, under the name that reads naturally for a letter that came in.
letter.add_command(click.Command("log", callback=add.callback, params=add.params, help=add.help, hidden=True))


def register(group: click.Group) -> None:
    """Add this module's commands to the root group."""
    group.add_command(letter)
