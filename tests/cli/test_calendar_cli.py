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


def test_import_for_gives_a_nameless_anniversary_to_a_friend(ritual, home):
    calendar = home.parent / "ours.ics"
    calendar.write_bytes(
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:1\r\nSUMMARY:Our Blissful Anniversary\r\n"
        b"DTSTART;VALUE=DATE:19971102\r\nRRULE:FREQ=YEARLY\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    ritual.ok("friend", "add", "Mia Weber", "--birthday", "1991-05-04")
    untold = ritual.ok("import", "ics", str(calendar))
    assert "1 skipped" in untold and "add --for NAME to give it to a friend" in untold
    told = ritual.ok("import", "ics", str(calendar), "--for", "Mia")
    assert "Imported: 0 created, 1 updated" in told and "updated   Mia Weber — anniversary 2 November 1997" in told
    assert "anniversary 2 November 1997 (yearly)" in ritual.ok("friend", "show", "Mia Weber")
    missing = ritual("import", "ics", str(calendar), "--for", "Nobody")
    assert missing.exit_code == 1 and "no friend called 'Nobody'" in missing.stderr


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


def keep_file(home, target, extra=""):
    (home / "config").mkdir(parents=True, exist_ok=True)
    (home / "config" / "config.toml").write_text(f'export_ics_files = ["{target}"]\n{extra}')


def test_export_status_says_how_to_name_targets_when_there_are_none(ritual, home):
    out = ritual.ok("export", "status")
    assert "export_ics_files" in out and str(home / "config" / "config.toml") in out
    assert ritual.json("export", "status") == []


def test_export_refresh_then_status_show_the_kept_file(ritual, home):
    with_friends(ritual)
    target = home.parent / "Sync" / "ritual.ics"
    keep_file(home, target)
    assert ritual.json("export", "status")[0]["refreshed_at"] is None
    assert "not refreshed yet" in ritual.ok("export", "status")
    assert "wrote" in ritual.ok("export", "refresh")
    assert target.read_bytes() == ritual("export", "ics").stdout_bytes
    assert "up to date" in ritual.ok("export", "refresh")
    assert "(nothing written)" in ritual.ok("export", "refresh", "--force")
    [row] = ritual.json("export", "status")
    assert row["location"] == str(target) and row["events"] > 2 and row["last_error"] is None
    assert "refreshed 2026-11-25" in ritual.ok("export", "status")


def test_a_failing_target_exits_1_and_status_shows_the_error(ritual, home):
    blocker = home.parent / "not-a-folder"
    blocker.write_text("")
    keep_file(home, blocker / "ritual.ics")
    result = ritual("export", "refresh")
    assert result.exit_code == 1 and "failed:" in result.stderr
    status = ritual.ok("export", "status")
    assert "failing since" in status and "not-a-folder" in status


def test_export_status_imports_no_calendar_or_scheduler_library(home):
    script = (
        "import sys\nfrom ritual.cli import cli\n"
        "try:\n    cli(['export', 'status'], prog_name='ritual')\nexcept SystemExit:\n    pass\n"
        "print('HEAVY', [m for m in ('icalendar', 'caldav', 'apscheduler', 'vobject') if m in sys.modules])\n"
    )
    env = {**os.environ, "RITUAL_HOME": str(home)}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True)
    assert "HEAVY []" in done.stdout
