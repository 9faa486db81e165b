"""`ritual remind` and `ritual daemon` as a user runs them: catch-up once, dry runs, mute, install, a real daemon."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ritual.services.reminders import install as units

ROOT = Path(__file__).resolve().parents[2]
CATCH_UP = ("remind", "--catch-up", "--now", "2026-11-25T10:00")


@pytest.fixture
def friends(ritual):
    ritual.ok("friend", "add", "Ana", "--birthday", "1990-12-03", "--country", "DE")
    ritual.ok("friend", "add", "Bo", "--birthday", "11-27", "--keep-in-touch", "30", "--last-sent", "2026-10-01")
    return ritual


def test_catch_up_delivers_once_and_a_second_run_delivers_nothing(friends):
    out = friends.ok(*CATCH_UP)
    assert out.startswith("Waiting for you: 1 card to write, 2 to post, 1 friend who might enjoy a letter")
    assert out.index("card to Ana") < out.index("card to Bo"), "oldest first"
    assert friends.ok(*CATCH_UP) == ""


def test_after_a_first_round_what_was_missed_comes_late_once(friends):
    assert friends.ok("remind", "--catch-up", "--now", "2026-11-21T10:00") != ""
    out = friends.ok(*CATCH_UP)
    assert "Bo's card goes in the post today (a little late)" in out and "A good day to write to Bo (a little late)" in out
    assert out.index("write to Bo") < out.index("Bo's card"), "oldest first"
    assert friends.ok(*CATCH_UP) == ""


def test_a_dry_run_lists_without_marking(friends):
    listed = json.loads(friends.ok(*CATCH_UP, "--dry-run", "--json"))
    assert {r["kind"] for r in listed} >= {"post", "keep_in_touch"}
    assert not any(r["late"] for r in listed), "the home's first round: nothing before it was missed"
    assert json.loads(friends.ok(*CATCH_UP, "--dry-run", "--json")) == listed
    delivered = json.loads(friends.ok(*CATCH_UP, "--json"))
    assert [r["key"] for r in delivered] == [r["key"] for r in listed]
    assert {r["notifier"] for r in delivered} == {"terminal"}
    assert "Nothing is waiting" in friends.ok(*CATCH_UP, "--dry-run")


def test_nothing_is_delivered_in_quiet_hours(friends):
    assert friends.ok("remind", "--catch-up", "--now", "2026-11-25T23:30", "--json") == "[]\n"


def test_a_muted_friend_is_left_out(friends):
    assert "muted" in friends.ok("remind", "mute", "Bo")
    out = friends.ok(*CATCH_UP)
    assert "Bo" not in out and "card to Ana" in out
    friends.ok("remind", "unmute", "Bo")
    assert "card to Bo" in friends.ok(*CATCH_UP)


def test_list_and_status_show_what_comes_and_what_went(friends):
    coming = json.loads(friends.ok("remind", "list", "--now", "2026-11-25T10:00", "--json"))
    assert coming[0]["key"] == "occasion/2/birthday/2026-11-27" and coming[0]["due"].startswith("2026-11-27T09:00")
    friends.ok(*CATCH_UP)
    status = json.loads(friends.ok("remind", "--status", "--now", "2026-11-25T10:05", "--json"))
    assert status["delivered"] and {"name": "terminal", "works": True, "reason": None} in status["notifiers"]


def test_a_bad_now_is_a_usage_error(friends):
    result = friends("remind", "--catch-up", "--now", "tomorrow")
    assert result.exit_code == 2 and "--now" in result.stderr


def test_install_writes_units_with_this_home_and_removes_them(friends, tmp_path, home):
    target = tmp_path / "units"
    out = friends.ok("remind", "install", "--systemd", "--dir", str(target))
    assert "enable --now ritual-remind.timer" in out
    service = (target / "ritual-remind.service").read_text()
    assert f"--home {home.absolute()} remind --catch-up" in service
    assert "Persistent=true" in (target / "ritual-remind.timer").read_text()
    friends.ok("remind", "install", "--launchd", "--dir", str(target))
    assert "<string>--catch-up</string>" in (target / "org.ritual.remind.plist").read_text()
    friends.ok("remind", "install", "--systemd", "--dir", str(target), "--remove")
    assert sorted(p.name for p in target.iterdir()) == ["org.ritual.remind.plist"]


def test_the_shipped_unit_files_match_the_templates():
    for name, template in units.SYSTEMD_FILES.items():
        assert (ROOT / "packaging/systemd" / name).read_text() == units.render(template, ["%h/.local/bin/ritual"])
    for name, template in units.LAUNCHD_FILES.items():
        assert (ROOT / "packaging/launchd" / name).read_text() == units.render(template, ["/usr/local/bin/ritual"])


HOOK_CONFIG = """
notifiers = ["command"]
notify_command = "{python} {hook}"
reminder_quiet_hours = []
reminder_digest = ""
reminder_kind_times = {{ keep_in_touch = "00:00" }}
"""


def test_the_daemon_delivers_through_the_hook_and_stops_cleanly_on_sigterm(tmp_path):
    home, received = tmp_path / "home", tmp_path / "received.jsonl"
    hook = tmp_path / "hook.py"
    hook.write_text(f"import sys\nopen({str(received)!r}, 'a').write(sys.stdin.read() + '\\n')\n")
    (home / "config").mkdir(parents=True)
    (home / "config" / "config.toml").write_text(HOOK_CONFIG.format(python=sys.executable, hook=hook))
    env = {**os.environ, "RITUAL_HOME": str(home)}
    run = [sys.executable, "-m", "ritual"]
    subprocess.run([*run, "friend", "add", "Cy", "--keep-in-touch", "30"], env=env, check=True, capture_output=True)
    daemon = subprocess.Popen([*run, "daemon", "--heartbeat", "0.2"], env=env, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 20
        while not received.exists() and time.monotonic() < deadline and daemon.poll() is None:
            time.sleep(0.1)
        time.sleep(0.5)  # a few more heartbeats, to see that nothing comes twice
    finally:
        daemon.send_signal(signal.SIGTERM)
        _, err = daemon.communicate(timeout=20)
    assert daemon.returncode == 0, err
    lines = received.read_text().splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["friend"] == "Cy"
    assert "ritual daemon stopped" in err and (home / "state" / "daemon.log").exists()


def test_catch_up_keeps_the_export_file_current_and_writes_it_only_on_change(friends, home):
    target = home.parent / "phone" / "ritual.ics"
    (home / "config").mkdir(parents=True, exist_ok=True)
    (home / "config" / "config.toml").write_text(f'export_ics_files = ["{target}"]\n')
    friends.ok(*CATCH_UP)
    first = target.read_bytes()
    assert b"Ana's birthday" in first
    written = target.stat().st_mtime_ns, target.stat().st_ino
    friends.ok("remind", "--catch-up", "--now", "2026-11-25T10:15")
    assert (target.stat().st_mtime_ns, target.stat().st_ino) == written
    friends.ok("friend", "add", "Cy", "--birthday", "1980-01-05")
    friends.ok("remind", "--catch-up", "--now", "2026-11-25T10:30")
    assert b"Cy's birthday" in target.read_bytes()
    assert friends.json("export", "status")[0]["changed_at"].startswith("2026-11-25T")


def test_catch_up_says_a_broken_export_once_and_exits_1(friends, home):
    blocker = home.parent / "blocker"
    blocker.write_text("")
    (home / "config").mkdir(parents=True, exist_ok=True)
    (home / "config" / "config.toml").write_text(f'export_ics_files = ["{blocker}/r.ics"]\n')
    first = friends(*CATCH_UP)
    assert first.exit_code == 1 and "could not refresh" in first.stderr and "card to Ana" in first.stdout
    again = friends("remind", "--catch-up", "--now", "2026-11-25T10:15")
    assert again.exit_code == 1 and "could not refresh" not in again.stderr
    assert "still cannot be refreshed" in again.stderr and "export status" in again.stderr


def test_catch_up_says_why_when_a_kept_caldav_calendar_cannot_be_reached(friends, home):
    (home / "config").mkdir(parents=True, exist_ok=True)
    (home / "config" / "config.toml").write_text('export_caldav_urls = ["http://127.0.0.1:9/cal/"]\n')
    for moment in ("2026-11-25T10:00", "2026-11-25T10:15"):
        result = friends("remind", "--catch-up", "--now", moment)
        assert result.exit_code == 1 and "127.0.0.1:9/cal/" in result.stderr, result.stderr


def test_install_timer_and_uninstall_timer_are_the_same_units(friends, tmp_path, home):
    target = tmp_path / "timer-units"
    out = friends.ok("install-timer", "--systemd", "--dir", str(target))
    assert "Wrote" in out and "enable --now ritual-remind.timer" in out
    assert f"--home {home.absolute()} remind --catch-up" in (target / "ritual-remind.service").read_text()
    assert sorted(p.name for p in target.iterdir()) == sorted(units.SYSTEMD_FILES)
    out = friends.ok("uninstall-timer", "--systemd", "--dir", str(target))
    assert out.count("Removed") == 3 and "Ran" not in out and list(target.iterdir()) == []
    assert "Nothing of ritual's" in friends.ok("uninstall-timer", "--systemd", "--dir", str(target))


def test_a_letter_left_unanswered_is_reminded_once(ritual):
    ritual.ok("friend", "add", "Di", "--birthday", "1990-06-01")
    ritual.ok("letter", "add", "Di", "--received", "--date", "2026-11-05")
    out = ritual.ok("remind", "--catch-up", "--now", "2026-11-25T10:00")
    assert "Di's letter is waiting for your reply" in out
    assert "waiting for your reply" not in ritual.ok("remind", "--catch-up", "--now", "2026-11-25T10:05")
    listed = ritual.json("remind", "list", "--now", "2026-11-25T10:10", "--days", "60")
    assert not any(r["kind"] == "reply_owed" for r in listed)
