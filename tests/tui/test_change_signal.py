"""One change signal: a project, letter or supply changed from the CLI shows in the open app within seconds."""

from __future__ import annotations

import asyncio

from click.testing import CliRunner
from textual.widgets import DataTable, OptionList

from ritual.cli import cli
from ritual.tui.app import build_app
from ritual.tui.screens.projects import ProjectsScreen
from tests.tui.conftest import SIZE, settle


def run_cli(context, *args: str) -> None:
    """The CLI on the app's home, as another process would run it (its own connection)."""
    home = str(context.paths.config_dir.parent)
    result = CliRunner().invoke(cli, ["--home", home, "--today", "2026-03-09", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output


async def wait_for(pilot, condition, seconds: float = 5.0) -> bool:
    """Let the app's own change check run until `condition` holds or time is up."""
    for _ in range(int(seconds / 0.1)):
        await asyncio.sleep(0.1)
        await settle(pilot)
        if condition():
            return True
    return False


async def test_a_project_added_from_the_cli_shows_on_the_open_projects_screen(context):
    app = build_app(context, check_seconds=0.2)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.action_projects()
        await settle(pilot)
        assert isinstance(app.screen, ProjectsScreen) and app.screen.projects == []
        run_cli(context, "project", "add", "Spring cards", "Ben Carter", "--due", "2026-03-20")
        assert await wait_for(pilot, lambda: [p.name for p in app.screen.projects] == ["Spring cards"])
        assert app.screen.query_one("#member-table", DataTable).row_count == 1
        run_cli(context, "project", "set-status", "Spring cards", "written", "Ben Carter")
        assert await wait_for(pilot, lambda: app.screen.projects[0].members[0].status == "written")
        assert app.screen.query_one("#project-list", OptionList).option_count == 1


async def test_a_letter_logged_from_the_cli_shows_in_the_open_letter_box(context):
    app = build_app(context, check_seconds=0.2)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.action_show("box")
        await settle(pilot)
        before = len(app.screen.letters)
        run_cli(context, "letter", "log", "Ben Carter", "--received")
        assert await wait_for(pilot, lambda: len(app.screen.letters) == before + 1)
