"""Fewer and shorter garbage collections while the app runs: with 10,000 friends they cost a form its quick start."""

from __future__ import annotations

import gc

# Objects allocated between two quick collections (Python's default is 700). Mounting a form allocates tens of
# thousands; at 700 each form opening paid for a hundred collections, a few of them reaching the whole heap.
YOUNG_THRESHOLD = 10_000
OLDER_THRESHOLDS = (10, 10)


def settle_after_start() -> None:
    """Set the startup's objects aside from later collections, and collect less often from now on.

    Modules, styles and the first screen stay for the whole run: frozen, no collection walks them again. Objects
    freed by their last reference go at once as ever; only reference cycles wait a little longer. The collector
    is on from here even when the start ran without it (`run_app` pauses it while Textual loads).
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(YOUNG_THRESHOLD, *OLDER_THRESHOLDS)
    gc.enable()


def set_aside_read_ahead() -> None:
    """Set what reading ahead just made aside from later collections, as the startup's objects are.

    The plans and rows read ahead for 10,000 friends are hundreds of thousands of objects kept for the run; left
    young, a collection walking them landed in the middle of a screen's opening and cost it a third of a second.
    No collection first: that would hold up the app for as long; the few garbage cycles made meanwhile stay.
    """
    gc.freeze()
