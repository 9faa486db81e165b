"""The command line: a click group whose commands stay thin; errors become messages in one place."""

from __future__ import annotations

import sqlite3

import click

from ritual import __version__
from ritual.clock import Clock
from ritual.context import RitualContext
from ritual.core.dates import parse_day
from ritual.errors import InvalidValue, RitualError, user_facing
from ritual.everyday.door import is_utf8_text
from ritual.text.output import use_color
from ritual.text.safe import say
from ritual.paths import Paths


class UserFacingError(click.ClickException):
    """A RitualError on its way to stderr with its own exit code."""

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        self.exit_code = exit_code

    def show(self, file=None) -> None:
        """Print `ritual: message` to stderr."""
        say(f"ritual: {self.message}", err=True)


# The everyday commands load only their own module; anything else loads every command module.
FAST_COMMANDS = {"week": "agenda", "upcoming": "agenda", "friend": "friends", "occasion": "occasions"}


class RitualGroup(click.Group):
    """The root group: the one place where errors turn into messages and exit codes."""

    def get_command(self, ctx: click.Context, name: str):
        """Find a command, importing only the module that defines it when it is an everyday one."""
        if name not in self.commands:
            if name in FAST_COMMANDS:
                _load(self, FAST_COMMANDS[name])
            else:
                _load_all(self)
        return super().get_command(ctx, name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Every command, for --help."""
        _load_all(self)
        return super().list_commands(ctx)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Refuse an argument that is not valid text before any command sees it."""
        for arg in args:
            if not is_utf8_text(arg):
                shown = arg.encode("utf-8", "surrogateescape").decode("ascii", "backslashreplace")
                raise click.UsageError(f"the argument '{shown}' is not valid UTF-8 text", ctx)
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context):
        """Run the command, mapping ritual and database errors to clean messages."""
        try:
            return super().invoke(ctx)
        except (RitualError, sqlite3.DatabaseError, OSError) as exc:
            shown = user_facing(exc)
            if shown is None:
                raise
            raise UserFacingError(*shown) from None


def _today_option(ctx: click.Context, param: click.Parameter, value: str | None):
    if value is None:
        return None
    try:
        return parse_day(value, "--today")
    except InvalidValue as exc:
        raise click.BadParameter(f"{value!r} {exc.problem}") from None


@click.group(cls=RitualGroup, invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--home", type=click.Path(file_okay=False), envvar="RITUAL_HOME", help="Keep config, data and state in DIR.")
@click.option("--today", callback=_today_option, envvar="RITUAL_TODAY", hidden=True, help="Pretend today is this date.")
@click.version_option(__version__, "--version", prog_name="ritual")
@click.pass_context
def cli(ctx: click.Context, home: str | None, today) -> None:
    """ritual: plan, remember and reflect before writing letters and cards.

    Run without a command to see this week's plan.
    """
    context = RitualContext(Paths.resolve(home), Clock(today), use_color())
    ctx.obj = context
    ctx.call_on_close(context.close)
    if ctx.invoked_subcommand is None:
        import sys

        if sys.stdin.isatty() and sys.stdout.isatty():
            # Textual loads only here, so scripted commands and `--help` stay fast.
            from ritual.tui import run_app

            run_app(context)
            return
        from ritual.everyday.pages import show_home

        show_home(context)


def _load(group: click.Group, module_name: str) -> None:
    # Each module in ritual.commands adds its own commands; heavy imports stay inside the commands.
    import importlib

    importlib.import_module(f"ritual.commands.{module_name}").register(group)


def _load_all(group: click.Group) -> None:
    import pkgutil

    import ritual.commands as package

    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        _load(group, info.name)


def main() -> None:
    """Entry point of the `ritual` command."""
    cli(prog_name="ritual")


if __name__ == "__main__":
    main()
