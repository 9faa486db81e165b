"""`ritual letter ...` through the real CLI and a real database."""

from __future__ import annotations


def test_add_list_json_mark_and_owed(ritual):
    ritual.ok("friend", "add", "Ana Souza", "--keep-in-touch", "30", "--last-sent", "2026-01-01")
    assert "(#1)" in ritual.ok("letter", "add", "Ana", "--received", "--date", "2026-10-03", "--medium", "card")
    assert "Ana Souza wrote on Sat 3 Oct 2026" in ritual.ok("letter", "owed")
    ritual.ok("letter", "log", "Ana", "--sent", "--occasion", "birthday", "--note", "owl stamp")
    letters = ritual.json("letter", "list")
    assert [(x["direction"], x["status"], x["date"]) for x in letters] == [
        ("received", "answered", "2026-10-03"), ("sent", "written", "2026-11-25")]
    assert {"id", "friend_id", "friend", "direction", "date", "status", "occasion"} <= letters[1].keys()
    assert "No letters are waiting" in ritual.ok("letter", "owed")
    assert "in the post" in ritual.ok("letter", "mark", "2", "posted", "--date", "2026-11-26")
    assert "posted    Thu 26 Nov 2026" in ritual.ok("letter", "show", "2")
    ana = ritual.json("friend", "show", "Ana")
    assert ana["last_sent"] == "2026-11-25" and ana["last_received"] == "2026-10-03"
    assert not [i for i in ritual.json("week") if i["kind"] == "keep_in_touch"]  # the clock was reset


def test_filters_year_picture_and_remove(ritual):
    ritual.ok("friend", "add", "Ana")
    ritual.ok("friend", "add", "Bo")
    ritual.ok("letter", "add", "Ana", "--sent", "--date", "2025-12-01")
    ritual.ok("letter", "add", "Bo", "--received", "--date", "2026-03-02")
    ritual.ok("letter", "add", "Bo", "--sent", "--date", "2026-03-09")
    assert [x["friend"] for x in ritual.json("letter", "list", "Bo")] == ["Bo", "Bo"]
    assert len(ritual.json("letter", "list", "--year", "2025")) == 1
    assert len(ritual.json("letter", "list", "--received")) == 1
    picture = ritual.ok("letter", "year")
    assert "Letters in 2026 · 1 sent, 1 received" in picture and "Mar    1 sent   1 received  ●○" in picture
    assert "Removed letter #1" in ritual.ok("letter", "rm", "1", "--yes")
    assert len(ritual.json("letter", "list")) == 2


def test_mistakes_get_clear_messages(ritual):
    ritual.ok("friend", "add", "Ana")
    missing = ritual("letter", "add", "Ana")
    assert missing.exit_code == 2 and "--sent or --received" in missing.stderr
    bad_date = ritual("letter", "add", "Ana", "--sent", "--date", "2026-02-30")
    assert bad_date.exit_code == 2 and "--date" in bad_date.stderr
    early = ritual("letter", "add", "Ana", "--sent", "--date", "2026-11-20", "--posted", "2026-11-01")
    assert early.exit_code == 2 and "posted" in early.stderr and "Traceback" not in early.output
    assert ritual("letter", "show", "99").exit_code == 1
    assert ritual("letter", "add", "Nobody", "--sent").exit_code == 1


def test_posting_takes_one_stamp_once_whichever_way_it_is_logged(ritual):
    # One service takes the stamp for the command line and the app alike: logged as posted, or marked later.
    ritual.ok("friend", "add", "Ana", "--country", "BR")
    ritual.ok("supplies", "set", "international", "2")
    first = ritual.ok("letter", "add", "Ana", "--sent", "--date", "2026-03-02", "--posted", "2026-03-02")
    assert "One international stamp used; 1 left." in first
    ritual.ok("letter", "add", "Ana", "--sent", "--date", "2026-03-03")
    letters = ritual.json("letter", "list")
    unposted = next(letter for letter in letters if letter["posted"] is None)
    marked = ritual.ok("letter", "mark", str(unposted["id"]), "posted")
    assert "One international stamp used; 0 left." in marked
    again = ritual.ok("letter", "mark", str(unposted["id"]), "arrived")
    assert "stamp" not in again
