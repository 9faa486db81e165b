"""Projects started in the app: a small form with name, occasion, due day and members, checked in place."""

from __future__ import annotations

from datetime import date

from ritual.store.projects import ProjectRepository
from ritual.tui.screens.project_form import ProjectFormScreen
from ritual.tui.screens.projects import ProjectsScreen
from tests.tui.conftest import SIZE, settle
from tests.tui.test_forms import type_into


async def open_projects(app, pilot) -> ProjectsScreen:
    await settle(pilot)
    app.action_projects()
    await settle(pilot)
    assert isinstance(app.screen, ProjectsScreen)
    return app.screen


async def test_n_starts_a_project_with_its_people(app, context):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_projects(app, pilot)
        await pilot.press("n")
        assert isinstance(app.screen, ProjectFormScreen)
        await type_into(pilot, "name", "Spring cards")
        await type_into(pilot, "occasion", "spring")
        await type_into(pilot, "due", "next fri")
        await type_into(pilot, "members", "Ben Carter, #school")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        (project,) = ProjectRepository(context.db).all()
        assert (project.name, project.occasion, project.due) == ("Spring cards", "spring", date(2026, 3, 13))
        assert sorted(m.friend for m in project.members) == ["Ana Souza", "Ben Carter", "Chloé Martin"]
        assert [p.name for p in screen.projects] == ["Spring cards"] and screen.chosen.id == project.id


async def test_each_wrong_field_is_named_beside_it_and_nothing_is_started(app, context):
    async with app.run_test(size=SIZE) as pilot:
        await open_projects(app, pilot)
        await pilot.press("n")
        form = app.screen
        await type_into(pilot, "name", "Spring cards")
        await type_into(pilot, "due", "20 mar")
        await type_into(pilot, "members", "Nobody Known")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form and "Nobody Known" in form.field_message("members")
        await type_into(pilot, "members", "#no-such-circle")
        await type_into(pilot, "due", "someday")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert form.field_message("due").startswith("“someday” is not a date")
        await type_into(pilot, "due", "")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert form.field_message("due").startswith("Please fill this in: it is needed")
        await type_into(pilot, "due", "20 mar")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert form.field_message("members") == "“#no-such-circle” is no circle anyone is in."
        assert ProjectRepository(context.db).all() == []


def test_the_empty_projects_screen_at_80_columns(app, snap_compare):
    async def before(pilot):
        await settle(pilot)
        app.action_projects()
        await settle(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=before)


def test_the_project_form_at_80_columns(app, snap_compare):
    async def before(pilot):
        await settle(pilot)
        app.action_projects()
        await settle(pilot)
        await pilot.press("n")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=before)
