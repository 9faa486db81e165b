"""Bad input: a clear message naming the field and the value, exit code 2, never a traceback."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("args", "field", "value"),
    [
        (["friend", "add", "Ana", "--birthday", "2025-02-30"], "birthday", "2025-02-30"),
        (["friend", "add", "Ana", "--birthday", "02-30"], "birthday", "02-30"),
        (["friend", "add", "Ana", "--country", "XX"], "country", "XX"),
        (["friend", "add", "Ana", "--country", "Atlantis"], "country", "Atlantis"),
        (["friend", "add", "Ana", "--keep-in-touch", "-5"], "keep-in-touch", "-5"),
        (["friend", "add", "Ana", "--keep-in-touch", "often"], "keep-in-touch", "often"),
        (["friend", "add", "Ana", "--feb29", "feb30"], "feb29", "feb30"),
        (["friend", "add", "Ana", "--last-sent", "2026-13-01"], "--last-sent", "2026-13-01"),
        (["week", "--date", "2026-02-29"], "--date", "2026-02-29"),
        (["upcoming", "--from", "soon"], "--from", "soon"),
        (["occasion", "add", "1", "anniversary", "2015-02-29"], "occasion date", "2015-02-29"),
    ],
)
def test_bad_values_name_field_and_value(ritual, args, field, value):
    ritual.ok("friend", "add", "Someone")
    result = ritual(*args)
    assert result.exit_code == 2, result.output
    assert field in result.stderr and value in result.stderr
    assert "Traceback" not in result.output and result.stdout == ""


def test_unknown_friend_exits_1_with_a_message(ritual):
    result = ritual("friend", "show", "Nobody")
    assert result.exit_code == 1 and "no friend called 'Nobody'" in result.stderr


def test_nothing_is_saved_after_a_rejected_value(ritual):
    ritual("friend", "add", "Ana", "--birthday", "1990-01-01", "--country", "XX")
    assert ritual.json("friend", "list") == []


def test_a_foreign_file_at_the_database_path_is_refused(ritual, home):
    (home / "data").mkdir(parents=True)
    (home / "data" / "ritual.db").write_text("not mine")
    result = ritual("week")
    assert result.exit_code == 1 and "is not a SQLite database" in result.stderr
    assert (home / "data" / "ritual.db").read_text() == "not mine"


def test_a_bad_setting_names_the_file_and_key(ritual, home):
    (home / "config").mkdir(parents=True)
    (home / "config" / "config.toml").write_text('mail_days = ["mon", "funday"]\n')
    result = ritual("week")
    assert result.exit_code == 2 and "config.toml" in result.stderr and "funday" in result.stderr
    (home / "config" / "config.toml").write_text("colour = 'blue'\n")
    result = ritual("week")
    assert result.exit_code == 2 and "unknown setting 'colour'" in result.stderr
