"""The welcome asks where you post from: guessed from the locale, kept in config.toml, a wrong answer shown."""

from __future__ import annotations

from textual.widgets import Input

from ritual.settings.load import load_settings
from ritual.tui.app import build_app
from ritual.tui.screens.onboarding import OnboardingScreen
from ritual.tui.screens.week import WeekScreen
from tests.tui.conftest import SIZE, settle


async def test_the_locales_country_is_offered_and_kept_when_the_demo_is_loaded(empty_context, monkeypatch):
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    app = build_app(empty_context, check_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#home-country", Input).value == "DE"
        assert "Guessed from your locale (Germany (DE))" in str(app.screen.query_one("#home-country-hint").content)
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, WeekScreen)
        assert app.data.settings.home_country == "DE" and app.data.settings.home_country_chosen
    assert load_settings(empty_context.paths).home_country == "DE"


async def test_a_country_typed_by_name_is_kept(empty_context, monkeypatch):
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    app = build_app(empty_context, check_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "only a starting point" in str(app.screen.query_one("#home-country-hint").content)
        field = app.screen.query_one("#home-country", Input)
        field.focus()
        field.value = ""
        await pilot.press(*"japan", "enter")
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, WeekScreen)
    assert load_settings(empty_context.paths).home_country == "JP"


async def test_no_country_is_shown_under_the_field_and_nothing_goes_on(empty_context):
    app = build_app(empty_context, check_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        field = app.screen.query_one("#home-country", Input)
        field.focus()
        field.value = ""
        await pilot.press(*"Narnia", "enter")
        await pilot.click("#onboard-demo")
        await settle(pilot)
        assert isinstance(app.screen, OnboardingScreen)
        assert "'Narnia' is not a known country" in app.screen.query_one("#row-home-country").message
    assert "home_country" not in empty_context.paths.config_file.read_text(encoding="utf-8")


async def test_all_three_choices_show_whole_on_a_24_line_terminal(empty_context, monkeypatch):
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    app = build_app(empty_context, check_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        footer_top = app.screen.query_one("FittingFooter").region.y
        for button in ("#onboard-add", "#onboard-demo", "#onboard-import"):
            region = app.screen.query_one(button).region
            assert region.height == 3 and region.bottom <= footer_top and region.right <= 80, button
        await pilot.click("#onboard-import")
        await settle(pilot)
        assert type(app.screen).__name__ == "ImportScreen"
