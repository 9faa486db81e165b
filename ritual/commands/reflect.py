"""`ritual reflect NAME`: the briefing, a tone, questions one at a time, and an outline to copy onto paper."""

from __future__ import annotations

import sys

import click

from ritual.context import RitualContext
from ritual.core.prompts import DEFAULT_QUESTIONS, QUESTION_RANGE
from ritual.text.safe import say

TTY_HINT = (
    "Answer in as many lines as you like; an empty line ends the answer.\n"
    "An empty first line skips the question. Ctrl-D stops: what you answered is kept."
)


def read_answer(stream, paragraphs: bool) -> str | None:
    """One answer: a line (scripts), or lines up to an empty one (terminal); None when input has ended."""
    first = stream.readline()
    if not first:
        return None
    if not paragraphs or not first.strip():
        return first.strip()
    lines = [first.rstrip("\n")]
    while (line := stream.readline()) and line.strip():
        lines.append(line.rstrip("\n"))
    return "\n".join(lines)


def choose_tone(given: str | None, interactive: bool) -> str | None:
    """The tone from --tone, or asked for on a terminal; none is a fine answer."""
    from ritual.core.prompts import TONE_NAMES
    from ritual.errors import InvalidValue
    from ritual.text.reflect import render_tones

    if given is not None:
        tone = given.strip().lower()
        if tone not in TONE_NAMES:
            raise InvalidValue("--tone", given, "is not one of " + ", ".join(TONE_NAMES))
        return tone
    if not interactive:
        return None
    say("\n" + render_tones())

    def pick(text: str) -> str:
        text = text.strip().lower()
        if text.isdigit() and 1 <= int(text) <= len(TONE_NAMES):
            return TONE_NAMES[int(text) - 1]
        if text in ("", *TONE_NAMES):
            return text
        raise click.UsageError(f"{text!r} is not a tone; give a number from 1 to {len(TONE_NAMES)} or a name")

    return click.prompt("tone", default="", show_default=False, value_proc=pick) or None


def ask_questions(context: RitualContext, sitting, interactive: bool) -> None:
    """Put each question, read the answer, save it at once; an empty answer skips to another question."""
    from ritual.text.output import Styler
    from ritual.text.reflect import render_question

    style = Styler(context.color)
    stream = sys.stdin  # the same stream click.prompt reads, so no input is lost between them
    if interactive:
        say("\n" + style.muted(TTY_HINT))
    while (prompt := sitting.next_prompt()) is not None:
        say(render_question(prompt, len(sitting.answered) + 1, sitting.count, style), color=context.color)
        text = read_answer(stream, paragraphs=interactive)
        if text is None:
            say(style.muted("\nStopping here; your answers so far are kept."), color=context.color)
            return
        if text:
            sitting.answer(prompt, text, context.clock.now())
        elif sitting.skip(prompt, context.clock.now()) is not None:
            say(style.muted("  Skipped; here is another."), color=context.color)
        else:
            say(style.muted("  Skipped."), color=context.color)


def log_letter(context: RitualContext, briefing, tone: str | None) -> None:
    """Log the letter as written today, for the card the briefing was about."""
    from ritual.core.letters import SENT, Letter
    from ritual.services.cards.steps import log_letter as log_for_card
    from ritual.text.cards import card_note

    friend, item = briefing.friend, briefing.occasion_item
    letter = Letter(friend.id, SENT, context.clock.today(), occasion=briefing.occasion or "", tone=tone or "")
    stored, card = log_for_card(context.settings, context.db, letter, item.occasion_date if item else None)
    say(f"Logged your letter to {friend.name} as written today (#{stored.id}). "
        f"When it goes into the post: ritual letter mark {stored.id} posted" + card_note(card))


@click.command()
@click.argument("who")
@click.option("--occasion", metavar="NAME", help="birthday, anniversary, thank-you, sympathy, congratulations, "
              "holiday, just-because, reconnecting, new-baby, farewell, or one of theirs.")
@click.option("--tone", metavar="TONE", help="gratitude, tenderness, pride, nostalgia, playfulness, encouragement, "
              "admiration, comfort, hope, apology, celebration or longing.")
@click.option("--questions", type=click.IntRange(*QUESTION_RANGE), default=DEFAULT_QUESTIONS, show_default=True,
              help="How many questions.")
@click.option("--log/--no-log", "log", default=None, help="Log the letter as written today at the end.")
@click.option("--seed", type=int, hidden=True, help="Fix the choice of questions (tests, demos).")
@click.pass_obj
def reflect(context: RitualContext, who: str, occasion: str | None, tone: str | None, questions: int,
            log: bool | None, seed: int | None) -> None:
    """Sit down with WHO in mind: a briefing, a few questions, and your answers as notes to write from.

    On a terminal each answer may run over several lines (an empty line ends it). From a script, each
    line of input answers the next question and an empty line skips it. ritual never writes the letter.
    """
    from ritual.text.output import Styler
    from ritual.services.letters.decks import load_prompts
    from ritual.services.letters.reflect import Sitting, build_briefing, moment_for
    from ritual.text.reflect import render_briefing, render_outline
    from ritual.store.friends import FriendRepository

    interactive = sys.stdin.isatty()
    style = Styler(context.color)
    friend = FriendRepository(context.db).find(who)
    today = context.clock.today()
    briefing = build_briefing(context.settings, context.db, friend, occasion, today)
    say(render_briefing(briefing, today, style), color=context.color)
    chosen_tone = choose_tone(tone, interactive)
    moment = moment_for(friend, briefing.occasion, chosen_tone)
    start = seed if seed is not None else int(context.clock.now().timestamp() * 1000) ^ (friend.id or 0)
    sitting = Sitting(context.db, load_prompts(context.paths), friend, moment, questions, start)
    ask_questions(context, sitting, interactive)
    say("")
    if not sitting.answered:
        say("No answers this time, and that is fine. The questions will wait.")
        return
    say(render_outline(sitting.answered, friend.name, briefing.occasion, chosen_tone, style), color=context.color)
    if log or (log is None and interactive and click.confirm("\nLog the letter as written today?", default=False)):
        log_letter(context, briefing, chosen_tone)


def register(group: click.Group) -> None:
    """Add this module's commands to the root group."""
    group.add_command(reflect)
