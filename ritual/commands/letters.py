"""`ritual letter add|list|show|mark|rm|owed|year`: the letter box, both ways."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import click

from ritual.core import ranges
from ritual.context import RitualContext
from ritual.core.dates import parse_day
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
from ritual.errors import InvalidValue
from ritual.services.cards.steps import log_letter, mark_letter
from ritual.text.cards import card_note
from ritual.text.output import removal_confirmed
from ritual.store.friends import FriendRepository
from ritual.store.letters import LetterRepository
from ritual.store.supplies import use_stamp_for
from ritual.text.safe import say

ARROWS = {SENT: "to  ", RECEIVED: "from"}
STATUS_WORDS = {WRITTEN: "written", POSTED: "in the post", ARRIVED: "arrived", RECEIVED: "awaiting your reply",
                ANSWERED: "answered"}


def _day(text: str | None, field: str, today: date) -> date:
    return parse_day(text, field) if text else today


def _optional_day(text: str | None, field: str) -> date | None:
    return parse_day(text, field) if text else None


def _print_json(values: list[dict] | dict) -> None:
    say(json.dumps(values, ensure_ascii=False, indent=2))


def letter_row(letter: Letter) -> str:
    """One line of `ritual letter list`."""
    about = " · ".join(p for p in (letter.medium, letter.occasion, STATUS_WORDS[letter.status]) if p)
    return f"{letter.id:>5}  {letter.day.isoformat()}  {ARROWS[letter.direction]} {letter.friend[:26]:<26}  {about}"


def letter_details(letter: Letter) -> str:
    """Everything about one letter, for `ritual letter show`."""
    way = f"to {letter.friend}" if letter.sent else f"from {letter.friend}"
    facts = [
        ("written" if letter.sent else "received", f"{short_day(letter.day)} {letter.day.year}"),
        ("posted", f"{short_day(letter.posted)} {letter.posted.year}" if letter.posted else ""),
        ("arrived", f"{short_day(letter.arrived)} {letter.arrived.year}" if letter.arrived else ""),
        ("status", STATUS_WORDS[letter.status]),
        ("occasion", letter.occasion), ("tone", letter.tone), ("scan", letter.scan), ("note", letter.note),
    ]
    lines = [f"A {letter.medium} {way}  #{letter.id}"]
    return "\n".join(lines + [f"  {k:<10}{v}" for k, v in facts if v])


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
@click.option("--date", "day", metavar="YYYY-MM-DD", help="When you wrote it, or when it came (default: today).")
@click.option("--posted", metavar="YYYY-MM-DD", help="When it went into the post (sent letters).")
@click.option("--arrived", metavar="YYYY-MM-DD", help="When it arrived, if they told you (sent letters).")
@click.option("--medium", type=click.Choice(MEDIA), default="letter", show_default=True)
@click.option("--occasion", default="", help="birthday, thank-you, ... (optional): the card it was written for.")
@click.option("--occasion-date", metavar="YYYY-MM-DD", help="The occasion's date, when more than one is near.")
@click.option("--tone", default="", help="The tone it was written in (optional).")
@click.option("--note", default="", help="Anything worth remembering about it.")
@click.option("--scan", type=click.Path(exists=True, dir_okay=False), help="A scan or photo of it.")
@click.pass_obj
def add(context: RitualContext, who: str, direction: str | None, day: str | None, posted: str | None,
        arrived: str | None, medium: str, occasion: str, occasion_date: str | None, tone: str, note: str,
        scan: str | None) -> None:
    """Log a letter to or from WHO (a name or an id)."""
    if direction is None:
        raise click.UsageError("say which way the letter went: --sent or --received")
    if direction == RECEIVED and (posted or arrived):
        raise InvalidValue("--posted/--arrived", posted or arrived, "only apply to letters you sent")
    friend = FriendRepository(context.db).find(who)
    posted_on, arrived_on = _optional_day(posted, "--posted"), _optional_day(arrived, "--arrived")
    status = ARRIVED if arrived_on else POSTED if posted_on else ""
    new = Letter(friend.id, direction, _day(day, "--date", context.clock.today()), status, posted_on, arrived_on,
                 occasion.strip(), medium, tone.strip(), note, str(Path(scan).resolve()) if scan else "")
    stored, card = log_letter(context.settings, context.db, new, _optional_day(occasion_date, "--occasion-date"))
    way = f"to {friend.name}" if stored.sent else f"from {friend.name}"
    stamp = use_stamp_for(context.db, friend.country, context.settings.home_country) if stored.posted else ""
    say(f"Logged a {stored.medium} {way} on {short_day(stored.day)} {stored.day.year} (#{stored.id}).{stamp}"
               + card_note(card))


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
    found = LetterRepository(context.db).get(letter_id)
    if as_json:
        _print_json(letter_dict(found))
    else:
        say(letter_details(found))


@letter.command("mark")
@click.argument("letter_id", type=click.IntRange(1, ranges.ID.high))
@click.argument("status", type=click.Choice([POSTED, ARRIVED, ANSWERED, WRITTEN]))
@click.option("--date", "day", metavar="YYYY-MM-DD", help="When it happened (default: today).")
@click.pass_obj
def mark(context: RitualContext, letter_id: int, status: str, day: str | None) -> None:
    """Move a letter on: posted or arrived (yours), answered (theirs)."""
    was_posted = LetterRepository(context.db).get(letter_id).posted is not None
    moved, card = mark_letter(context.db, letter_id, status, _day(day, "--date", context.clock.today()))
    stamp = ""
    if moved.posted and not was_posted:
        country = FriendRepository(context.db).get(moved.friend_id).country
        stamp = use_stamp_for(context.db, country, context.settings.home_country)
    say(f"Letter #{moved.id} ({'to' if moved.sent else 'from'} {moved.friend}) is now "
               f"{STATUS_WORDS[moved.status]}.{stamp}" + card_note(card))


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
    repo.delete(letter_id)
    say(f"Removed letter #{found.id}.")


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
