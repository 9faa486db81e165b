"""`ritual reflect NAME`: the briefing, a tone, questions one at a time, and an outline to copy onto paper."""

from __future__ import annotations

import sys

import click

from ritual.context import RitualContext
from ritual.core import ranges
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
        number = sitting.answers_given + 1
        say(render_question(sitting.question(prompt), number, sitting.count, style), color=context.color)
        text = read_answer(stream, paragraphs=interactive)
        if text is None or (text and not keep_answer(context, sitting, prompt, text, interactive, style)):
            say(style.muted("\nStopping here; your answers so far are kept."), color=context.color)
            return
        if text:
            continue
        if sitting.skip(prompt, context.clock.now()) is not None:
            say(style.muted("  Skipped; here is another."), color=context.color)
        else:
            say(style.muted("  Skipped."), color=context.color)


def keep_answer(context: RitualContext, sitting, prompt, answer: str, interactive: bool, style) -> bool:
    """Save the answer, then offer the sitting's one follow-up for a detail; False when input has ended."""
    from ritual.text.reflect import render_follow_up

    sitting.answer(prompt, answer, context.clock.now())
    question = sitting.follow_up(prompt, answer)
    if question is None:
        return True
    say(render_follow_up(question, style), color=context.color)
    text = read_answer(sys.stdin, paragraphs=interactive)
    if text is None:
        return False
    sitting.answer_detail(prompt, question, text, context.clock.now())
    return True


def mark_heart(sitting, given: bool, interactive: bool) -> None:
    """The closing answer may be marked the heart of the outline (--heart, or asked on a terminal)."""
    from ritual.core.prompts import CLOSING

    closing = [r for r in sitting.answered if not r.detail and _stage(sitting, r.prompt_id) == CLOSING]
    if not closing:
        return
    if given or (interactive and click.confirm("\nMark your last answer as the heart of the outline?", default=True)):
        sitting.mark_heart(closing[-1])


def _stage(sitting, prompt_id: str) -> str:
    return next((p.stage for p in sitting.shown if p.id == prompt_id), "")


def log_letter(context: RitualContext, briefing, tone: str | None, sitting: str) -> None:
    """Log the letter as written today, for the card the briefing was about, tied to the sitting behind it."""
    from ritual.core.letters import SENT, Letter
    from ritual.services.cards.steps import log_letter as log_for_card
    from ritual.text.cards import card_note

    friend, item = briefing.friend, briefing.occasion_item
    letter = Letter(friend.id, SENT, context.clock.today(), occasion=briefing.occasion or "", tone=tone or "",
                    sitting=sitting)
    stored, card = log_for_card(context.settings, context.db, letter, item.occasion_date if item else None)
    say(f"Logged your letter to {friend.name} as written today (#{stored.id}). "
        f"When it goes into the post: ritual letter mark {stored.id} posted" + card_note(card))


def check_occasion(given: str | None, friend) -> None:
    """A misspelt shipped occasion is refused with the name it most likely meant; others are the user's own."""
    from ritual.core.prompts import close_occasion, occasion_key
    from ritual.errors import InvalidValue

    if given is None or occasion_key(given) in {occasion_key(o.name) for o in friend.occasions}:
        return
    meant = close_occasion(given)
    if meant is not None:
        raise InvalidValue("--occasion", given, f"is not an occasion ritual knows; did you mean {meant}?")


@click.command()
@click.argument("who")
@click.option("--occasion", metavar="NAME", help="birthday, anniversary, thank-you, sympathy, congratulations, "
              "holiday, just-because, reconnecting, new-baby, farewell, wedding, graduation, retirement, new-job, "
              "new-home, get-well, death-anniversary, long-distance, thinking-of-you, apology, or one of theirs.")
@click.option("--tone", metavar="TONE", help="gratitude, tenderness, pride, nostalgia, playfulness, encouragement, "
              "admiration, comfort, hope, apology, celebration or longing.")
@click.option("--questions", type=click.IntRange(*QUESTION_RANGE), default=DEFAULT_QUESTIONS, show_default=True,
              help="How many questions.")
@click.option("--reply-to", "reply_to", type=click.IntRange(1, ranges.ID.high), metavar="ID", help="The received letter this one answers "
              "(ritual letter list shows ids); by default the latest one waiting for a reply.")
@click.option("--heart", is_flag=True, help="Mark the closing answer as the heart of the outline.")
@click.option("--log/--no-log", "log", default=None, help="Log the letter as written today at the end.")
@click.option("--seed", type=int, hidden=True, help="Fix the choice of questions (tests, demos).")
@click.pass_obj
def reflect(context: RitualContext, who: str, occasion: str | None, tone: str | None, questions: int,
            reply_to: int | None, heart: bool, log: bool | None, seed: int | None) -> None:
    """Sit down with WHO in mind: a briefing, a few questions, and your answers as notes to write from.

    On a terminal each answer may run over several lines (an empty line ends it). From a script, each
    line of input answers the next question and an empty line skips it. ritual never writes the letter.
    """
    from ritual.text.output import Styler
    from ritual.services.letters.decks import load_deck
    from ritual.services.letters.reflect import build_briefing, moment_for
    from ritual.services.letters.sitting import Sitting
    from ritual.text.reflect import render_briefing, render_outline
    from ritual.store.friends import FriendRepository

    interactive = sys.stdin.isatty()
    style = Styler(context.color)
    friend = FriendRepository(context.db).find(who)
    check_occasion(occasion, friend)
    given_tone = choose_tone(tone, False) if tone is not None else None  # a bad --tone stops before the briefing
    deck = load_deck(context.paths)
    today = context.clock.today()
    briefing = build_briefing(context.settings, context.db, friend, occasion, today, reply_to)
    say(render_briefing(briefing, today, style), color=context.color)
    chosen_tone = given_tone if tone is not None else choose_tone(None, interactive)
    moment = moment_for(briefing, chosen_tone, deck.aliases)
    start = seed if seed is not None else int(context.clock.now().timestamp() * 1000) ^ (friend.id or 0)
    sitting = Sitting(context.db, deck.prompts, friend, moment, questions, start)
    ask_questions(context, sitting, interactive)
    say("")
    if not sitting.answered:
        say("No answers this time, and that is fine. The questions will wait.")
        return
    mark_heart(sitting, heart, interactive)
    say(render_outline(sitting.answered, friend.name, briefing.occasion, chosen_tone, style), color=context.color)
    if log or (log is None and interactive and click.confirm("\nLog the letter as written today?", default=False)):
        log_letter(context, briefing, chosen_tone, sitting.id)


def register(group: click.Group) -> None:
    """Add this module's commands to the root group."""
    group.add_command(reflect)
