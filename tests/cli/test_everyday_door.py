"""The quick door prints exactly what the command line prints, for every call it takes, and takes no other."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from ritual.cli import cli
from ritual.everyday.door import everyday_call, run

TODAY = "2026-11-25"
# (arguments after --home, whether the quick door takes them)
CALLS = [
    ([], True),
    (["week"], True),
    (["week", "--json"], True),
    (["week", "--all", "--json"], True),
    (["week", "--date", "2026-12-25"], True),
    (["week", "--date=next fri"], True),
    (["week", "--date", "2026-02-30"], True),  # a wrong day: the same message from the same place
    (["week", "--date", "someday"], True),
    (["--today", "2028-02-29", "week"], True),
    (["--today=2026-12-31", "upcoming", "--days", "3"], True),
    (["upcoming"], True),
    (["upcoming", "--days", "365", "--all"], True),
    (["upcoming", "--from", "2027-02-27", "--days=4", "--json"], True),
    (["upcoming", "--days", "0"], False),
    (["upcoming", "--days", "3661"], False),
    (["upcoming", "--days", "+5"], False),
    (["upcoming", "--days", "x"], False),
    (["week", "--json", "--json"], False),
    (["week", "--date"], False),
    (["week", "--date", "--json"], False),
    (["week", "--help"], False),
    (["week", "extra"], False),
    (["week", "--jsonx"], False),
    (["--today", "2026-02-30", "week"], False),
    (["--version"], False),
    (["friend", "list"], False),
]


@pytest.fixture(scope="module")
def demo_home(tmp_path_factory) -> Path:
    """A home of demo friends, planned around the fixed today."""
    home = tmp_path_factory.mktemp("door") / "home"
    done = CliRunner().invoke(cli, ["--home", str(home), "--today", TODAY, "demo", "--friends", "40"])
    assert done.exit_code == 0, done.output
    return home


def by_command_line(args: list[str], env: dict[str, str]) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of the full command line."""
    done = CliRunner().invoke(cli, args, env=env)
    return done.exit_code, done.stdout, done.stderr


def by_quick_door(args: list[str], env: dict[str, str], capsys, monkeypatch) -> tuple[int, str, str] | None:
    """The same from the quick door, or None when it leaves the call to the command line."""
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    call = everyday_call(args, os.environ)
    if call is None:
        return None
    capsys.readouterr()
    code = run(call)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(("args", "taken"), CALLS, ids=[" ".join(a) or "(bare)" for a, _ in CALLS])
def test_every_call_it_takes_prints_what_the_command_line_prints(args, taken, demo_home, capsys, monkeypatch):
    monkeypatch.delenv("RITUAL_HOME", raising=False)
    monkeypatch.delenv("RITUAL_TODAY", raising=False)
    full = ["--home", str(demo_home), *(["--today", TODAY] if "--today" not in " ".join(args) else []), *args]
    quick = by_quick_door(full, {}, capsys, monkeypatch)
    assert (quick is not None) == taken
    if quick is not None:
        assert quick == by_command_line(full, {})


@pytest.mark.parametrize("env", [{"NO_COLOR": "1"}, {"RITUAL_TODAY": "2027-01-04"}, {"RITUAL_TODAY": ""}])
def test_the_home_and_today_come_from_the_environment_as_on_the_command_line(env, demo_home, capsys, monkeypatch):
    monkeypatch.delenv("RITUAL_TODAY", raising=False)
    env = {"RITUAL_HOME": str(demo_home), **env}
    quick = by_quick_door(["week"], env, capsys, monkeypatch)
    assert quick is not None and quick == by_command_line(["week"], env)
    assert quick[0] == 0 and "Week " in quick[1]


def test_a_home_that_is_a_file_is_left_to_the_command_line_which_says_so(tmp_path):
    afile = tmp_path / "not-a-folder"
    afile.write_text("x", encoding="utf-8")
    assert everyday_call(["--home", str(afile), "week"], {}) is None
    assert everyday_call(["week"], {"RITUAL_HOME": str(afile)}) is None
    assert everyday_call(["--home", str(tmp_path / "new"), "week"], {}) is not None


def test_an_argument_that_is_not_utf8_is_left_to_the_command_line():
    assert everyday_call(["week", "--date", "2026-12-0\udcff"], {}) is None


