"""`ritual review`: one calm pass, every step skippable, nothing marked or printed unless asked."""

from __future__ import annotations

import json
from datetime import date

import pytest

from tests.conftest import RitualRunner

SUNDAY = date(2026, 12, 6)
ADDRESS = ("--address", "1 Main St", "--city", "Portland", "--region", "OR", "--postal-code", "97205", "--country", "US")


@pytest.fixture
def week(home):
    """Ana and Bo were due to be written to before today; Cy's card is due in the coming week."""
    ritual = RitualRunner(home, SUNDAY)
    (home / "config").mkdir(parents=True)
    (home / "config" / "config.toml").write_text('home_country = "US"\nwriting_sessions = ["thu 19:00 60"]\n',
                                                encoding="utf-8")
    ritual.ok("friend", "add", "Ana", "--birthday", "12-08", *ADDRESS)
    ritual.ok("friend", "add", "Bo", "--birthday", "12-09", *ADDRESS)
    ritual.ok("friend", "add", "Cy", "--birthday", "12-16", *ADDRESS)
    return ritual


def statuses(ritual) -> dict[str, str]:
    """The cards a step was taken on."""
    return {c["friend"]: c["status"] for c in json.loads(ritual.ok("card", "list", "--json")) if c["status"] != "planned"}


def test_one_key_marks_each_open_card_and_enter_leaves_the_rest(week):
    out = week.ok("review", input="w\ns\n\n\n")
    assert out.index("1. Still open from before") < out.index("Write to Ana") < out.index("Write to Bo")
    assert "marked written" in out and "skipped this year" in out
    assert statuses(week) == {"Ana": "written", "Bo": "skipped"}
    again = week.ok("review", "--show")
    assert "Post the card to Ana" in again and "Write to Ana" not in again and "to Bo" not in again


def test_enter_everywhere_changes_nothing_and_prints_nothing(week, home):
    out = week.ok("review", input="\n\n\n\n")
    assert "marked" not in out and statuses(week) == {}
    assert not list(home.parent.glob("*.pdf"))


def test_q_leaves_the_rest_of_the_open_cards_for_another_day(week):
    out = week.ok("review", input="q\n\n")
    assert "Write to Bo" not in out.split("2. The coming week")[0]
    assert statuses(week) == {}


def test_the_coming_week_names_the_session_holding_each_card_and_the_supplies(week):
    week.ok("supplies", "set", "cards", "1")
    out = week.ok("review", "--show")
    coming = out.split("2. The coming week")[1].split("3. Stamps and cards")[0]
    assert "Write to Cy" in coming and "in your writing session Thu 10 Dec 19:00" in coming
    supplies = out.split("3. Stamps and cards")[1]
    assert "3 cards; 1 on hand: 2 more to buy" in supplies
    assert "2 domestic stamps; not counted" in supplies


def test_one_pdf_of_the_weeks_envelopes_or_labels(week, tmp_path):
    target = tmp_path / "week.pdf"
    out = week.ok("review", input="\n\ne\n" + str(target) + "\n")
    assert f"Wrote 2 envelopes in {target}" in out and target.read_bytes().startswith(b"%PDF")
    labels = tmp_path / "labels.pdf"
    out = week.ok("review", "--show", "--pdf", str(labels), "--labels")
    assert "Wrote 2 labels" in out and labels.read_bytes().startswith(b"%PDF")


def test_a_quiet_week_says_so_and_asks_nothing(ritual):
    out = ritual.ok("review", input="")
    assert "Nothing is waiting from the past days." in out
    assert "No card goes in the post this week." in out
