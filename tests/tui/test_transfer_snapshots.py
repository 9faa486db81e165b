"""The export dialog and the import preview at a fixed size, each picture paired with a check of its state."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from ritual.tui.screens.export import ExportScreen
from ritual.tui.screens.import_contacts import ImportScreen
from tests.tui.test_snapshots import snap

REPOSITORY = Path(__file__).resolve().parents[2]


def test_export_dialog(snap_compare, app, context):
    in_home: list[bool] = []

    def ready(screen) -> bool:
        if not isinstance(screen, ExportScreen) or screen.running:
            return False
        if not in_home:
            # The default lies inside the home's data; the picture shows a fixed path, the same on every machine.
            in_home.append(screen.choice().file == str(context.paths.data_dir / "ritual.ics"))
            screen.query_one("#export-file", Input).value = "~/ritual.ics"
        return in_home[0]

    assert snap(snap_compare, app, ("e",), ready)


def test_import_preview(snap_compare, app, monkeypatch):
    # A path relative to the repository keeps the picture the same on every machine.
    monkeypatch.chdir(REPOSITORY)

    def previewed(screen) -> bool:
        return (isinstance(screen, ImportScreen) and screen.preview is not None
                and screen.preview.counts == {"created": 2, "updated": 0, "unchanged": 1, "skipped": 1})

    keys = ("f", "i", *"tests/tui/data/friends.vcf", "enter")
    assert snap(snap_compare, app, keys, previewed)
