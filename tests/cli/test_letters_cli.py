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
    assert "in the post" in ritual.on("2026-11-26").ok("letter", "mark", "2", "posted", "--date", "2026-11-26")
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


def test_a_step_dated_after_today_is_refused_by_name_and_nothing_is_logged(ritual):
    """What was written, posted, arrived or last sent is a fact: a day ahead (a mistyped year) is refused."""
    ritual.ok("friend", "add", "Ana Souza", "--birthday", "1990-12-14")
    refusals = [
        ("letter", "add", "Ana", "--sent", "--posted", "2027-11-25"),
        ("letter", "add", "Ana", "--sent", "--date", "tomorrow"),
        ("letter", "add", "Ana", "--received", "--date", "2026-11-26"),
        ("card", "written", "Ana", "birthday", "--on", "+3d"),
        ("friend", "edit", "Ana", "--last-sent", "2036-11-25"),
    ]
    for args in refusals:
        result = ritual(*args)
        field = args[-2]
        assert result.exit_code == 2, args
        assert f"{field}: '{args[-1]}' is after today (2026-11-25)" in result.stderr, result.stderr
        assert "Traceback" not in result.output
    assert ritual.json("letter", "list") == []
    assert ritual.json("friend", "show", "Ana")["last_sent"] is None
    assert ritual.json("card", "list")[0]["status"] == "planned"
    ritual.ok("letter", "add", "Ana", "--sent", "--date", "today", "--posted", "2026-11-25")
    logged = ritual.json("letter", "list")[0]
    ritual.on("2026-11-30").ok("letter", "mark", str(logged["id"]), "arrived", "--date", "2026-11-30")
    refused = ritual("letter", "mark", str(logged["id"]), "arrived", "--date", "2026-11-30")
    assert refused.exit_code == 2 and "--date: '2026-11-30' is after today" in refused.stderr
