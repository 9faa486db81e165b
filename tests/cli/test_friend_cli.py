"""`ritual friend ...` and `ritual occasion ...` through the real CLI and a real database."""

from __future__ import annotations


def add_ana(ritual):
    return ritual.ok(
        "friend", "add", "Ana Souza", "--birthday", "1990-03-14", "--nickname", "Aninha",
        "--address", "Rua das Flores 12", "--address", "apto 3", "--city", "São Paulo", "--region", "SP",
        "--postal-code", "01310-100", "--country", "Brazil", "--tag", "pen pals,university",
        "--relationship", "pen pal", "--keep-in-touch", "60", "--note", "Green ink.",
        "--last-sent", "2026-09-01", "--how-met", "school exchange",
    )


def test_add_then_list_json_follows_the_contract(ritual):
    assert "Added Ana Souza (#1)." in add_ana(ritual)
    (ana,) = ritual.json("friend", "list")
    assert {"id", "name", "birthday", "feb29", "tags", "addresses"} <= ana.keys()
    assert ana["id"] == 1 and ana["birthday"] == "1990-03-14" and ana["feb29"] is None
    assert ana["tags"] == ["pen pals", "university"]
    assert ana["addresses"][0]["country"] == "BR"
    assert ana["addresses"][0]["lines"] == ["Rua das Flores 12", "apto 3"]
    assert ana["keep_in_touch_days"] == 60 and ana["last_sent"] == "2026-09-01"


def test_birthday_forms_in_json(ritual):
    ritual.ok("friend", "add", "Year Unknown", "--birthday", "02-29", "--feb29", "mar1")
    ritual.ok("friend", "add", "Month Only", "--birthday", "--06")
    ritual.ok("friend", "add", "No Birthday")
    found = {f["name"]: f for f in ritual.json("friend", "list")}
    assert found["Year Unknown"]["birthday"] == "--02-29" and found["Year Unknown"]["feb29"] == "mar1"
    assert found["Month Only"]["birthday"] == "--06"
    assert found["No Birthday"]["birthday"] is None


def test_show_by_name_and_id(ritual):
    add_ana(ritual)
    text = ritual.ok("friend", "show", "aninha")
    assert "Ana Souza" in text and "São Paulo" in text and "every 60 days" in text
    assert "Write to Ana Souza" in text  # what is coming up
    assert ritual.json("friend", "show", "1")["nickname"] == "Aninha"


def test_edit_changes_only_what_is_given(ritual):
    add_ana(ritual)
    ritual.ok("friend", "edit", "Ana Souza", "--city", "Recife", "--untag", "university", "--tag", "family",
              "--keep-in-touch", "off", "--birthday", "03-14")
    ana = ritual.json("friend", "show", "1")
    assert ana["addresses"][0]["city"] == "Recife" and ana["addresses"][0]["postal_code"] == "01310-100"
    assert ana["tags"] == ["family", "pen pals"]
    assert ana["keep_in_touch_days"] is None and ana["birthday"] == "--03-14"
    assert ana["nickname"] == "Aninha"


def test_rm_asks_first(ritual):
    add_ana(ritual)
    kept = ritual("friend", "rm", "Ana Souza", input="n\n")
    assert kept.exit_code == 0 and "Nothing removed" in kept.stdout
    assert len(ritual.json("friend", "list")) == 1
    ritual.ok("friend", "rm", "Ana Souza", input="y\n")
    assert ritual.json("friend", "list") == []
    add_ana(ritual)
    ritual.ok("friend", "rm", "2", "--yes")
    assert ritual.json("friend", "list") == []


def test_ambiguous_names_list_the_candidates(ritual):
    ritual.ok("friend", "add", "Sam Lee")
    ritual.ok("friend", "add", "Sam Cho")
    result = ritual("friend", "show", "sam")
    assert result.exit_code == 2
    assert "Sam Lee" in result.stderr and "Sam Cho" in result.stderr and "give an id" in result.stderr


def test_list_by_tag(ritual):
    add_ana(ritual)
    ritual.ok("friend", "add", "Bo", "--tag", "work")
    assert [f["name"] for f in ritual.json("friend", "list", "--tag", "work")] == ["Bo"]
    assert "Bo" in ritual.ok("friend", "list", "--tag", "work")


def test_occasions_add_list_rm(ritual):
    add_ana(ritual)
    out = ritual.ok("occasion", "add", "Ana", "anniversary", "2015-06-20")
    assert "occasion #1" in out
    ritual.ok("occasion", "add", "Ana", "graduation", "2027-07-01", "--once", "--no-card")
    found = ritual.json("occasion", "list")
    assert [(o["name"], o["date"], o["yearly"], o["card"]) for o in found] == [
        ("anniversary", "2015-06-20", True, True),
        ("graduation", "2027-07-01", False, False),
    ]
    ritual.ok("occasion", "rm", "1", "--yes")
    assert [o["name"] for o in ritual.json("occasion", "list", "Ana")] == ["graduation"]


def test_one_off_occasion_needs_a_year(ritual):
    add_ana(ritual)
    result = ritual("occasion", "add", "Ana", "party", "06-20", "--once")
    assert result.exit_code == 2 and "needs a year" in result.stderr


def test_a_date_without_a_year_reads_8_january_everywhere(ritual):
    ritual.ok("friend", "add", "Diya Das", "--birthday", "--01-08", "--country", "IN")
    ritual.ok("friend", "add", "Mia Weber", "--birthday", "8 Jan 1990")
    ritual.ok("occasion", "add", "Diya", "name day", "January 20")
    listed = ritual.ok("friend", "list")
    assert "8 January " in listed and "8 January 1990" in listed and "--01-08" not in listed
    shown = ritual.ok("friend", "show", "Diya")
    assert "birthday        8 January\n" in shown and "name day 20 January (yearly)" in shown
    assert "--01" not in shown
    assert "20 January" in ritual.ok("occasion", "list") and "--01-20" not in ritual.ok("occasion", "list")
    assert ritual.json("friend", "show", "Mia")["birthday"] == "1990-01-08"  # data stays ISO
    wrong = ritual("friend", "add", "Nobody", "--birthday", "8 Foo")
    assert wrong.exit_code == 2 and "'8 Foo' is not a date (use 8 January, 8 January 1990" in wrong.stderr


def test_namesakes_are_listed_with_city_birthday_and_id_wherever_a_name_is_asked(ritual):
    ritual.ok("friend", "add", "Noah Garcia", "--city", "Austin", "--country", "US", "--birthday", "2012-05-12")
    ritual.ok("friend", "add", "Noah Garcia", "--city", "Lyon", "--country", "FR", "--birthday", "--03-02")
    ritual.ok("friend", "add", "Noah Garcia")
    for args in (("friend", "show", "Noah"), ("friend", "edit", "Noah Garcia", "--city", "Oslo"),
                 ("letter", "add", "Noah", "--sent"), ("occasion", "add", "Noah", "wedding", "2027-06-01")):
        result = ritual(*args)
        assert result.exit_code == 2, args
        assert "matches 3 friends; give an id instead:" in result.stderr
        assert "     1  Noah Garcia · Austin, US · birthday 12 May 2012" in result.stderr
        assert "     2  Noah Garcia · Lyon, FR · birthday 2 March" in result.stderr
        assert "     3  Noah Garcia · no city · no birthday" in result.stderr
