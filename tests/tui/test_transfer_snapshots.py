"""The export dialog and the import preview at a fixed size, each picture paired with a check of its state."""

from __future__ import annotations

from pathlib import Path

from ritual.tui.screens.export import ExportScreen
from ritual.tui.screens.import_contacts import ImportScreen
from tests.tui.test_snapshots import snap

REPOSITORY = Path(__file__).resolve().parents[2]


def test_export_dialog(snap_compare, app):
    def ready(screen) -> bool:
        return isinstance(screen, ExportScreen) and screen.choice().file == "~/ritual.ics" and not screen.running

    assert snap(snap_compare, app, ("e",), ready)


def test_import_preview(snap_compare, app, monkeypatch):
    # A path relative to the repository keeps the picture the same on every machine.
    monkeypatch.chdir(REPOSITORY)

    def previewed(screen) -> bool:
        return (isinstance(screen, ImportScreen) and screen.preview is not None
                and screen.preview.counts == {"created": 2, "updated": 0, "unchanged": 1, "skipped": 1})

    keys = ("f", "i", *"tests/tui/data/friends.vcf", "enter")
    assert snap(snap_compare, app, keys, previewed)
