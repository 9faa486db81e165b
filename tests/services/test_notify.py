"""Notifiers: the command hook gets JSON, failures fall through in order, probes say why a notifier cannot work."""

from __future__ import annotations

import io
import json
import sys
from datetime import date, datetime, timezone

from ritual.core.reminders import Reminder
from ritual.paths import Paths
from ritual.services.reminders.notifiers import (
    CommandNotifier,
    NotifierChain,
    TerminalNotifier,
    ToastNotifier,
)
from ritual.services.reminders.notify_desktop import DesktopNotifier, NotifySendNotifier
from ritual.services.reminders.notify_setup import build_notifiers
from ritual.settings.load import load_settings

REMINDER = Reminder(
    key="post/2/birthday/2026-11-27", kind="post", due=datetime(2026, 11, 24, 8, tzinfo=timezone.utc),
    day=date(2026, 11, 24), friend_id=2, friend="Bo", occasion="birthday", occasion_date=date(2026, 11, 27),
    title="Bo's card goes in the post today", body="Post the card to Bo — birthday Fri 27 Nov.",
)


def test_the_command_hook_receives_the_reminder_as_json(tmp_path):
    out = tmp_path / "got.json"
    script = tmp_path / "hook.py"
    script.write_text(f"import sys; open({str(out)!r}, 'w').write(sys.stdin.read())\n")
    CommandNotifier(f"{sys.executable} {script}").send(REMINDER, late=True)
    got = json.loads(out.read_text())
    assert got["key"] == REMINDER.key and got["late"] is True and got["friend"] == "Bo"


def test_a_failing_hook_falls_back_to_the_next_notifier_in_order(caplog):
    stream = io.StringIO()
    chain = NotifierChain([CommandNotifier(""), CommandNotifier(f"{sys.executable} -c 'raise SystemExit(3)'"),
                           TerminalNotifier(stream)])
    assert chain.deliver(REMINDER, late=False) == "terminal"
    assert chain.skipped == {"command": "notify_command is not set"}
    assert "exited with 3" in caplog.text
    assert stream.getvalue().startswith("Bo's card goes in the post today\n")


def test_when_every_notifier_fails_nothing_is_claimed_as_delivered():
    assert NotifierChain([CommandNotifier("false"), ToastNotifier(None)]).deliver(REMINDER, late=False) is None


def test_desktop_notifications_are_probed_not_assumed(monkeypatch):
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    monkeypatch.setenv("XDG_RUNTIME_DIR", "/nonexistent")
    if sys.platform == "linux":
        assert DesktopNotifier().problem() == "no desktop session bus here"
    monkeypatch.setenv("PATH", "")
    assert NotifySendNotifier().problem() == "notify-send is not installed"


def test_a_bus_address_that_leads_nowhere_is_found_out(monkeypatch, tmp_path):
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path / 'no-bus'}")
    assert DesktopNotifier().problem() is not None


def test_inside_the_app_the_toast_takes_the_terminals_place(tmp_path):
    settings = load_settings(Paths.under(tmp_path))
    names = [n.name for n in build_notifiers(settings, toast=lambda r, late: None).notifiers]
    assert names == ["desktop", "notify-send", "toast", "email", "command", "terminal"]
    status = dict(build_notifiers(settings, toast=lambda r, late: None).status())
    assert status["toast"] is None and status["terminal"] == "the app is open"
    only_terminal = settings.reminders._replace(notifiers=("terminal",))
    chain = build_notifiers(settings._replace(reminders=only_terminal), toast=lambda r, late: None)
    assert [n.name for n in chain.notifiers] == ["toast"]


def test_a_notifier_that_breaks_is_logged_once_and_the_chain_goes_on(caplog):
    class Broken:
        name = "broken"

        def problem(self):
            return None

        def send(self, reminder, late):
            raise KeyError("no such key")

    stream = io.StringIO()
    chain = NotifierChain([Broken(), CommandNotifier("cat 'unclosed"), TerminalNotifier(stream)])
    assert chain.deliver(REMINDER, late=False) == "terminal"
    assert chain.deliver(REMINDER._replace(key="post/3/birthday/2026-11-28"), late=False) == "terminal"
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert len(warnings) == 2, warnings
    assert "broken failed: KeyError: 'no such key'" in warnings[0] and "No closing quotation" in warnings[1]
    assert dict(chain.status())["command"].startswith("notify_command \"cat 'unclosed\" cannot be read")


def test_an_unreadable_password_command_makes_email_unusable_not_a_crash(tmp_path):
    from ritual.services.reminders.notify_smtp import EmailNotifier
    from ritual.settings.reminders import SmtpSettings

    fields = dict.fromkeys(SmtpSettings._fields)
    smtp = SmtpSettings(**{**fields, "host": "127.0.0.1", "to": "me@example.org", "user": "me",
                           "password_command": "cat 'unclosed"})
    assert "smtp_password_command" in EmailNotifier(smtp).problem()
