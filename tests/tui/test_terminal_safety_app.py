"""Names smuggled into the store reach the app's screen as visible text: no escape codes, no markup."""

from __future__ import annotations

import html
import re
import sqlite3

from ritual.tui.screens.friends import FriendsScreen
from tests.tui.conftest import SIZE, settle

EVIL = "Evil\x1b]0;PWNED\x07\x1b[2J [@click=app.quit]bold[/] [b]x"


def _smuggle(context) -> None:
    conn = sqlite3.connect(context.paths.database)
    with conn:
        conn.execute("UPDATE friends SET name = ? WHERE name = 'Ana Souza'", (EVIL,))
    conn.close()


def _screen_text(svg: str) -> str:
    """The characters on screen, in order, from the screenshot's text runs."""
    return html.unescape("".join(re.findall(r"<text[^>]*>(.*?)</text>", svg))).replace("\xa0", " ")


def _assert_shown_not_obeyed(svg: str, whole: bool = True) -> None:
    text = _screen_text(svg)
    assert "\x1b" not in text and "\x07" not in text
    assert "Evil^[]0;PWNED^G^[[2J" in text
    # Where the name has room, its brackets are shown as typed rather than read as markup.
    assert not whole or "[@click=app.quit]bold[/] [b]x" in text


async def test_the_friend_list_and_the_week_show_a_smuggled_name_as_text(app, context):
    _smuggle(context)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "\x1b" not in app.export_screenshot()
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, FriendsScreen)
        _assert_shown_not_obeyed(app.export_screenshot(), whole=False)


async def test_a_toast_with_a_smuggled_name_is_plain_text(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.screen.notify(f"Saved {EVIL}.", title=f"About {EVIL}")
        await settle(pilot)
        (shown,) = list(app._notifications)
        assert not shown.markup
        assert shown.message == "Saved Evil^[]0;PWNED^G^[[2J [@click=app.quit]bold[/] [b]x."
        assert shown.title.startswith("About Evil^[]0;PWNED^G")
