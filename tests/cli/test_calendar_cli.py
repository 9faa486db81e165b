"""`ritual export ics`, `ritual import ics` and `ritual sync caldav` as a user runs them."""

from __future__ import annotations

import os
import subprocess
import sys

import icalendar


def with_friends(ritual):
    ritual.ok("friend", "add", "Ana Souza", "--birthday", "1990-12-14")
    ritual.ok("friend", "add", "Eli Leap", "--birthday", "02-29", "--feb29", "mar1")


def test_export_to_stdout_and_to_a_private_file(ritual, home):
    with_friends(ritual)
    printed = ritual.ok("export", "ics")
    summaries = {str(e["SUMMARY"]) for e in icalendar.Calendar.from_ical(printed.encode()).walk("VEVENT")}
    assert {"Ana Souza's birthday", "Write to Ana Souza — birthday Mon 14 Dec"} <= summaries
    target = home / "out.ics"
    result = ritual("export", "ics", "--out", str(target), "--include", "birthdays", "--years", "2")
    assert result.exit_code == 0 and "events to" in result.stderr
    assert target.stat().st_mode & 0o777 == 0o600 and b"Write to" not in target.read_bytes()
    assert ritual.ok("export", "ics") == printed


def test_export_refuses_unknown_kinds_with_exit_code_2(ritual):
    result = ritual("export", "ics", "--include", "birthdays,cards")
    assert result.exit_code == 2 and "--include: 'cards' is not one of" in result.stderr
    assert "Traceback" not in result.output


def test_import_dry_run_then_for_real_then_again(ritual, home):
    calendar = home.parent / "birthdays.ics"
    calendar.write_bytes(
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\nBEGIN:VEVENT\r\nUID:1\r\nSUMMARY:Bo's birthday (1970)\r\n"
        b"DTSTART;VALUE=DATE:19700101\r\nRRULE:FREQ=YEARLY\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:2\r\nSUMMARY:Team lunch\r\n"
        b"DTSTART;VALUE=DATE:20260101\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    dry = ritual.ok("import", "ics", str(calendar), "--dry-run")
    assert "Would import: 1 created, 0 updated, 0 unchanged, 1 skipped." in dry and "Team lunch" in dry
    assert ritual.json("friend", "list") == []
    assert "Imported: 1 created" in ritual.ok("import", "ics", str(calendar))
    assert [f["birthday"] for f in ritual.json("friend", "list")] == ["1970-01-01"]
    assert "0 created, 0 updated, 1 unchanged" in ritual.ok("import", "ics", str(calendar))


def test_a_malformed_import_names_the_line_and_changes_nothing(ritual, home):
    broken = home.parent / "broken.ics"
    broken.write_bytes(b"BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:Bo's birthday\nDTSTART 20200101\nEND:VEVENT\nEND:VCALENDAR\n")
    result = ritual("import", "ics", str(broken))
    assert result.exit_code == 2 and "broken.ics line 4" in result.stderr and "Traceback" not in result.output
    assert ritual("import", "ics", str(home.parent / "missing.ics")).exit_code == 2


def test_sync_without_a_url_says_how_to_give_one(ritual):
    result = ritual("sync", "caldav")
    assert result.exit_code == 2 and "--url or set caldav_url" in result.stderr


def test_help_for_the_calendar_commands_imports_no_calendar_library(home):
    script = (
        "import sys\nfrom ritual.cli import cli\n"
        "for args in (['export', 'ics', '--help'], ['import', 'ics', '--help'], ['sync', 'caldav', '--help']):\n"
        "    try:\n        cli(args, prog_name='ritual')\n    except SystemExit:\n        pass\n"
        "heavy = [m for m in ('icalendar', 'caldav', 'recurring_ical_events', 'vobject') if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    env = {**os.environ, "RITUAL_HOME": str(home)}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True)
    assert "HEAVY []" in done.stdout
