"""Bare `ritual`: the app on a terminal, the plain week in scripts and pipes (without loading Textual)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

SCRIPT = (
    "import sys, json\n"
    "from ritual.cli import cli\n"
    "try:\n"
    "    cli([], prog_name='ritual')\n"
    "except SystemExit:\n"
    "    pass\n"
    "print(json.dumps(sorted(sys.modules)), file=sys.stderr)\n"
)


def test_without_a_terminal_bare_ritual_prints_the_week_and_loads_no_textual(tmp_path):
    env = {**os.environ, "RITUAL_HOME": str(tmp_path / "home"), "RITUAL_TODAY": "2026-03-09"}
    subprocess.run([sys.executable, "-m", "ritual", "friend", "add", "Ana Souza", "--birthday", "1990-03-14"],
                   env=env, check=True, capture_output=True)
    done = subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, check=True)
    assert "Week 11" in done.stdout and "Ana Souza's birthday (36)" in done.stdout
    modules = set(json.loads(done.stderr.strip().splitlines()[-1]))
    assert not any(m == "textual" or m.startswith("textual.") for m in modules)
