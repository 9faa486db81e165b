"""The quick door: a plain everyday call read straight from its arguments, and run as the command line would.

It knows a strict subset of what the command line accepts: `ritual [--home DIR] [--today DAY]` alone, or with
`week [--date DAY] [--json] [--all]` or `upcoming [--from DAY] [--days N] [--json] [--all]`, each option at
most once. Anything else (help, a typo, a repeated or unknown option, a value it would have to judge) is left
to the full command line, so every message about arguments still comes from one place.
"""

import os
import stat
from typing import Callable, Mapping, NamedTuple, Sequence

from ritual.core.ranges import DAYS_AHEAD

# Each command's options: the ones that take a value, and the flags.
_COMMANDS = {
    "week": ({"--date": "day"}, {"--json": "as_json", "--all": "show_all"}),
    "upcoming": ({"--from": "start", "--days": "days"}, {"--json": "as_json", "--all": "show_all"}),
}
_ROOT_OPTIONS = {"--home": "home", "--today": "today"}
_ENVIRONMENT = {"home": "RITUAL_HOME", "today": "RITUAL_TODAY"}


class EverydayCall(NamedTuple):
    """One everyday call: the root options and, unless it is bare `ritual`, the command and its options."""

    home: str | None
    today: str | None
    command: str | None
    options: dict[str, object]


def everyday_call(args: Sequence[str], environ: Mapping[str, str]) -> EverydayCall | None:
    """The call `args` make when they are a plain everyday one; None leaves them to the full command line."""
    if not all(is_utf8_text(arg) for arg in args):
        return None
    root, rest = _options(args, _ROOT_OPTIONS, {})
    if root is None:
        return None
    for name, variable in _ENVIRONMENT.items():
        root.setdefault(name, environ.get(variable) or None)  # an empty variable counts as unset, as in click
    if not _plain_home(root["home"]) or not _plain_today(root["today"]):
        return None
    if not rest:
        return EverydayCall(root["home"], root["today"], None, {})
    command, *words = rest
    if command not in _COMMANDS:
        return None
    valued, flags = _COMMANDS[command]
    options, extra = _options(words, valued, flags)
    if options is None or extra or not _plain_days(options.get("days")):
        return None
    if "days" in options:
        options["days"] = int(options["days"])
    # What is not given takes the command line's default: no value, or a flag left off.
    defaults = {**dict.fromkeys(valued.values()), **dict.fromkeys(flags.values(), False)}
    return EverydayCall(root["home"], root["today"], command, {**defaults, **options})


def _options(args: Sequence[str], valued: dict[str, str], flags: dict[str, str]) -> tuple[dict | None, list[str]]:
    """The options at the front of `args` by name, and the words after them; None for anything unusual."""
    found: dict[str, object] = {}
    words = list(args)
    while words and words[0].startswith("-"):
        word = words.pop(0)
        option, has_value, value = word.partition("=")
        if option in flags and not has_value:
            name, value = flags[option], True
        elif option in valued:
            if not has_value:
                if not words:
                    return None, []
                value = words.pop(0)
            if not value or value.startswith("-"):
                return None, []
            name = valued[option]
        else:
            return None, []
        if name in found:
            return None, []
        found[name] = value
    return found, words


def _plain_home(home: str | None) -> bool:
    """A home the command line would take without a word: none, or a path that is not a file."""
    if home is None:
        return True
    try:
        return not stat.S_ISREG(os.stat(home).st_mode)
    except OSError:
        return True  # a home that does not exist yet is made on first use
    except ValueError:
        return False  # a NUL in the path: the command line explains


def _plain_today(today: str | None) -> bool:
    """A `--today` the command line would take: a real day."""
    if today is None:
        return True
    from ritual.core.dates import parse_day
    from ritual.errors import InvalidValue

    try:
        parse_day(today, "--today")
    except InvalidValue:
        return False
    return True


def _plain_days(days: object) -> bool:
    """A `--days` the command line would take: plain digits within the range."""
    if days is None:
        return True
    low, high = DAYS_AHEAD.bounds
    return isinstance(days, str) and days.isascii() and days.isdigit() and low <= int(days) <= high


def is_utf8_text(arg: str) -> bool:
    """False for an argument holding bytes that were not UTF-8 (kept by Python as lone surrogates)."""
    try:
        arg.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def run(call: EverydayCall) -> int:
    """Run an everyday call as the command line would, and give its exit code."""
    from ritual.clock import Clock
    from ritual.context import RitualContext
    from ritual.core.dates import parse_day
    from ritual.paths import Paths
    from ritual.text.output import use_color

    today = parse_day(call.today, "--today") if call.today else None
    context = RitualContext(Paths.resolve(call.home), Clock(today), use_color())
    return _ended_as_the_command_line_would(lambda: _show(call, context), context)


def _show(call: EverydayCall, context) -> None:
    """The page the call asks for; bare `ritual` on a terminal opens the app."""
    import sys

    from ritual.everyday import pages

    if call.command == "week":
        pages.show_week(context, **call.options)
    elif call.command == "upcoming":
        pages.show_upcoming(context, **call.options)
    elif sys.stdin.isatty() and sys.stdout.isatty():
        from ritual.tui import run_app

        run_app(context)
    else:
        pages.show_home(context)


def _ended_as_the_command_line_would(show: Callable[[], None], context) -> int:
    """Run `show` and close the context, then end as the command line does: a message with its exit code, quiet
    on a closed pipe, `Aborted!` on Ctrl+C."""
    import errno
    import sqlite3
    import sys

    from ritual.errors import RitualError, user_facing
    from ritual.text.safe import say

    try:
        try:
            show()
        finally:
            context.close()
    except (KeyboardInterrupt, EOFError):
        say(err=True)  # the blank line closes the terminal's ^C echo
        say("Aborted!", err=True)
        return 1
    except (RitualError, sqlite3.DatabaseError, OSError) as exc:
        if isinstance(exc, OSError) and exc.errno == errno.EPIPE:
            # The reader went away (`ritual week | head`): what is still buffered goes nowhere, and quietly.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 1
        shown = user_facing(exc)
        if shown is None:
            raise
        say(f"ritual: {shown[0]}", err=True)
        return shown[1]
    return 0
