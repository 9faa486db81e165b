"""The Textual interface; importing this package imports no Textual until `run_app` is called."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ritual.context import RitualContext


def run_app(context: RitualContext) -> None:
    """Open the app on this home's settings, database and clock, and run until the user quits."""
    from ritual.tui.app import build_app

    build_app(context).run()
