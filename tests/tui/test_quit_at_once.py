"""`q` quits at once, even in the first seconds while a slow round of reminders is still being delivered."""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

from tests.tui.test_terminal import Pane, pytestmark, ritual  # noqa: F401  (tmux is needed, as there)

# Far longer than the bound below: a quit that waited for the round could not pass by luck.
HOOK_SECONDS = 20
QUIT_BOUND_SECONDS = 2.0

SLOW_HOOK = """import os, sys, time
sys.stdin.read()
open({started!r}, "w").write(str(os.getpid()))
time.sleep({seconds})
open({finished!r}, "w").write("done")
"""


def slow_home(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A home whose reminders go to a command that takes HOOK_SECONDS to deliver; a birthday is due at once."""
    home, started, finished = tmp_path / "home", tmp_path / "started", tmp_path / "finished"
    hook = tmp_path / "slow_hook.py"
    hook.write_text(SLOW_HOOK.format(started=str(started), finished=str(finished), seconds=HOOK_SECONDS))
    config = home / "config" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text(f'notifiers = ["command"]\nnotify_command = "{sys.executable} {hook}"\n'
                      'reminder_quiet_hours = []\n', encoding="utf-8")
    ritual(home, "friend", "add", "Ana Souza", "--birthday", "1990-03-10", "--country", "US")
    return home, started, finished


def test_q_quits_at_once_while_the_first_reminder_round_is_still_delivering(tmp_path: Path):
    home, started, finished = slow_home(tmp_path)
    pane = Pane(home, (80, 24))
    pane.start()
    try:
        pane.wait_for("Week 11")
        deadline = time.monotonic() + 30
        while not started.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert started.exists(), "the first round never reached the slow notifier"
        pane.keys("q")
        quit_at = time.monotonic()
        while pane.alive() and time.monotonic() - quit_at < HOOK_SECONDS:
            time.sleep(0.05)
        took = time.monotonic() - quit_at
        assert not pane.alive()
        assert took < QUIT_BOUND_SECONDS, f"quitting took {took:.1f}s"
        assert not finished.exists()  # the round was cut off, not waited for
    finally:
        pane.stop()
        _end_hook(started)


def _end_hook(started: Path) -> None:
    """The hook this test started outlives the app by design; end it by its own process id."""
    if started.exists():
        try:
            os.kill(int(started.read_text()), signal.SIGTERM)
        except (ProcessLookupError, ValueError):
            pass
