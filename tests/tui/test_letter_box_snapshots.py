"""The letter box at a fixed size, clock and data, paired with a check of what it holds."""

from __future__ import annotations

from tests.tui.test_letter_box_screen import add_letters
from tests.tui.test_snapshots import profile_planned, snap


def test_letter_box(snap_compare, app, context):
    add_letters(context)
    assert snap(snap_compare, app, ("b",), lambda screen: [x.friend for x in screen.letters][-1] == "Ben Carter")


def test_letter_box_profile_timeline(snap_compare, app, context):
    add_letters(context)

    def ana(screen) -> bool:
        return profile_planned(screen) and "answered" in str(screen.query_one("#profile-timeline").render())

    assert snap(snap_compare, app, ("f", "enter"), ana)
