"""Every stored value has one range, refused at input, so nothing stored can make a later command fail."""

from __future__ import annotations

import sqlite3

import pytest

BIG = str(2**63)


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (["friend", "add", "Ana", "--keep-in-touch", "999999999"], "keep-in-touch"),
        (["friend", "add", "Ana", "--keep-in-touch", BIG], "keep-in-touch"),
        (["friend", "add", "Ana", "--birthday", "9999-12-31"], "birthday"),
        (["friend", "add", "Ana", "--birthday", "1799-12-31"], "birthday"),
        (["friend", "add", "Ana", "--last-sent", "9999-12-31"], "--last-sent"),
        (["friend", "add", "Ana", "--last-received", "0001-01-01"], "--last-received"),
        (["occasion", "add", "Someone", "anniversary", "2201-01-01"], "occasion date"),
        (["occasion", "add", "Someone", "anniversary", "0999-01-01"], "occasion date"),
        (["letter", "add", "Someone", "--sent", "--date", "9999-12-31"], "--date"),
        (["week", "--date", "9999-12-31"], "--date"),
        (["week", "--date", "0001-01-01"], "--date"),
        (["upcoming", "--from", "9999-12-30"], "--from"),
        (["upcoming", "--days", BIG], "--days"),
        (["card", "list", "--days", "999999999"], "--days"),
        (["--today", "9999-12-31", "week"], "--today"),
        (["remind", "list", "--now", "9999-12-31T23:59"], "--now"),
        (["remind", "--status", "--now", "0001-01-01T00:00+14:00"], "--now"),
        (["letter", "show", BIG], "LETTER_ID"),
        (["occasion", "rm", BIG, "--yes"], "OCCASION_ID"),
        (["session", "rm", BIG], "ID"),
        (["session", "minutes", "Someone", BIG], "MINUTES"),
        (["supplies", "set", "cards", BIG], "COUNT"),
        (["supplies", "add", "cards", BIG], "COUNT"),
        (["letter", "year", "99999"], "YEAR"),
    ],
)
def test_values_outside_their_range_are_refused_with_exit_2(ritual, args, field):
    ritual.ok("friend", "add", "Someone")
    result = ritual(*args)
    assert result.exit_code == 2, (result.output, result.stderr)
    assert field in result.stderr and "Traceback" not in result.output


def test_the_ends_of_the_ranges_are_accepted(ritual):
    ritual.ok("friend", "add", "Ana", "--birthday", "2200-12-31", "--keep-in-touch", "36500",
              "--last-sent", "1800-01-01")
    ritual.ok("week", "--date", "2200-12-31")
    ritual.ok("upcoming", "--from", "2200-12-01", "--days", "3660")
    assert ritual.json("friend", "show", "Ana")["birthday"] == "2200-12-31"


def test_an_argument_that_is_not_utf8_is_refused_by_name(ritual):
    result = ritual("friend", "add", "caf\udce9")
    assert result.exit_code == 2 and "caf\\xe9" in result.stderr and "not valid UTF-8" in result.stderr
    assert ritual.json("friend", "list") == []


def test_a_path_that_cannot_be_written_is_bad_input(ritual, tmp_path):
    (tmp_path / "plain").write_text("")
    result = ritual("export", "ics", "--out", str(tmp_path / "plain" / "out.ics"))
    assert result.exit_code == 2 and "plain" in result.stderr and "Traceback" not in result.output


def _ranges_migration() -> str:
    from ritual.store.schema import MIGRATIONS

    return next(step for step in MIGRATIONS if "UPDATE friends SET birth_year = NULL" in step)


def test_values_stored_before_the_ranges_are_brought_inside_them(ritual, home):
    ritual.ok("friend", "add", "Ana", "--birthday", "1990-05-01", "--keep-in-touch", "30")
    ritual.ok("letter", "add", "Ana", "--sent", "--date", "2026-11-01")
    with sqlite3.connect(home / "data" / "ritual.db") as conn:
        conn.execute("UPDATE friends SET birth_year = 9999, cadence_days = 999999999, last_sent = '9999-12-31'")
        conn.execute("UPDATE letters SET written_on = '9999-12-31'")
    # The migration that brings stored values into range, run as an upgrade would run it (it only updates rows).
    with sqlite3.connect(home / "data" / "ritual.db") as conn:
        conn.executescript(_ranges_migration())
    shown = ritual.json("friend", "show", "Ana")
    assert shown["birthday"] == "--05-01"
    assert ritual.ok("upcoming") is not None
    with sqlite3.connect(home / "data" / "ritual.db") as conn:
        row = conn.execute("SELECT cadence_days, last_sent FROM friends").fetchone()
        assert row == (36500, None)
        assert conn.execute("SELECT written_on FROM letters").fetchone() == ("2200-12-31",)


def test_a_week_far_ahead_fills_only_the_holiday_years_it_touches(ritual, home):
    ritual.ok("friend", "add", "Ana", "--birthday", "1990-05-01", "--country", "DE")
    ritual.ok("week", "--date", "2200-12-31")
    with sqlite3.connect(home / "data" / "ritual.db") as conn:
        years = [row[0] for row in conn.execute("SELECT DISTINCT year FROM holiday_years ORDER BY year")]
    assert len(years) <= 12 and 2100 not in years and 2200 in years


@pytest.mark.parametrize("seconds", ["nan", "inf", "0"])
def test_the_daemon_refuses_a_heartbeat_that_is_not_a_sensible_number(ritual, seconds):
    result = ritual("daemon", "--heartbeat", seconds)
    assert result.exit_code == 2 and "--heartbeat" in result.stderr
