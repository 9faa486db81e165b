"""Importing in the app: a preview that saves nothing, the import itself, calm refusals, and the way in from the welcome."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Button, Checkbox, DataTable, Input

from ritual.store.friends import FriendRepository
from ritual.tui.app import build_app
from ritual.tui.screens.friends import FriendsScreen
from ritual.tui.screens.import_contacts import ImportScreen
from ritual.tui.screens.onboarding import OnboardingScreen
from ritual.tui.screens.week import WeekScreen
from tests.tui.conftest import SIZE, settle

DATA = Path(__file__).parent / "data"


async def open_import(pilot) -> ImportScreen:
    """The friend list, then `i`."""
    await settle(pilot)
    await pilot.press("f")
    await settle(pilot)
    await pilot.press("i")
    assert isinstance(pilot.app.screen, ImportScreen)
    return pilot.app.screen


async def preview(pilot, screen: ImportScreen, path) -> list[tuple[str, str, str]]:
    """Type a path, press enter, and read the table."""
    screen.query_one("#import-path", Input).value = str(path)
    await pilot.press("enter")
    await settle(pilot)
    return table_rows(screen)


def table_rows(screen: ImportScreen) -> list[tuple[str, str, str]]:
    table = screen.query_one(DataTable)
    return [tuple(str(cell) for cell in table.get_row_at(i)) for i in range(table.row_count)]


def names(context) -> list[str]:
    return sorted(f.name for f in FriendRepository(context.db).all())


async def test_a_vcard_preview_saves_nothing_then_import_adds_the_new_friends(app, context):
    before = names(context)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_import(pilot)
        rows = await preview(pilot, screen, DATA / "friends.vcf")
        assert names(context) == before
        assert screen.status_text.startswith("This vCard import would give: 2 created, 0 updated, 1 unchanged, 1 skipped.")
        assert rows == [("unchanged", "Ana Souza", "the same as in ritual"),
                        ("created", "Farah Nasser", "birthday 2 June · Toronto, CA"),
                        ("skipped", "line 15", "has no name (no FN, N, ORG or NICKNAME)"),
                        ("created", "Gus Okoye", "birthday 30 November 1979")]
        run = screen.query_one("#import-run", Button)
        assert not run.disabled
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert screen.status_text == "Imported from vCard: 2 created, 0 updated, 1 unchanged, 1 skipped."
        assert run.disabled
        assert "Import done" in [n.title for n in app._notifications]
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, FriendsScreen)
        assert [r.name for r in app.screen.rows] == sorted(before + ["Farah Nasser", "Gus Okoye"])
    assert names(context) == sorted(before + ["Farah Nasser", "Gus Okoye"])


async def test_an_ics_preview_names_each_person_and_says_why_events_are_skipped(app, context):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_import(pilot)
        rows = await preview(pilot, screen, DATA / "birthdays.ics")
        assert rows == [("skipped", "Team lunch", "line 18: not an all-day event"),
                        ("unchanged", "Ben Carter", "birthday 20 March"),
                        ("created", "Hana Ito", "birthday 8 July")]
        await pilot.click("#import-run")
        await settle(pilot)
        assert screen.status_text.startswith("Imported from iCalendar: 1 created")
    assert "Hana Ito" in names(context)


async def test_changing_the_path_after_a_preview_asks_for_a_new_preview(app, context):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_import(pilot)
        await preview(pilot, screen, DATA / "friends.vcf")
        screen.query_one("#import-path", Input).value = str(DATA / "birthdays.ics")
        await pilot.pause()
        assert screen.query_one("#import-run", Button).disabled
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert screen.status_text.startswith("Preview the file first")
    assert "Farah Nasser" not in names(context)


async def test_missing_and_unreadable_files_are_told_calmly(app, tmp_path):
    strange = tmp_path / "notes.txt"
    strange.write_text("just some words\n")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_import(pilot)
        assert await preview(pilot, screen, tmp_path / "absent.vcf") == []
        assert screen.status_text == f"There is no file or folder at {tmp_path / 'absent.vcf'}. Nothing was saved."
        assert screen.query_one("#import-status").has_class("-problem")
        await preview(pilot, screen, strange)
        assert screen.status_text == "notes.txt does not look like a vCard, CSV or iCalendar file. Nothing was saved."
        not_a_card = tmp_path / "broken.vcf"
        not_a_card.write_text("hello\n")
        await preview(pilot, screen, not_a_card)
        assert "is not a vCard file" in screen.status_text
        assert screen.query_one("#import-run", Button).disabled


async def test_the_welcome_imports_contacts_and_then_shows_the_week(empty_context, tmp_path):
    simple = tmp_path / "people.csv"
    simple.write_text("name,birthday,city,country\nMia Weber,1991-05-04,Berlin,DE\n", encoding="utf-8")
    app = build_app(empty_context, check_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, OnboardingScreen)
        await pilot.click("#onboard-import")
        assert isinstance(app.screen, ImportScreen)
        await preview(pilot, app.screen, simple)
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, WeekScreen)
    assert names(empty_context) == ["Mia Weber"]


async def test_leaving_the_welcome_import_without_importing_keeps_the_welcome(empty_context):
    app = build_app(empty_context, check_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("i")
        assert isinstance(app.screen, ImportScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, OnboardingScreen)


ANA_AND_ZOE = "BEGIN:VCARD\nVERSION:3.0\nFN:Ana Souza\nNICKNAME:Ani\nBDAY:1990-03-14\nEND:VCARD\n" \
              "BEGIN:VCARD\nVERSION:3.0\nFN:Zoe Adler\nEND:VCARD\n"


async def test_circles_and_overwrite_are_previewed_per_person_then_saved(app, context, tmp_path):
    cards = tmp_path / "phone.vcf"
    cards.write_text(ANA_AND_ZOE, encoding="utf-8")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_import(pilot)
        screen.query_one("#import-tags", Input).value = "phone, family"
        rows = await preview(pilot, screen, cards)
        assert rows[1:] == [("updated", "Ana Souza", "circles + family, phone; kept your nickname"),
                            ("created", "Zoe Adler", "no dates or address")]
        run = screen.query_one("#import-run", Button)
        assert not run.disabled
        screen.query_one("#import-overwrite", Checkbox).value = True
        await pilot.pause()
        assert run.disabled, "a changed choice needs a new preview"
        rows = await preview(pilot, screen, cards)
        assert rows[0] == ("updated", "Ana Souza", "nickname; circles + family, phone")
        assert FriendRepository(context.db).find("Ana Souza").nickname == "Aninha"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert screen.status_text == "Imported from vCard: 1 created, 1 updated, 0 unchanged, 0 skipped."
    friends = {f.name: f for f in FriendRepository(context.db).all()}
    assert friends["Ana Souza"].nickname == "Ani"
    assert set(friends["Ana Souza"].tags) == {"school", "phone", "family"}
    assert set(friends["Zoe Adler"].tags) == {"phone", "family"}


async def test_edits_are_kept_without_overwrite(app, context, tmp_path):
    cards = tmp_path / "phone.vcf"
    cards.write_text(ANA_AND_ZOE, encoding="utf-8")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_import(pilot)
        rows = await preview(pilot, screen, cards)
        assert rows[:2] == [("note", "your edits", "1 field you changed in ritual kept; "
                                                    "tick “the file's values win” to take the file's"),
                            ("unchanged", "Ana Souza", "kept your nickname (the file's differs)")]
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert FriendRepository(context.db).find("Ana Souza").nickname == "Aninha"
    assert "Zoe Adler" in names(context)


async def test_circles_on_a_calendar_import_are_explained(app, context):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_import(pilot)
        screen.query_one("#import-tags", Input).value = "calendar"
        rows = await preview(pilot, screen, DATA / "birthdays.ics")
        assert rows[0][0] == "note" and "contacts files" in rows[0][2]
        assert ("created", "Hana Ito", "birthday 8 July") in rows
