"""The screens at 80×24 and 120×40: nothing cut, wrapped lines hanging, every choice in view."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable

from ritual.tui.app import build_app
from ritual.tui.screens.onboarding import OnboardingScreen
from ritual.tui.screens.week import WeekScreen
from ritual.tui.widgets.year_overview import YearOverview
from tests.tui.test_letter_box_screen import add_letters
from tests.tui.test_sessions_screens import session_context
from tests.tui.test_snapshots import snap

SIZES = [(80, 24), (120, 40)]


@pytest.mark.parametrize("size", SIZES)
def test_week_with_a_session(snap_compare, tmp_path, size):
    context = session_context(tmp_path / "home")
    try:
        app = build_app(context, check_seconds=3600)
        assert snap(snap_compare, app, (), lambda s: isinstance(s, WeekScreen) and s.planned.sessions, size)
    finally:
        context.close()


@pytest.mark.parametrize("size", SIZES)
def test_letter_box(snap_compare, app, context, size):
    add_letters(context)

    def laid_out(screen) -> bool:
        return len(screen.query_one(DataTable).columns) == (2 if size[0] < 110 else 6)

    assert snap(snap_compare, app, ("b",), laid_out, size)


def test_year_at_80_columns_on_the_chosen_month(snap_compare, app):
    def on_november(screen) -> bool:
        year = screen.query_one(YearOverview)
        return year.columns == 2 and year.cursor.month == 11

    assert snap(snap_compare, app, ("c", "y", *["pagedown"] * 8), on_november, (80, 24))


def test_welcome_at_80_by_24(snap_compare, empty_context, monkeypatch):
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    app = build_app(empty_context, check_seconds=3600)
    assert snap(snap_compare, app, (), lambda screen: isinstance(screen, OnboardingScreen), (80, 24))


def test_calendar_day_at_80_by_24_wraps_its_items_hanging_under_their_words(snap_compare, app):
    def hanging_on_the_14th(screen) -> bool:
        from textual.widgets import OptionList

        lines = [str(option.prompt) for option in screen.query_one("#day-items", OptionList).options]
        wrapped = [line for line in lines if "\n" in line]
        return screen.cursor.day == 14 and bool(wrapped) and all(
            continued.startswith(" " * 9) and not continued.startswith(" " * 10)
            for line in wrapped for continued in line.splitlines()[1:])

    assert snap(snap_compare, app, ("c", *["right"] * 5), hanging_on_the_14th, (80, 24))
