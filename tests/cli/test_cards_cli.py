"""A card's life through the real CLI: plan → written → posted → arrived, and everything reading the plan follows."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest


def _items(ritual, *args: str) -> list[dict]:
    return [i for i in ritual.json("upcoming", "--days", "40", *args) if i["friend"] == "Ana Souza"]


def _kinds(ritual) -> set[str]:
    return {i["kind"] for i in _items(ritual)}


def _reminder_kinds(ritual) -> set[str]:
    listed = ritual.json("remind", "list", "--now", "2026-11-25T08:00", "--days", "40")
    return {r["kind"] for r in listed if r["friend"] == "Ana Souza"}


def _catch_up_process(home, now: str) -> list[dict]:
    """`ritual remind --catch-up` as the timer runs it: a process of its own."""
    run = subprocess.run([sys.executable, "-m", "ritual", "--home", str(home), "--today", now[:10], "remind",
                          "--catch-up", "--now", now, "--json"], capture_output=True, text=True,
                         env={**os.environ, "NO_COLOR": "1"}, timeout=120)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


@pytest.fixture
def ana(ritual, home):
    ritual.ok("friend", "add", "Ana Souza", "--birthday", "1990-12-20", "--country", "DE")
    ritual.ok("friend", "add", "Bo", "--birthday", "1985-03-01")
    (home / "config").mkdir(parents=True, exist_ok=True)
    (home / "config" / "config.toml").write_text(f'export_ics_files = ["{home.parent / "phone.ics"}"]\n')
    return ritual


def test_card_steps_from_the_cli_move_the_plan_json_reminders_and_kept_calendar(ana, home):
    ics = home.parent / "phone.ics"
    planned = {i["kind"]: i for i in _items(ana)}
    assert {"write", "post", "occasion"} <= planned.keys()
    assert all(i["card_status"] == "planned" and i["card_id"] is None for i in planned.values())
    assert {"write", "post"} <= _reminder_kinds(ana)
    write_day = planned["write"]["date"]
    _catch_up_process(home, "2026-11-25T10:00")
    assert "Write to Ana Souza" in ics.read_text() and "Post the card to Ana Souza" in ics.read_text()

    assert "card written" in ana.ok("card", "written", "Ana", "birthday")
    after_written = {i["kind"]: i for i in _items(ana)}
    assert after_written.keys() == {"post", "occasion"}
    assert after_written["post"]["card_status"] == "written" and isinstance(after_written["post"]["card_id"], int)
    assert "write" not in _reminder_kinds(ana)
    # On the write-by morning, a real catch-up process delivers nothing for the card already written.
    delivered = _catch_up_process(home, f"{write_day}T09:30")
    assert not [r for r in delivered if r["friend"] == "Ana Souza" and r["kind"] == "write"]
    assert "Write to Ana Souza" not in ics.read_text() and "Post the card to Ana Souza" in ics.read_text()

    ana.ok("card", "posted", "Ana", "birthday")
    occasion = _items(ana)
    assert [i["kind"] for i in occasion] == ["occasion"]
    assert occasion[0]["card_status"] == "posted" and "card posted Wed 25 Nov" in occasion[0]["reason"]
    assert not {"write", "post"} & _reminder_kinds(ana)
    _catch_up_process(home, f"{write_day}T09:45")
    assert "Post the card to Ana Souza" not in ics.read_text() and "Ana Souza's birthday" in ics.read_text()

    ana.on("2026-12-02").ok("card", "arrived", "Ana", "birthday", "--on", "2026-12-02")
    [card] = [c for c in ana.json("card", "list", "--done") if c["friend"] == "Ana Souza"]
    assert (card["status"], card["written"], card["posted"], card["arrived"]) == (
        "arrived", "2026-11-25", "2026-11-25", "2026-12-02")
    assert not [c for c in ana.json("card", "list", "--open") if c["friend"] == "Ana Souza"]
    assert "posted again (was arrived)" in ana.ok("card", "undo", "Ana", "birthday")
    assert _items(ana)[0]["card_status"] == "posted"


def test_a_letter_logged_and_marked_carries_its_card(ana):
    out = ana.ok("letter", "add", "Ana", "--sent", "--occasion", "birthday", "--medium", "card")
    assert "birthday card of Sun 20 Dec: card written" in out
    assert _kinds(ana) == {"post", "occasion"}
    [letter] = ana.json("letter", "list", "Ana")
    assert isinstance(letter["card_id"], int)
    ana.on("2026-11-26").ok("letter", "mark", str(letter["id"]), "posted", "--date", "2026-11-26")
    assert _kinds(ana) == {"occasion"} and "card posted Thu 26 Nov" in _items(ana)[0]["reason"]
    ana.on("2026-12-03").ok("letter", "mark", str(letter["id"]), "arrived", "--date", "2026-12-03")
    [card] = [c for c in ana.json("card", "list") if c["friend"] == "Ana Souza"]
    assert (card["id"], card["status"], card["arrived"]) == (letter["card_id"], "arrived", "2026-12-03")


def test_a_letter_without_an_occasion_joins_the_nearest_open_card_in_its_window(ana):
    ana.ok("letter", "add", "Ana", "--sent", "--posted", "2026-11-25")
    assert _kinds(ana) == {"occasion"}
    # Bo's birthday is months away: a letter now is just a letter.
    ana.ok("letter", "add", "Bo", "--sent")
    [bo_letter] = ana.json("letter", "list", "Bo")
    assert bo_letter["card_id"] is None
    assert {i["kind"] for i in ana.json("upcoming", "--from", "2027-02-01", "--days", "40") if i["friend"] == "Bo"} >= {"write"}


def test_skipping_one_year_leaves_the_next_year_planned(ana):
    assert "skipped this year (we meet that day)" in ana.ok("card", "skip", "Ana", "birthday", "--note", "we meet that day")
    this_year = _items(ana)
    assert [i["kind"] for i in this_year] == ["occasion"] and this_year[0]["card_status"] == "skipped"
    next_year = [i for i in ana.json("upcoming", "--from", "2027-11-20", "--days", "40") if i["friend"] == "Ana Souza"]
    assert {"write", "post"} <= {i["kind"] for i in next_year} and {i["card_status"] for i in next_year} == {"planned"}
    assert "planned again (was skipped)" in ana.ok("card", "undo", "Ana", "birthday")
    assert {"write", "post"} <= _kinds(ana)


def test_a_late_card_posted_says_when_it_should_arrive(ritual):
    ritual.ok("friend", "add", "Cy", "--birthday", "1970-11-28", "--country", "JP")
    before = [i for i in ritual.json("week") if i["friend"] == "Cy"]
    assert any(i["late"] for i in before)
    ritual.ok("card", "posted", "Cy", "birthday")
    [item] = [i for i in ritual.json("week") if i["friend"] == "Cy"]
    assert item["kind"] == "occasion" and item["earliest_arrival"] and not item["late"]
    assert "should arrive" in ritual.ok("week")
    assert "Still open from earlier" not in ritual.ok("week")


def test_card_mistakes_get_clear_messages(ana):
    missing = ana("card", "skip", "Ana", "wedding")
    assert missing.exit_code == 1 and "no occasion called 'wedding'" in missing.stderr
    nothing = ana("card", "undo", "Ana", "birthday")
    assert nothing.exit_code == 2 and "nothing to undo" in nothing.stderr
    wrong_day = ana("card", "written", "Ana", "birthday", "--date", "2026-12-21")
    assert wrong_day.exit_code == 1 and "falls on 2026-12-20" in wrong_day.stderr
    bad = ana("card", "posted", "Ana", "birthday", "--on", "2026-13-01")
    assert bad.exit_code == 2 and "--on" in bad.stderr and "Traceback" not in bad.output
    ana.ok("card", "posted", "Ana", "birthday")
    again = ana("card", "skip", "Ana", "birthday")
    assert again.exit_code == 2 and "already posted" in again.stderr


def test_reflect_log_writes_the_card_and_the_briefing_then_shows_its_state(ritual):
    ritual.ok("friend", "add", "Ana Souza", "--birthday", "1990-12-14", "--country", "BR")
    out = ritual.ok("reflect", "Ana", "--log", "--seed", "5", input="\n" + "an answer\n" * 5)
    assert "write by Mon 23 Nov, post by Wed 25 Nov" in out
    assert "birthday card of Mon 14 Dec: card written Wed 25 Nov" in out
    assert [i["kind"] for i in _items(ritual)] == ["post", "occasion"]
    [letter] = ritual.json("letter", "list")
    ritual.ok("letter", "mark", str(letter["id"]), "posted")
    again = ritual.ok("reflect", "Ana", "--occasion", "birthday", "--no-log", "--seed", "6", input="\n" + "more\n" * 5)
    assert "card posted Wed 25 Nov" in again and f"this card's letter #{letter['id']}: written Wed 25 Nov, posted Wed 25 Nov" in again
    assert "write by" not in again, "a done card asks for nothing more"
    ritual.on("2026-12-08").ok("letter", "mark", str(letter["id"]), "arrived", "--date", "2026-12-08")
    assert [i["card_status"] for i in _items(ritual)] == ["arrived"]


def test_a_project_is_a_set_of_cards_with_one_state_wherever_it_changes(ana):
    ana.ok("project", "add", "Holiday cards 2026", "Ana", "Bo", "--occasion", "holidays", "--due", "2026-12-10")

    def member(name: str) -> str:
        found = ana.json("project", "show", "Holiday cards 2026")["members"]
        return next(m["status"] for m in found if m["friend"] == name)

    def card(name: str) -> dict:
        return next(c for c in ana.json("card", "list") if c["friend"] == name and c["occasion"] == "holidays")

    assert card("Ana Souza")["status"] == card("Bo")["status"] == "planned" and card("Ana Souza")["occasion_date"] == "2026-12-10"
    out = ana.ok("letter", "add", "Ana", "--sent", "--occasion", "holidays", "--medium", "card")
    assert "holidays card of Thu 10 Dec: card written" in out
    assert member("Ana Souza") == "written" and member("Bo") == "to_write"
    ana.ok("card", "posted", "Ana", "holidays")
    assert member("Ana Souza") == "posted"
    ana.ok("project", "set-status", "Holiday cards 2026", "arrived", "Ana")
    assert card("Ana Souza")["status"] == "arrived"
    ana.ok("card", "undo", "Ana", "holidays")
    assert member("Ana Souza") == "posted" and card("Ana Souza")["status"] == "posted"
    ana.ok("card", "skip", "Bo", "holidays", "--note", "moved away")
    assert member("Bo") == "skipped" and "1 skipped this year" in ana.ok("project", "list")
    # The project's cards stand beside the birthday card, which nothing here touched.
    assert {"write", "post"} <= _kinds(ana)


def test_removing_the_letter_that_moved_a_card_plans_it_again(ana):
    ana.ok("letter", "add", "Ana", "--sent", "--occasion", "birthday", "--posted", "2026-11-25")
    assert _kinds(ana) == {"occasion"}
    assert "birthday card of Sun 20 Dec: to write again" in ana.ok("letter", "rm", "1", "--yes")
    assert {"write", "post"} <= _kinds(ana)
    # A card moved by hand as well keeps its steps when the letter goes.
    ana.ok("letter", "add", "Ana", "--sent", "--occasion", "birthday")
    ana.on("2026-11-26").ok("card", "posted", "Ana", "birthday", "--on", "2026-11-26")
    assert "planned" not in ana.ok("letter", "rm", "2", "--yes")
    assert [i["card_status"] for i in _items(ana)] == ["posted"]


def test_undoing_a_cards_post_takes_it_back_on_its_letter_too(ana):
    ana.on("2026-12-01").ok("letter", "add", "Ana", "--sent", "--occasion", "birthday", "--date", "2026-11-25", "--posted", "2026-11-25", "--arrived", "2026-12-01")
    ana.ok("card", "undo", "Ana", "birthday")
    [letter] = ana.json("letter", "list", "Ana")
    assert (letter["status"], letter["posted"], letter["arrived"]) == ("posted", "2026-11-25", None)
    ana.ok("card", "undo", "Ana", "birthday")
    [letter] = ana.json("letter", "list", "Ana")
    assert (letter["status"], letter["posted"]) == ("written", None)
    assert [i["card_status"] for i in _items(ana) if i["kind"] == "post"] == ["written"]
    ana.on("2026-11-26").ok("letter", "mark", str(letter["id"]), "posted", "--date", "2026-11-26")
    assert [i["card_status"] for i in _items(ana)] == ["posted"], "and the letter moves the card on again"


def test_a_card_marked_written_counts_as_writing_to_them_for_keep_in_touch(ritual):
    ritual.ok("friend", "add", "Liam", "--birthday", "1990-12-21", "--country", "US", "--keep-in-touch", "60",
              "--last-sent", "2026-02-15")
    in_touch = lambda: [i for i in ritual.json("upcoming", "--days", "7") if i["kind"] == "keep_in_touch"]  # noqa: E731
    assert in_touch(), "nothing written since February: an invitation"
    ritual.ok("card", "skip", "Liam", "birthday")
    assert in_touch(), "a skipped card is no letter"
    ritual.ok("card", "undo", "Liam", "birthday")
    ritual.ok("card", "written", "Liam", "birthday")
    assert in_touch() == [], "the birthday card written today is a letter to Liam"
    ritual.ok("card", "undo", "Liam", "birthday")
    assert in_touch(), "undone, the card no longer counts"


def test_the_briefing_counts_a_card_marked_written_as_the_last_letter(ritual):
    ritual.ok("friend", "add", "Liam", "--birthday", "1990-12-21", "--country", "US", "--last-sent", "2026-02-15")
    before = ritual.ok("reflect", "Liam", "--no-log", "--occasion", "birthday", input="\n" * 12)
    assert "you last wrote  Sun 15 Feb 2026" in before
    ritual.ok("card", "written", "Liam", "birthday")
    after = ritual.ok("reflect", "Liam", "--no-log", "--occasion", "birthday", input="\n" * 12)
    assert "you last wrote  Wed 25 Nov 2026 (today; the birthday card, marked written)" in after
    assert "card written Wed 25 Nov" in after
