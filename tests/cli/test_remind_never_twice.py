"""Reminders never twice, never silently stopped: a broken notifier, a catch-up killed mid-delivery."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

RUN = [sys.executable, "-m", "ritual", "--today", "2026-11-25"]

BROKEN_EMAIL = """
notifiers = ["email", "terminal"]
smtp_host = "127.0.0.1"
smtp_to = "me@example.org"
smtp_user = "me"
smtp_password_command = "cat 'unclosed"
reminder_quiet_hours = []
"""

SLOW_HOOK = """
notifiers = ["command"]
notify_command = "{python} {hook}"
reminder_quiet_hours = []
reminder_digest = "wed 18:00"
"""

HOOK = """import os, sys, time
payload = sys.stdin.read()
folder = {folder!r}
open(os.path.join(folder, "started"), "a").write("x")
if os.path.exists(os.path.join(folder, "slow")):
    time.sleep(3)
open(os.path.join(folder, "received.jsonl"), "a").write(payload + "\\n")
"""


def _home(tmp_path: Path, config: str) -> tuple[Path, dict]:
    home = tmp_path / "home"
    (home / "config").mkdir(parents=True)
    (home / "config" / "config.toml").write_text(config)
    env = {**os.environ, "RITUAL_HOME": str(home)}
    for args in (["friend", "add", "Ana", "--birthday", "1990-12-03", "--country", "DE"],
                 ["friend", "add", "Bo", "--birthday", "11-27", "--keep-in-touch", "30", "--last-sent", "2026-10-01"]):
        subprocess.run([*RUN, *args], env=env, check=True, capture_output=True)
    return home, env


def _ritual(env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*RUN, *args], env=env, capture_output=True, text=True, timeout=60)


def test_a_broken_password_command_is_said_once_and_the_next_notifier_delivers(tmp_path):
    _, env = _home(tmp_path, BROKEN_EMAIL)
    done = _ritual(env, "remind", "--catch-up", "--now", "2026-11-25T10:00")
    assert done.returncode == 0, done.stderr
    # The reminders due at once arrive as one summary, delivered by the terminal after e-mail failed.
    assert "Post the card to Bo" in done.stdout and "Ana" in done.stdout
    assert done.stderr.count("smtp_password_command") == 1, done.stderr
    assert "No closing quotation" in done.stderr and "Traceback" not in done.stderr
    status = json.loads(_ritual(env, "remind", "--status", "--now", "2026-11-25T10:05", "--json").stdout)
    email = next(n for n in status["notifiers"] if n["name"] == "email")
    assert not email["works"] and "smtp_password_command" in email["reason"]


def _killed_mid_delivery(tmp_path: Path) -> tuple[Path, dict, Path]:
    """A catch-up killed with -9 while the hook runs; the hook itself goes on and finishes."""
    folder = tmp_path / "hook"
    folder.mkdir()
    (folder / "hook.py").write_text(HOOK.format(folder=str(folder)))
    (folder / "slow").write_text("")
    home, env = _home(tmp_path, SLOW_HOOK.format(python=sys.executable, hook=folder / "hook.py"))
    catch_up = subprocess.Popen([*RUN, "remind", "--catch-up", "--now", "2026-11-25T10:00"], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while not (folder / "started").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(catch_up.pid, signal.SIGKILL)
    catch_up.wait(timeout=10)
    (folder / "slow").unlink()
    while not (folder / "received.jsonl").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    return home, env, folder


def _received(folder: Path) -> list[dict]:
    return [json.loads(line) for line in (folder / "received.jsonl").read_text().splitlines() if line]


def test_a_reminder_interrupted_mid_delivery_is_never_sent_again_but_shown(tmp_path):
    _, env, folder = _killed_mid_delivery(tmp_path)
    first = _received(folder)
    assert len(first) == 1
    # Five reminders were due at once, so the interrupted delivery was their one summary.
    sent = first[0]["key"]
    assert sent.startswith("summary/")
    later = _ritual(env, "remind", "--catch-up", "--now", "2026-11-25T10:10")
    assert later.returncode == 0, later.stderr
    told = re.findall(r"reminder (\S+): the delivery was interrupted", later.stderr)
    assert len(told) == 5, later.stderr
    interrupted = told[0]
    keys = [r["key"] for r in _received(folder)]
    assert keys == [sent], "nothing of the interrupted summary is sent again"
    status = _ritual(env, "remind", "--status", "--now", "2026-11-25T10:15")
    assert "Interrupted while being sent" in status.stdout and interrupted in status.stdout
    digest_run = _ritual(env, "remind", "--catch-up", "--now", "2026-11-25T18:30")
    assert digest_run.returncode == 0, digest_run.stderr
    digest = next(r for r in _received(folder) if r["key"] == "digest/-/-/2026-11-25")
    assert "may not have reached you" in digest["body"] and interrupted in digest["body"]
    _ritual(env, "remind", "--catch-up", "--now", "2026-12-02T18:30")
    following = next(r for r in _received(folder) if r["key"] == "digest/-/-/2026-12-02")
    assert "may not have reached you" not in following["body"], "told about once"


def test_a_claim_left_before_the_lease_ends_is_not_taken_over(tmp_path):
    _, env, folder = _killed_mid_delivery(tmp_path)
    soon = _ritual(env, "remind", "--catch-up", "--now", "2026-11-25T10:02")
    assert soon.returncode == 0, soon.stderr
    keys = [r["key"] for r in _received(folder)]
    assert len(keys) == len(set(keys)), "nothing twice"
