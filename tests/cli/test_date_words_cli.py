"""Date options of the CLI take the same day words as the app's date fields."""

from __future__ import annotations


def test_date_options_take_day_words(ritual):
    ritual.ok("friend", "add", "Ana", "--birthday", "3 dec", "--last-sent", "2 weeks ago")
    ana = ritual.json("friend", "list")[0]
    assert ana["birthday"] == "--12-03" and ana["last_sent"] == "2026-11-11"
    ritual.ok("project", "add", "Holiday cards", "--due", "next fri")
    assert "Fri 27 Nov" in ritual.ok("project", "list")
    assert ritual.json("upcoming", "--from", "tomorrow", "--days", "1") is not None
    assert "Mon 30 Nov" in ritual.ok("week", "--date", "+1w")
    ritual.ok("letter", "log", "Ana", "--received", "--date", "yesterday")
    assert ritual.json("letter", "list")[0]["date"] == "2026-11-24"


def test_a_wrong_day_word_names_the_option_and_value(ritual):
    result = ritual("week", "--date", "someday")
    assert result.exit_code == 2
    assert "--date: 'someday' is not a date" in result.stderr and "Traceback" not in result.output
