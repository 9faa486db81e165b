"""Desktop reminders reach a real notification server (dunst on a private bus under Xvfb) with ritual's icon."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ritual.paths import Paths, shipped_icon
from ritual.services.reminders.notify_desktop import DesktopNotifier, NotifySendNotifier
from ritual.services.reminders.notify_setup import build_notifiers
from ritual.settings.load import load_settings
from tests.services.test_notify import REMINDER

PROGRAMS = ("Xvfb", "dbus-daemon", "dunst", "dunstctl")
pytestmark = pytest.mark.skipif(any(shutil.which(p) is None for p in PROGRAMS),
                                reason="Xvfb, dbus-daemon or dunst is not installed (.ci/run installs them)")


@dataclasses.dataclass
class DesktopSession:
    """A display, a session bus and dunst on it; `env` reaches them, `received()` reads what dunst was sent."""

    env: dict
    processes: list

    def received(self) -> list[dict]:
        """Every notification dunst got, oldest first, as plain field → value dicts."""
        # dunst keeps shown notifications out of its history until they close.
        self.ctl("close-all")
        history = json.loads(self.ctl("history"))["data"][0]
        return [{key: field["data"] for key, field in item.items()} for item in reversed(history)]

    def ctl(self, *args: str) -> str:
        """Run dunstctl against this session's dunst."""
        done = subprocess.run(["dunstctl", *args], env=self.env, capture_output=True, text=True, timeout=10)
        assert done.returncode == 0, done.stderr
        return done.stdout


def _start_display(tmp_path: Path) -> tuple[subprocess.Popen, str]:
    """Xvfb on a free display number, which it writes to a pipe we read."""
    read_end, write_end = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write_end), "-nolisten", "tcp", "-screen", "0", "640x480x24"],
                            pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_end)
    with os.fdopen(read_end) as pipe:
        number = pipe.readline().strip()
    assert number, "Xvfb gave no display number"
    return xvfb, f":{number}"


def _start_bus() -> tuple[subprocess.Popen, str]:
    """A private session bus that stays our child, so the test can stop it."""
    bus = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    return bus, bus.stdout.readline().strip()


def _wait_for_dunst(session: DesktopSession) -> None:
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if subprocess.run(["dunstctl", "is-paused"], env=session.env, capture_output=True).returncode == 0:
            return
        time.sleep(0.1)
    pytest.fail("dunst did not come up on the private bus")


@pytest.fixture
def desktop(tmp_path, monkeypatch):
    """A real desktop notification server for one test; every process it starts is stopped after."""
    processes = []
    try:
        xvfb, display = _start_display(tmp_path)
        processes.append(xvfb)
        bus, address = _start_bus()
        processes.append(bus)
        env = {**os.environ, "DISPLAY": display, "DBUS_SESSION_BUS_ADDRESS": address}
        config = tmp_path / "dunstrc"
        # dunst would fold the two identical reminders of one test into a single entry.
        config.write_text("[global]\n    timeout = 0\n    stack_duplicates = false\n", encoding="utf-8")
        processes.append(subprocess.Popen(["dunst", "-config", str(config)], env=env,
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        session = DesktopSession(env, processes)
        _wait_for_dunst(session)
        monkeypatch.setenv("DISPLAY", display)
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
        yield session
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def test_remind_test_arrives_on_the_desktop_with_ritual_s_icon(desktop, tmp_path):
    done = subprocess.run([sys.executable, "-m", "ritual", "--home", str(tmp_path / "home"), "remind", "test"],
                          env=desktop.env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "went out by desktop" in done.stdout
    (shown,) = desktop.received()
    assert shown["summary"] == "ritual can reach you here"
    assert shown["body"] == "This is how your reminders to write and post will arrive."
    assert shown["appname"] == "ritual"
    assert shown["icon_path"] == str(shipped_icon()) and shipped_icon().is_file()


def test_both_desktop_notifiers_deliver_a_late_reminder_with_the_icon(desktop):
    for notifier in (DesktopNotifier(), NotifySendNotifier()):
        assert notifier.problem() is None
        notifier.send(REMINDER, late=True)
    shown = desktop.received()
    assert [s["summary"] for s in shown] == ["Bo's card goes in the post today (a little late)"] * 2
    assert [s["body"] for s in shown] == ["Post the card to Bo — birthday Fri 27 Nov."] * 2
    assert {s["icon_path"] for s in shown} == {str(shipped_icon())}


def test_inside_the_app_the_toast_still_comes_first_when_listed_first(desktop, tmp_path):
    paths = Paths.under(tmp_path / "home")
    paths.config_file.parent.mkdir(parents=True, exist_ok=True)
    paths.config_file.write_text('notifiers = ["toast", "desktop"]\n', encoding="utf-8")
    toasts = []
    chain = build_notifiers(load_settings(paths), toast=lambda reminder, late: toasts.append(reminder.title))
    assert chain.deliver(REMINDER, late=False) == "toast"
    assert toasts == [REMINDER.title] and desktop.received() == []
