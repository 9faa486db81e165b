"""`ritual week` and `ritual upcoming`: the JSON contract, the text layout, holidays, colour."""

from __future__ import annotations

from datetime import date

CONTRACT = {"date", "kind", "friend", "friend_id", "occasion", "occasion_date"}
KINDS = {"occasion", "write", "post", "keep_in_touch"}


def test_week_json_follows_the_contract(ritual):
    ritual.ok("friend", "add", "Ana", "--birthday", "1990-12-03", "--country", "DE")
    ritual.ok("friend", "add", "Bo", "--birthday", "11-27", "--keep-in-touch", "30", "--last-sent", "2026-10-01")
    items = ritual.json("week", "--date", "2026-11-26")
    assert items, "the week has items"
    for item in items:
        assert CONTRACT <= item.keys() and item["kind"] in KINDS
        date.fromisoformat(item["date"])
    assert [(i["date"], i["kind"]) for i in items] == sorted((i["date"], i["kind"]) for i in items)
    bo_day = next(i for i in items if i["friend"] == "Bo" and i["kind"] == "occasion")
    assert bo_day == {**bo_day, "date": "2026-11-27", "occasion": "birthday", "occasion_date": "2026-11-27"}
    ana_post = next(i for i in items if i["friend"] == "Ana" and i["kind"] == "post")
    # Home US -> DE is "rest of world": 10 mail days before Thu 3 Dec, Sundays and Thanksgiving skipped.
    assert ana_post["date"] == "2026-11-20" and ana_post["overdue"] and ana_post["late"]
    hello = next(i for i in items if i["kind"] == "keep_in_touch")
    assert hello["friend"] == "Bo" and hello["occasion"] is None and hello["occasion_date"] is None


def test_public_holidays_of_the_home_country_are_skipped(ritual):
    ritual.ok("friend", "add", "Cy", "--birthday", "11-28", "--country", "US")
    items = ritual.json("week", "--date", "2026-11-23")
    post = next(i for i in items if i["kind"] == "post")
    # Sat 28 Nov, 2 mail days back: Fri 27th, Thanksgiving (Thu 26th) skipped, Wed 25th.
    assert post["date"] == "2026-11-25"


def test_home_country_from_the_users_settings(ritual, home):
    (home / "config").mkdir(parents=True)
    (home / "config" / "config.toml").write_text('home_country = "DE"\nmail_days = ["mon","tue","wed","thu","fri"]\n')
    ritual.ok("friend", "add", "Cy", "--birthday", "11-28", "--country", "DE")
    post = next(i for i in ritual.json("week", "--date", "2026-11-23") if i["kind"] == "post")
    # Sat 28th -> delivery Fri 27th (no Saturday post), Germany's 3 mail days before: Tue 24th.
    assert post["date"] == "2026-11-24" and post["transit_days"] == 3


def test_upcoming_covers_the_days_asked(ritual):
    ritual.ok("friend", "add", "Ana", "--birthday", "01-15")
    assert ritual.json("upcoming", "--days", "30") == []
    items = ritual.json("upcoming", "--from", "2027-01-01", "--days", "31")
    assert [i["kind"] for i in items] == ["write", "post", "occasion"]
    assert all("2027-01-01" <= i["date"] <= "2027-01-31" for i in items)


def test_week_text_reads_well_in_80_columns(ritual):
    ritual.ok("demo", "--friends", "60")
    text = ritual.ok("week")
    lines = text.splitlines()
    assert lines[0].startswith("Week 48 · Mon 23 Nov – Sun 29 Nov 2026")
    for day in ("Mon 23 Nov", "Tue 24 Nov", "Wed 25 Nov  · today", "Sun 29 Nov"):
        assert any(line.startswith(day) for line in lines), day
    assert max(len(line) for line in lines) <= 80
    assert "\x1b[" not in text  # not a terminal: no colour


def test_no_color_is_honoured_on_a_terminal(ritual, monkeypatch):
    from ritual.text import output

    monkeypatch.setattr(output.sys.stdout, "isatty", lambda: True, raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    assert output.use_color() is False
    monkeypatch.delenv("NO_COLOR")
    assert output.use_color() is True


def test_empty_home_explains_how_to_begin(ritual):
    assert "ritual friend add" in ritual.ok("week")
    assert "ritual demo" in ritual.ok()
    assert ritual.json("week") == []


def test_demo_refuses_a_home_with_data(ritual):
    ritual.ok("demo", "--friends", "5", "--seed", "3")
    again = ritual("demo")
    assert again.exit_code == 2 and "--force" in again.stderr
    ritual.ok("demo", "--friends", "5", "--force")
    friends = ritual.json("friend", "list")
    assert len(friends) == 10 and len({f["addresses"][0]["country"] for f in friends}) >= 5


def test_demo_is_reproducible_and_has_the_hard_dates(tmp_path):
    from ritual.services.demo.build import demo_friends

    first = demo_friends(200, 7, date(2026, 11, 25))
    assert first == demo_friends(200, 7, date(2026, 11, 25))
    birthdays = [f.birthday for f in first if f.birthday]
    assert any(b.is_feb29 and b.year for b in birthdays) and any(b.is_feb29 and not b.year for b in birthdays)
    assert any(b.month_only for b in birthdays) and any(b.year is None and b.day for b in birthdays)
    assert any(f.occasions for f in first) and any(f.cadence_days for f in first)


def test_locate_and_version(ritual, home):
    out = ritual.ok("locate")
    assert f"database  {home.absolute()}/data/ritual.db" in out
    assert ritual.ok("--version").startswith("ritual, version ")


def test_a_letter_waiting_for_a_reply_shows_until_one_goes_back(ritual):
    ritual.ok("friend", "add", "Ana")
    ritual.ok("letter", "add", "Ana", "--received", "--date", "2026-11-01")
    (item,) = ritual.json("week")
    assert (item["kind"], item["date"], item["overdue"]) == ("reply_owed", "2026-11-15", True)
    assert "waiting for your reply" in ritual.ok("week")
    ritual.ok("letter", "add", "Ana", "--sent", "--date", "2026-11-24")
    assert ritual.json("week") == []
