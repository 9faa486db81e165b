"""The real program in a real terminal: `ritual --home DIR` inside tmux, driven by keys, read from the pane."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from tests.tui.conftest import write_quiet_config

RITUAL = str(Path(sys.executable).with_name("ritual"))
TODAY = "2026-03-09"

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed (.ci/run installs it)")


class Pane:
    """One detached tmux session running ritual, on a tmux server of its own.

    A private server (`-L`) per pane: on a shared one, a pane ending the last session stops the server just as
    another test's pane may be starting on it.
    """

    def __init__(self, home: Path, size: tuple[int, int] = (110, 34)) -> None:
        self.name = f"ritual-test-{uuid.uuid4().hex[:8]}"
        self.home = home
        self.size = size

    @property
    def _tmux(self) -> list[str]:
        return ["tmux", "-L", self.name]

    def start(self) -> None:
        # COLUMNS and LINES from the test runner would override the pane's real size.
        command = f"env -u COLUMNS -u LINES RITUAL_TODAY={TODAY} {RITUAL} --home {self.home}"
        width, height = (str(n) for n in self.size)
        subprocess.run([*self._tmux, "new-session", "-d", "-s", self.name, "-x", width, "-y", height, command], check=True)

    def keys(self, *keys: str) -> None:
        subprocess.run([*self._tmux, "send-keys", "-t", self.name, *keys], check=True)

    def text(self) -> str:
        done = subprocess.run([*self._tmux, "capture-pane", "-p", "-t", self.name], capture_output=True, text=True)
        return done.stdout

    def wait_for(self, text: str, seconds: float = 15.0) -> str:
        """The pane once `text` shows on it; fails with the pane's content otherwise."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            shown = self.text()
            if text in shown:
                return shown
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared; the pane shows:\n{self.text()}")

    def alive(self) -> bool:
        return subprocess.run([*self._tmux, "has-session", "-t", self.name], capture_output=True).returncode == 0

    def stop(self) -> None:
        subprocess.run([*self._tmux, "kill-server"], capture_output=True)


def ritual_json(home: Path, *args: str):
    """What a `--json` command prints, read."""
    import json

    env = {**os.environ, "RITUAL_TODAY": TODAY}
    done = subprocess.run([RITUAL, "--home", str(home), *args, "--json"], check=True, capture_output=True, env=env)
    return json.loads(done.stdout)


def ritual(home: Path, *args: str) -> None:
    env = {**os.environ, "RITUAL_TODAY": TODAY}
    subprocess.run([RITUAL, "--home", str(home), *args], check=True, capture_output=True, env=env)


@pytest.fixture
def pane(tmp_path: Path):
    home = tmp_path / "home"
    write_quiet_config(home / "config" / "config.toml")
    ritual(home, "friend", "add", "Ana Souza", "--birthday", "1990-03-14", "--country", "US", "--city", "Portland")
    ritual(home, "friend", "add", "Ben Carter", "--birthday", "03-20", "--country", "GB", "--tag", "choir")
    found = Pane(home)
    found.start()
    yield found
    found.stop()


def test_a_person_plans_the_week_finds_a_friend_and_adds_one(pane):
    week = pane.wait_for("Week 11 · Mon 9 Mar – Sun 15 Mar 2026")
    pane.wait_for("Ana Souza's birthday (36)")
    assert "Previous week" in week
    pane.keys("Right")
    pane.wait_for("Mon 16 Mar – Sun 22 Mar")
    # Two letters sent together are a typed word, not two keys: a person pauses between keys.
    pane.keys("t")
    time.sleep(0.8)
    pane.keys("f")
    pane.wait_for("2 friends · sorted by name")
    pane.keys("/")
    time.sleep(0.3)
    pane.keys("c", "h", "o", "i", "r")
    listing = pane.wait_for("1 of 2 friends")
    assert "Ben Carter" in listing and "Ana Souza" not in listing
    pane.keys("Enter")
    time.sleep(0.3)
    pane.keys("Enter")
    profile = pane.wait_for("Occasions")
    assert "Ben Carter" in profile and "York" not in profile
    # A lone escape followed at once by a key reads as alt+key in any terminal: pause between them.
    pane.keys("Escape")
    pane.wait_for("2 friends")
    pane.keys("a")
    pane.wait_for("A new friend")
    pane.keys("C", "l", "a", "r", "a")
    # Each step waits to be drawn: on a busy machine keys sent ahead of the form's own focus land elsewhere.
    pane.wait_for("Clara")
    pane.keys("Tab", "Tab")
    time.sleep(0.5)
    pane.keys("0", "2", "-", "3", "0")
    pane.wait_for("02-30")
    pane.keys("C-s")
    form = pane.wait_for("is not a day of the calendar")
    assert "“02-30”" in form
    pane.keys("Escape")
    time.sleep(0.3)
    pane.keys("q")
    deadline = time.monotonic() + 10
    while pane.alive() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not pane.alive()


def test_at_80_by_24_a_typed_word_acts_on_nothing_and_a_lone_key_still_does(tmp_path: Path):
    home = tmp_path / "home"
    write_quiet_config(home / "config" / "config.toml")
    ritual(home, "friend", "add", "Ana Souza", "--birthday", "1990-03-14", "--country", "US", "--city", "Portland")
    pane = Pane(home, (80, 24))
    pane.start()
    try:
        pane.wait_for("Ana Souza's birthday")
        pane.keys("Down")
        for word in ("graduation", "holiday", "zara", "quinn"):
            pane.keys(*word)
            time.sleep(1.0)
            shown = pane.text()
            assert pane.alive() and "Week 11" in shown and "Card" not in shown, (word, shown)
        pane.keys("f")
        pane.wait_for("sorted by name")
        pane.keys(*"zara")
        pane.wait_for("zara")
    finally:
        pane.stop()
    assert ritual_json(home, "friend", "list")[0]["name"] == "Ana Souza"
