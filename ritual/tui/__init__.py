"""The Textual interface; importing this package imports no Textual until `run_app` is called."""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ritual.context import RitualContext


def run_app(context: RitualContext) -> None:
    """Open the app on this home's settings, database and clock, and run until the user quits."""
    # Loading Textual and drawing the first frame allocate a few hundred thousand objects that live for the whole
    # run: collecting cycles among them on the way is wasted (a twentieth of the start). The app collects once,
    # and sets them aside, right after its first frame (`settle_after_start`).
    gc.disable()
    from ritual.tui.app import build_app

    build_app(context).run()