def test_an_empty_home_and_a_zero_span_give_the_same_words_both_ways(tmp_path, capsys, monkeypatch):
    home = tmp_path / "home"
    for args in (["week"], []):
        full = ["--home", str(home), "--today", TODAY, *args]
        quick = by_quick_door(full, {}, capsys, monkeypatch)
        assert quick == by_command_line(full, {}) and "No friends yet" in quick[1]
    (home / "config").mkdir(parents=True, exist_ok=True)
    (home / "config" / "config.toml").write_text("upcoming_days = 0\n", encoding="utf-8")
    full = ["--home", str(home), "--today", TODAY, "upcoming"]
    quick = by_quick_door(full, {}, capsys, monkeypatch)
    assert quick == by_command_line(full, {})
    assert quick[0] == 2 and "upcoming_days: 0 must be 1 or more" in quick[2]


def test_a_database_that_cannot_be_used_is_named_both_ways(tmp_path, capsys, monkeypatch):
    home = tmp_path / "home"
    (home / "data").mkdir(parents=True)
    (home / "data" / "ritual.db").write_bytes(b"not a database at all, " * 100)
    full = ["--home", str(home), "--today", TODAY, "week"]
    quick = by_quick_door(full, {}, capsys, monkeypatch)
    assert quick == by_command_line(full, {})
    assert quick[0] == 1 and quick[2].startswith("ritual: ")


def _entry(args: list[str], home: Path, **kwargs) -> subprocess.CompletedProcess:
    """`python -m ritual ARGS`, the way the installed command starts, with Python's import log on stderr."""
    env = {**os.environ, "RITUAL_HOME": str(home), "RITUAL_TODAY": TODAY}
    env.pop("NO_COLOR", None)
    return subprocess.run([sys.executable, "-X", "importtime", "-m", "ritual", *args], env=env, check=False, **kwargs)


def test_the_installed_command_plans_the_week_without_loading_click(demo_home):
    done = _entry(["week"], demo_home, capture_output=True, text=True)
    assert done.returncode == 0
    loaded = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")}
    assert "ritual.everyday.pages" in loaded and "click" not in loaded
    assert done.stdout == by_command_line(["--home", str(demo_home), "--today", TODAY, "week"], {})[1]
    # Anything else still goes through the command line.
    helped = _entry(["week", "--help"], demo_home, capture_output=True, text=True)
    assert helped.returncode == 0 and "click" in helped.stderr and "--date DATE" in helped.stdout


def test_a_reader_that_leaves_at_once_ends_the_command_quietly_both_ways(demo_home):
    # `ritual week | true`: the pipe is closed before the first line is written.
    env = {**os.environ, "RITUAL_HOME": str(demo_home), "RITUAL_TODAY": TODAY}
    ends = []
    for start in (["-m", "ritual"], ["-c", "from ritual.cli import main; main()"]):
        for args in (["week"], ["upcoming", "--days", "365", "--json"]):
            read, write = os.pipe()
            os.close(read)
            with os.fdopen(write, "wb") as closed:
                done = subprocess.run([sys.executable, *start, *args], stdout=closed, stderr=subprocess.PIPE,
                                      env=env, check=False)
            ends.append((done.returncode, done.stderr))
    assert everyday_call(["week"], {}) is not None
    assert ends == [(1, b"")] * 4


def test_every_option_the_door_takes_is_one_the_command_line_declares_the_same_way():
    from ritual.cli import cli as root
    from ritual.everyday.door import _COMMANDS, _ROOT_OPTIONS

    def declared(command) -> dict[str, tuple[str, bool]]:
        return {opt: (p.name, p.is_flag) for p in command.params for opt in getattr(p, "opts", [])}

    context = root.make_context("ritual", ["week"], resilient_parsing=True)
    tables = [(root, _ROOT_OPTIONS, {})] + [(root.get_command(context, name), *_COMMANDS[name]) for name in _COMMANDS]
    for command, valued, flags in tables:
        options = declared(command)
        assert {o: (n, False) for o, n in valued.items()} | {o: (n, True) for o, n in flags.items()} == {
            o: options[o] for o in (*valued, *flags)}
