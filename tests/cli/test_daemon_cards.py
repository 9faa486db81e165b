"""A real `ritual daemon` process: a card written and posted while it runs gets no write or post reminder."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

# The daemon's clock starts this far before the reminders' 09:00, leaving time for it to start and for the letter.
START = "2026-12-02T08:59:52"
RECORDER = "import json, sys\nwith open(sys.argv[1], 'a') as f:\n    f.write(json.dumps(json.load(sys.stdin)) + '\\n')\n"


def _wait_for(check, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.2)
    raise AssertionError(f"gave up waiting for {what}")


def _delivered(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


def _of(path: Path, friend: str) -> list[dict]:
    return [d for d in _delivered(path) if d["friend"] == friend]


def _home(ritual, home: Path, tmp_path: Path) -> Path:
    """Two friends whose cards are due to be written and posted on Wed 2 Dec at 09:00 (UTC)."""
    recorder, deliveries = tmp_path / "record.py", tmp_path / "delivered.jsonl"
    recorder.write_text(RECORDER)
    (home / "config").mkdir(parents=True)
    command = json.dumps(f"{sys.executable} {recorder} {deliveries}")
    (home / "config" / "config.toml").write_text(
        f'writing_lead_days = 0\nreminder_timezone = "UTC"\nnotifiers = ["command"]\nnotify_command = {command}\n')
    ritual.ok("friend", "add", "Ana Souza", "--birthday", "1990-12-04", "--country", "US")
    ritual.ok("friend", "add", "Bo Lind", "--birthday", "1985-12-04", "--country", "US")
    return deliveries


def test_a_running_daemon_delivers_no_reminder_for_a_step_done_while_it_runs(ritual, home, tmp_path):
    deliveries = _home(ritual, home, tmp_path)
    daemon = subprocess.Popen([sys.executable, "-m", "ritual", "--home", str(home), "daemon", "--heartbeat", "0.5",
                               "--now", START], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              env={**os.environ, "NO_COLOR": "1"})
    try:
        log = home / "state" / "daemon.log"
        _wait_for(lambda: log.exists() and "reminders rebuilt" in log.read_text(), 12, "the daemon to start")
        assert "4 due" in log.read_text(), "the four write and post reminders were scheduled as exact jobs"
        ritual.on("2026-12-02").ok("letter", "add", "Ana", "--sent", "--occasion", "birthday", "--posted", "2026-12-02")
        _wait_for(lambda: len(_of(deliveries, "Bo Lind")) >= 2, 20, "Bo's write and post reminders")
        time.sleep(1.5)  # further rounds, where Ana's reminders would show up if they were still due
    finally:
        daemon.send_signal(signal.SIGTERM)
        out, err = daemon.communicate(timeout=10)
    assert daemon.returncode == 0, err
    assert "ritual daemon stopped" in err
    assert sorted(d["kind"] for d in _of(deliveries, "Bo Lind")) == ["post", "write"]
    assert _of(deliveries, "Ana Souza") == [], "her card was written and posted while the daemon ran"
