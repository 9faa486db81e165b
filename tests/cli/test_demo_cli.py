"""`ritual demo` builds friends around today: this week and the next always show each promised item."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from tests.conftest import RitualRunner

# Each weekday (Sunday included: nothing is posted that day), a year's end and a leap day.
TODAYS = [date(2026, 11, 30) + timedelta(days=n) for n in range(7)] + [date(2026, 12, 29), date(2028, 2, 29)]


def kinds(items: list[dict]) -> set[str]:
    return {i["kind"] for i in items}


@pytest.mark.parametrize("today", TODAYS, ids=str)
def test_this_week_and_the_next_show_every_promised_item(home, today):
    ritual = RitualRunner(home, today)
    ritual.ok("demo")
    this_week = ritual.json("week")
    next_week = ritual.json("week", "--date", (today + timedelta(days=7)).isoformat())
    assert {"write", "post", "reply_owed", "session"} <= kinds(this_week), today
    assert {"write", "post", "session"} <= kinds(next_week), today
    assert any(i["late"] for i in this_week), "one late card"
    posted = [i for i in this_week + next_week if i.get("card_status") == "posted" and i["kind"] == "occasion"]
    assert posted and all(today < date.fromisoformat(i["date"]) for i in posted), "one card already posted"
    sessions = [i for i in this_week if i["kind"] == "session"]
    assert any(date.fromisoformat(s["date"]) >= today for s in sessions), "a session still to come this week"


def test_the_demo_says_what_it_did_and_keeps_its_count(ritual):
    assert "Added 24 demo friends" in ritual.ok("demo")
    assert len(ritual.json("friend", "list")) == 24
    assert "this home already has 24 friends" in ritual("demo").stderr


def test_a_tiny_demo_still_works(ritual):
    ritual.ok("demo", "--friends", "2")
    assert len(ritual.json("friend", "list")) == 2


def test_the_first_reminder_round_after_the_demo_is_one_summary_with_nothing_late(ritual):
    ritual.ok("demo")
    listed = json.loads(ritual.ok("remind", "--catch-up", "--now", "2026-11-25T10:00", "--dry-run", "--json"))
    assert len(listed) > 3 and not any(r["late"] for r in listed)
    out = ritual.ok("remind", "--catch-up", "--now", "2026-11-25T10:00")
    assert out.startswith("Waiting for you: ") and out.count("Waiting for you") == 1
    assert ritual.ok("remind", "--catch-up", "--now", "2026-11-25T10:05") == ""
