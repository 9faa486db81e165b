"""A stored card follows its occasion when the date changes: the same card (id, steps, letters) on the new day."""

from __future__ import annotations


def _cards(ritual, who: str) -> list[dict]:
    return [c for c in ritual.json("card", "list", "--days", "400") if c["friend"] == who and c["id"] is not None]


def _occasion(ritual, who: str, day: str) -> dict:
    items = ritual.json("upcoming", "--days", "400")
    return next(i for i in items if i["friend"] == who and i["kind"] == "occasion" and i["occasion_date"] == day)


def test_a_posted_card_moves_with_a_corrected_birthday_and_keeps_its_letter(ritual):
    ritual.ok("friend", "add", "Ana Souza", "--birthday", "1990-12-14", "--country", "DE")
    ritual.ok("letter", "add", "Ana", "--sent", "--occasion", "birthday", "--posted", "2026-11-25")
    [before] = _cards(ritual, "Ana Souza")
    assert (before["occasion_date"], before["status"]) == ("2026-12-14", "posted")

    ritual.ok("friend", "edit", "Ana", "--birthday", "1990-12-20")

    [after] = _cards(ritual, "Ana Souza")
    assert (after["id"], after["occasion_date"], after["status"]) == (before["id"], "2026-12-20", "posted")
    item = _occasion(ritual, "Ana Souza", "2026-12-20")
    assert (item["card_id"], item["card_status"]) == (before["id"], "posted")
    kinds = {i["kind"] for i in ritual.json("upcoming", "--days", "40") if i["friend"] == "Ana Souza"}
    assert kinds == {"occasion"}, "no write or post step comes back for the card already posted"
    [letter] = ritual.json("letter", "list")
    assert letter["card_id"] == before["id"]
    assert "card posted Wed 25 Nov" in ritual.ok("week", "--date", "2026-12-20")


def test_a_skipped_card_follows_the_feb29_rule_switched_for_the_friend(ritual):
    ritual.ok("friend", "add", "Lea", "--birthday", "2000-02-29", "--country", "US")
    ritual.ok("card", "skip", "Lea", "birthday", "--date", "2027-02-28", "--note", "abroad")
    ritual.ok("friend", "edit", "Lea", "--feb29", "mar1")
    [card] = _cards(ritual, "Lea")
    assert (card["occasion_date"], card["status"], card["note"]) == ("2027-03-01", "skipped", "abroad")


def test_cards_follow_the_feb29_setting_changed_in_the_config(ritual, home):
    ritual.ok("friend", "add", "Lea", "--birthday", "2000-02-29", "--country", "US")
    ritual.ok("card", "written", "Lea", "birthday", "--date", "2027-02-28")
    (home / "config").mkdir(parents=True, exist_ok=True)
    (home / "config" / "config.toml").write_text('feb29 = "mar1"\n')
    [card] = _cards(ritual, "Lea")
    assert (card["occasion_date"], card["status"]) == ("2027-03-01", "written")
    item = _occasion(ritual, "Lea", "2027-03-01")
    assert item["card_status"] == "written"


def test_a_one_off_moved_takes_its_card_along(ritual):
    ritual.ok("friend", "add", "Kai", "--country", "US")
    ritual.ok("occasion", "add", "Kai", "wedding", "2026-12-12", "--once")
    ritual.ok("card", "written", "Kai", "wedding")
    [occasion] = [o for o in ritual.json("occasion", "list", "Kai")]
    ritual.ok("occasion", "rm", str(occasion["id"]), "--yes")
    ritual.ok("occasion", "add", "Kai", "wedding", "2027-05-08", "--once")
    [card] = _cards(ritual, "Kai")
    assert (card["occasion_date"], card["status"]) == ("2027-05-08", "written")


def test_two_cards_meeting_on_one_day_become_the_one_that_went_further(ritual):
    ritual.ok("friend", "add", "Mo", "--birthday", "1980-12-10", "--country", "US")
    ritual.ok("occasion", "add", "Mo", "birthday", "12-18")
    ritual.ok("card", "posted", "Mo", "birthday", "--date", "2026-12-10")
    ritual.ok("card", "written", "Mo", "birthday", "--date", "2026-12-18")
    ritual.ok("friend", "edit", "Mo", "--birthday", "1980-12-18")
    cards = _cards(ritual, "Mo")
    assert [(c["occasion_date"], c["status"]) for c in cards] == [("2026-12-18", "posted")]



def test_a_new_project_asks_for_the_day_its_cards_are_for(ritual):
    ritual.ok("friend", "add", "Ana Souza", "--country", "DE")
    refused = ritual("project", "add", "Thank-you notes", "Ana")
    assert refused.exit_code == 2 and "--due" in refused.stderr and "Traceback" not in refused.stderr
    assert ritual.json("project", "list") == []
    assert "Started Thank-you notes" in ritual.ok("project", "add", "Thank-you notes", "Ana", "--due", "2026-12-10")


def test_an_undated_project_says_so_and_its_cards_follow_the_date_given_later(ritual, home):
    from ritual.paths import Paths
    from ritual.store.database import open_database
    from ritual.store.projects import ProjectRepository

    ritual.ok("friend", "add", "Ana Souza", "--country", "DE")
    db = open_database(Paths.under(home).database)
    try:
        started = ProjectRepository(db).create("Thank-you notes")  # as a project from before dates were asked for
    finally:
        db.close()
    ritual.ok("project", "add", "Thank-you notes", "Ana")
    ritual.ok("project", "set-status", "Thank-you notes", "written", "Ana")
    shown = ritual.ok("project", "show", "Thank-you notes")
    assert "No date: its cards carry" in shown and str(started.created.year) in shown
    [before] = [c for c in ritual.json("card", "list", "--days", "400") if c["id"] is not None]
    assert before["occasion_date"] == started.created.isoformat()

    assert "(1 moved with it)" in ritual.ok("project", "add", "Thank-you notes", "--due", "2026-12-10")
    [after] = [c for c in ritual.json("card", "list", "--days", "400") if c["id"] is not None]
    assert (after["id"], after["occasion_date"], after["status"]) == (before["id"], "2026-12-10", "written")
    assert "written" in ritual.ok("project", "show", "Thank-you notes")
    assert "No date" not in ritual.ok("project", "show", "Thank-you notes")
