"""The fuzzer's search space: every command, every option, and the hostile values each kind of option gets."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import click
from hypothesis import strategies as st

from ritual.cli import _load_all, cli

# `daemon` runs until stopped; uninstalling runs the real service manager on the user's own units.
SKIPPED = {("daemon",), ("uninstall-timer",)}
# Timer files always go into the run's own folder, never into the user's systemd or launchd folder.
FORCED_DIR = {("install-timer",), ("remind", "install")}

DATES = ["9999-12-31", "9998-12-31", "0001-01-01", "0000-01-01", "1799-12-31", "2201-01-01", "2026-02-30",
         "02-29", "--02", "--13", "2026-11-25", "1990-05-01", "", "soon"]
MOMENTS = ["9999-12-31T23:59:59", "0001-01-01T00:00", "0001-01-01T00:00+14:00", "9999-12-31T23:59-12:00",
           "2026-11-25T09:30", "2026-11-25", "", "noon"]
NUMBERS = ["0", "-1", "1", "7", "30", "999999999", str(2**63), str(-(2**63) - 1), str(10**30), "1e3", "", "x"]
TEXTS = ["Ana", "Ben Ode", "\udcff", "caf\udce9", "\x1b]0;x\x07", "a" * 300, "", " ", "-", "é", "1"]
PATHS = ["out.file", "-", "", "missing/dir/out", "plain-file/out", "plain-file", "folder", "d" * 300, "."]
URLS = ["http://127.0.0.1:9/", "", "not a url", "ftp://127.0.0.1:9/x"]
FLAG = object()

KINDS_BY_NAME = {
    "date": DATES, "today": DATES, "from": DATES, "birthday": DATES, "last_sent": DATES, "last_received": DATES,
    "posted": DATES, "arrived": DATES, "due": DATES, "when": DATES, "day": DATES, "now_text": MOMENTS,
    "keep_in_touch": NUMBERS, "minutes": NUMBERS, "start": ["09:00", "25:00", "9999", "", "\udcff"],
    "url": URLS, "out": PATHS, "pdf": PATHS, "dir": PATHS, "target": PATHS, "scan": PATHS, "file": PATHS,
    "paths": PATHS,
}


@dataclass(frozen=True)
class Command:
    """One leaf command: the words that reach it and its parameters."""

    words: tuple[str, ...]
    params: tuple[click.Parameter, ...]


def commands() -> list[Command]:
    """Every leaf command of the CLI, groups' own options included, minus the skipped ones."""
    _load_all(cli)
    found: list[Command] = []

    def walk(command: click.Command, words: tuple[str, ...], inherited: tuple) -> None:
        if isinstance(command, click.Group) and words:
            if command.invoke_without_command:
                found.append(Command(words, inherited + tuple(command.params)))
            for name, sub in sorted(command.commands.items()):
                walk(sub, words + (name,), ())
        elif isinstance(command, click.Group):
            for name, sub in sorted(command.commands.items()):
                walk(sub, (name,), ())
        else:
            found.append(Command(words, inherited + tuple(command.params)))

    walk(cli, (), ())
    return [c for c in found if c.words not in SKIPPED]


def values_for(param: click.Parameter) -> list:
    """The hostile and ordinary values tried for one parameter."""
    if isinstance(param, click.Option) and param.is_flag:
        return [FLAG]
    if isinstance(param.type, click.Choice):
        return list(param.type.choices) + ["nope", "\udcff"]
    if isinstance(param.type, (click.types.IntParamType, click.types.FloatParamType)):
        return NUMBERS
    return KINDS_BY_NAME.get(param.name or "", TEXTS + NUMBERS[:3] + DATES[:3])


@st.composite
def invocations(draw, space: list[Command]) -> list[str]:
    """An argument list: one command, some of its options, each with a drawn value."""
    command = draw(st.sampled_from(space))
    # A second --today before the command wins over the run's own.
    args = ["--today", draw(st.sampled_from(DATES))] if draw(st.integers(0, 4)) == 0 else []
    args += command.words
    for param in command.params:
        if param.name in ("help",) or not draw(st.booleans()):
            continue
        value = draw(st.sampled_from(values_for(param)))
        if isinstance(param, click.Option):
            args.append(param.opts[0])
        if value is not FLAG:
            args.append(value)
    if command.words in FORCED_DIR:
        args += ["--dir", "timers"]
    return args


def prepare(folder: Path) -> None:
    """The files and folders the path values point at."""
    (folder / "plain-file").write_text("not a folder\n")
    (folder / "folder").mkdir(exist_ok=True)
