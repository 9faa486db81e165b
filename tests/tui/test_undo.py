"""Undo for a few seconds with z: removing a friend or a letter, and letter-box and project status steps."""

from __future__ import annotations

import sqlite3
from datetime import date

from ritual.store.friends import FriendRepository
from ritual.store.letters import LetterRepository
from ritual.store.projects import ProjectRepository
from ritual.store.supplies import SupplyRepository
from ritual.tui import app as app_module
from ritual.tui.screens.projects import ProjectsScreen
from tests.tui.conftest import SIZE, friend_id, settle
from tests.tui.test_friends_screen import open_friends
from tests.tui.test_letter_box_screen import add_letters, open_box


# What the app writes for itself while it runs (holiday cache, reminder bookkeeping), not the user's data.
CACHES = {"change_count", "meta", "public_holidays", "holiday_years", "reminder_deliveries", "export_targets",
          "calendar_revisions"}


def every_row(context) -> dict[str, list[tuple]]:
    """Every table's rows in a fixed order, to compare the whole store before and after."""
    conn = sqlite3.connect(context.paths.database)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                             "AND name NOT LIKE 'sqlite%'")]
        return {t: sorted(map(repr, conn.execute(f'SELECT * FROM "{t}"'))) for t in tables if t not in CACHES}
    finally:
        conn.close()


def toasts(app) -> list[str]:
    return [n.message for n in app._notifications]


async def test_a_removed_friend_comes_back_exactly_with_z(app, context):
    ids = add_letters(context)
    before = every_row(context)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_friends(app, pilot)
        await pilot.press("d")
        await pilot.press("y")
        await settle(pilot)
        assert FriendRepository(context.db).count() == 4
        assert "Removed Ana Souza · z to undo" in toasts(app)
        assert LetterRepository(context.db).list(friend_id=None) and ids
        await pilot.press("z")
        await settle(pilot)
        assert every_row(context) == before
        assert "Ana Souza" in [row.name for row in screen.rows]


async def test_letter_box_status_steps_and_a_deleted_letter_are_undone(app, context):
    ids = add_letters(context)
    SupplyRepository(context.db).add("domestic", 3)
    before = every_row(context)
    async with app.run_test(size=SIZE) as pilot:
        await open_box(pilot)
        await pilot.press("p")
        await settle(pilot)
        assert LetterRepository(context.db).get(ids["ben"]).status == "posted"
        assert any(t.endswith("· z to undo") for t in toasts(app))
        await pilot.press("z")
        await settle(pilot)
        assert every_row(context) == before
        await pilot.press("x")
        await settle(pilot)
        assert ids["ben"] not in [x.id for x in LetterRepository(context.db).list()]
        await pilot.press("z")
        await settle(pilot)
        assert every_row(context) == before


async def test_project_status_keys_are_undone(app, context):
    repo = ProjectRepository(context.db)
    project = repo.create("Spring cards", "spring", date(2026, 3, 20))
    repo.add_members(project.id, [friend_id(context, "Ben Carter")])
    before = every_row(context)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.action_projects()
        await settle(pilot)
        assert isinstance(app.screen, ProjectsScreen)
        await pilot.press("space")
        await settle(pilot)
        assert repo.all()[0].members[0].status == "written"
        await pilot.press("z")
        await settle(pilot)
        assert every_row(context) == before
        assert app.screen.projects[0].members[0].status == "to_write"


async def test_undo_lasts_only_a_few_seconds(app, context, monkeypatch):
    monkeypatch.setattr(app_module, "UNDO_SECONDS", -1)
    async with app.run_test(size=SIZE) as pilot:
        await open_friends(app, pilot)
        await pilot.press("d")
        await pilot.press("y")
        await settle(pilot)
        await pilot.press("z")
        await settle(pilot)
        assert FriendRepository(context.db).count() == 4
        assert app.screen.query_one("#friend-search").value == "z", "too late: z is only a letter of a search"


async def test_with_nothing_to_undo_z_starts_a_search_on_the_friend_list(app):
    from textual.widgets import Input

    async with app.run_test(size=SIZE) as pilot:
        screen = await open_friends(app, pilot)
        await pilot.press(*"zara")
        await pilot.pause()
        assert app.screen is screen
        assert screen.query_one("#friend-search", Input).value == "zara"
