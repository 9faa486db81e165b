"""The command-line fuzzer: every command × its options × hostile values exits 0, 1 or 2 and never tracebacks.

The default run tries a few hundred invocations; `pytest tests/cli/test_fuzz.py -m fuzz -s` tries 20,000 and
prints how many ran and how many ended in a traceback.
"""

from __future__ import annotations

import os
import traceback
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings

from ritual.cli import cli
from tests.cli.fuzz_space import commands, invocations, prepare

SPACE = commands()
TODAY = ["--today", "2026-11-25"]


def _home(folder: Path) -> Path:
    """A home with two friends, a letter and an occasion, so ids and names resolve."""
    home = folder / "home"
    runner = CliRunner()
    for args in (["friend", "add", "Ana", "--birthday", "1990-05-01", "--country", "DE", "--keep-in-touch", "30"],
                 ["friend", "add", "Ben Ode", "--birthday", "02-29"],
                 ["letter", "add", "Ana", "--sent", "--date", "2026-11-01"],
                 ["occasion", "add", "Ana", "anniversary", "2015-06-01"]):
        result = runner.invoke(cli, ["--home", str(home), *TODAY, *args], catch_exceptions=False)
        assert result.exit_code == 0, result.output
    return home


def _run(folder: Path, home: Path, args: list[str]) -> str | None:
    """Run one invocation inside `folder`; return the traceback's last frame and error if one escaped."""
    runner = CliRunner()
    cwd = os.getcwd()
    os.chdir(folder)
    try:
        result = runner.invoke(cli, ["--home", str(home), *TODAY, *args], input="", env={"RITUAL_HOME": None})
    finally:
        os.chdir(cwd)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        frame = traceback.extract_tb(result.exc_info[2])[-1]
        return f"{type(result.exception).__name__} at {frame.filename}:{frame.lineno} from {args!r}"
    assert result.exit_code in (0, 1, 2), (args, result.exit_code, result.output)
    assert "Traceback" not in result.output, (args, result.output)
    return None


def _fuzz(folder: Path, examples: int, derandomize: bool) -> tuple[int, Counter]:
    """Run `examples` drawn invocations; count them and the distinct places tracebacks came from."""
    prepare(folder)
    home = _home(folder)
    places: Counter = Counter()
    ran = [0]

    @settings(max_examples=examples, deadline=None, database=None, derandomize=derandomize,
              suppress_health_check=list(HealthCheck))
    @given(invocations(SPACE))
    def one(args):
        ran[0] += 1
        found = _run(folder, home, args)
        if found:
            places[found.split(" from ")[0]] += 1
            print(found)

    one()
    return ran[0], places


def test_every_command_and_option_is_in_the_space():
    words = {c.words for c in SPACE}
    assert {("week",), ("friend", "add"), ("remind",), ("export", "ics"), ("sync", "caldav")} <= words
    assert ("daemon",) not in words


def test_a_few_hundred_hostile_invocations_never_traceback(tmp_path):
    ran, places = _fuzz(tmp_path, 300, derandomize=True)
    assert ran >= 300 and not places, places


@pytest.mark.fuzz
def test_twenty_thousand_hostile_invocations_never_traceback(tmp_path):
    ran, places = _fuzz(tmp_path, int(os.environ.get("RITUAL_FUZZ_EXAMPLES", "20000")), derandomize=False)
    print(f"\n{ran} invocations, {sum(places.values())} tracebacks in {len(places)} places")
    for place, count in places.most_common():
        print(f"{count:6d}  {place}")
    assert not places
