"""`ritual setup`: say where you post from, asked on the terminal or given as flags."""

from __future__ import annotations

import click

from ritual.text.safe import say
from ritual.context import RitualContext
from ritual.errors import InvalidValue, RitualError
from ritual.text import setup as words
from ritual.text.output import clean


@click.command()
@click.option("--country", metavar="CC", help="Where you post from: an ISO code (DE) or a name (Germany); asks nothing.")
@click.option("--yes", "accept", is_flag=True, help="Take the country your locale suggests without asking.")
@click.pass_obj
def setup(context: RitualContext, country: str | None, accept: bool) -> None:
    """Say where you post from (the answer decides transit times and public holidays)."""
    from ritual.services.setup.home_country import describe, guess_from_locale, parse_answer, save_home_country

    guess = guess_from_locale()
    if country is not None:
        code = parse_answer(country)
    elif accept:
        if guess is None:
            raise RitualError("your locale names no country to take; give one with --country CC")
        code = guess
    else:
        code = _ask(context, guess, describe, parse_answer)
    saved = save_home_country(context.paths, code)
    for line in words.saved_line(describe(code), saved).splitlines():
        say(clean(line))


def _ask(context: RitualContext, guess: str | None, describe, parse_answer) -> str:
    """Ask on the terminal (or read the answer from piped standard input), again after a wrong answer."""
    current = context.settings.home_country if context.settings.home_country_chosen else None
    suggested = current or guess
    say(words.guess_line(describe(current) if current else None, describe(guess) if guess else None))

    def check(text: str) -> str:
        try:
            return parse_answer(text)
        except InvalidValue as exc:
            raise click.BadParameter(exc.message) from None

    try:
        return click.prompt(words.QUESTION, default=suggested, value_proc=check, show_default=bool(suggested))
    except click.Abort:
        raise RitualError("no answer came; nothing was changed (give one with --country CC)") from None


def register(group: click.Group) -> None:
    """Add this module's commands to the root group."""
    group.add_command(setup)
