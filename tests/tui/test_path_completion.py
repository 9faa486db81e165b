"""Tab completes the import and export paths like a shell, and shows the choices when several match."""

from __future__ import annotations

from textual.widgets import Input, Static

from ritual.tui.screens.export import ExportScreen
from ritual.tui.screens.import_contacts import ImportScreen
from ritual.tui.widgets.path_field import complete
from tests.tui.conftest import SIZE, settle


def make_files(tmp_path):
    folder = tmp_path / "exports"
    (folder / "cards").mkdir(parents=True)
    (folder / "contacts.vcf").write_text("", "utf-8")
    (folder / "contacts-old.vcf").write_text("", "utf-8")
    (folder / ".hidden.vcf").write_text("", "utf-8")
    return folder


def test_complete_fills_the_one_match_and_lists_several(tmp_path):
    folder = make_files(tmp_path)
    assert complete(f"{folder}/ca") == (f"{folder}/cards/", [])
    assert complete(f"{folder}/co") == (f"{folder}/contacts", ["contacts-old.vcf", "contacts.vcf"])
    assert complete(f"{folder}/zz") == (f"{folder}/zz", [])
    assert complete(f"{folder}/.h") == (f"{folder}/.hidden.vcf", [])
    assert ".hidden.vcf" not in complete(f"{folder}/")[1]


async def test_tab_completes_the_import_path_and_shows_choices(app, tmp_path):
    folder = make_files(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.action_import()
        await settle(pilot)
        assert isinstance(app.screen, ImportScreen)
        field = app.screen.query_one("#import-path", Input)
        field.focus()
        field.value = f"{folder}/co"
        await pilot.press("tab")
        await pilot.pause()
        assert field.value == f"{folder}/contacts" and app.focused is field
        choices = str(app.screen.query_one(".path-choices", Static).content)
        assert choices == "contacts-old.vcf  contacts.vcf"
        await pilot.press(".", "tab")
        await pilot.pause()
        assert field.value == f"{folder}/contacts.vcf"
        assert not app.screen.query_one(".path-choices").display
        await pilot.press("tab")
        assert app.focused is not field, "with nothing left to complete, tab moves on"


async def test_tab_completes_the_export_file(app, tmp_path):
    folder = make_files(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.action_export()
        await settle(pilot)
        assert isinstance(app.screen, ExportScreen)
        field = app.screen.query_one("#export-file", Input)
        field.value = f"{folder}/c"
        await pilot.press("tab")
        await pilot.pause()
        assert field.value == f"{folder}/c"
        assert "cards/" in str(app.screen.query_one(".path-choices", Static).content)
        await pilot.press("a", "tab")
        assert field.value == f"{folder}/cards/"
