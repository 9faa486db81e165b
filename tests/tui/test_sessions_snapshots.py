"""Pictures of the week with sessions, a session under way, supplies and projects, each with a state check."""

from __future__ import annotations

from datetime import date

from ritual.store.projects import ProjectRepository
from ritual.tui.screens.projects import ProjectsScreen
from ritual.tui.screens.session import LATER, SessionScreen
from ritual.tui.screens.supplies import SuppliesScreen
from ritual.tui.screens.week import WeekScreen
from tests.tui.conftest import friend_id
from tests.tui.test_sessions_screens import sessions_app, sessions_context  # noqa: F401
from tests.tui.test_snapshots import snap


def test_week_with_sessions(snap_compare, sessions_app):  # noqa: F811
    def check(screen) -> bool:
        return isinstance(screen, WeekScreen) and len(screen.planned.conflicts) == 1 and screen.planned.shortfalls

    assert snap(snap_compare, sessions_app, (), check)


def test_session_between_letters(snap_compare, sessions_app):  # noqa: F811
    def check(screen) -> bool:
        return isinstance(screen, SessionScreen) and screen.outcomes == {0: LATER}

    assert snap(snap_compare, sessions_app, ("down", "down", "down", "down", "s", "escape"), check)


def test_supplies_dialog(snap_compare, sessions_app):  # noqa: F811
    assert snap(snap_compare, sessions_app, ("u",),
                lambda screen: isinstance(screen, SuppliesScreen) and screen.repo.all() == {"international": 0})


def test_projects(snap_compare, sessions_app, sessions_context):  # noqa: F811
    repo = ProjectRepository(sessions_context.db)
    holiday = repo.create("Holiday cards 2026", "holidays")
    repo.add_members(holiday.id, [friend_id(sessions_context, n) for n in ("Ana Souza", "Ben Carter", "Eva Lima")])
    repo.set_status(holiday.id, [friend_id(sessions_context, "Ben Carter")], "posted", date(2026, 12, 1))

    def check(screen) -> bool:
        return isinstance(screen, ProjectsScreen) and [m.status for m in screen.chosen.members] == [
            "to_write", "posted", "to_write"]

    assert snap(snap_compare, sessions_app, ("p",), check)
