"""Every screen of the app shows a friend's smuggled texts as text: no escape code or bell reaches the
terminal, and brackets in the data are shown as typed, never read as markup."""

from __future__ import annotations

import html
import re
import sqlite3
from datetime import date

from ritual.core.dates import PartialDate
from ritual.core.letters import Letter
from ritual.core.model import Occasion
from ritual.store.friends import FriendRepository
from ritual.store.letters import LetterRepository
from ritual.store.projects import ProjectRepository
from ritual.tui.friend_actions import removal_question
from ritual.tui.screens.confirm import ConfirmScreen
from ritual.tui.screens.export import ExportScreen
from ritual.tui.screens.friend_form import FriendFormScreen
from ritual.tui.screens.import_contacts import ImportScreen
from ritual.tui.screens.letter_form import LetterFormScreen
from ritual.tui.screens.occasion_form import OccasionFormScreen
from ritual.tui.screens.profile import ProfileScreen
from ritual.tui.screens.projects import ProjectsScreen
from ritual.tui.screens.review import ReviewScreen
from ritual.tui.screens.ritual import RitualScreen
from ritual.tui.screens.supplies import SuppliesScreen
from tests.tui.conftest import SIZE, friend_id, settle

EVIL = "Evil\x1b]0;PWNED\x07[b]x[/b]"


def _smuggle(context) -> int:
    """Ana's texts, an occasion this week, a letter and a project, all holding EVIL (as an old or tampered
    database could: the store itself refuses such input)."""
    ana = friend_id(context, "Ana Souza")
    FriendRepository(context.db).add_occasion(ana, Occasion("party", PartialDate(3, 11)))
    LetterRepository(context.db).add(Letter(ana, "received", date(2026, 3, 2), "received", occasion="party"))
    project = ProjectRepository(context.db).create("cards", "party", date(2026, 3, 20))
    ProjectRepository(context.db).add_members(project.id, [ana])
    conn = sqlite3.connect(context.paths.database)
    with conn:
        conn.execute("UPDATE friends SET name = ?, nickname = ?, notes = ?, relationship = ?, how_met = ? "
                     "WHERE id = ?", (EVIL, EVIL, EVIL, EVIL, EVIL, ana))
        conn.execute("UPDATE addresses SET city = ?, lines = ? WHERE friend_id = ?", (EVIL, EVIL, ana))
        conn.execute("UPDATE occasions SET name = ? WHERE friend_id = ?", (EVIL, ana))
        conn.execute("UPDATE friend_tags SET tag = ? WHERE friend_id = ?", (EVIL, ana))
        conn.execute("UPDATE letters SET occasion = ?, note = ? WHERE friend_id = ?", (EVIL, EVIL, ana))
        conn.execute("UPDATE projects SET name = ?, occasion = ?", (EVIL, EVIL))
    conn.close()
    return ana


def _screen_text(svg: str) -> str:
    return html.unescape("".join(re.findall(r"<text[^>]*>(.*?)</text>", svg))).replace("\xa0", " ")


def _check(app, where: str, seen: dict, problems: list[str]) -> None:
    svg = app.export_screenshot()
    text = _screen_text(svg)
    if "\x1b" in svg or "\x07" in svg:
        problems.append(f"{where}: a control character reached the screen")
    if "Evil" not in text:
        return
    seen[where] = True
    # Read as markup, `[b]x[/b]` would become a bold x right after the bell's stand-in.
    for eaten in re.finditer(r"PWNED\^G ?x", text):
        problems.append(f"{where}: brackets read as markup: {text[max(0, eaten.start() - 60):eaten.end() + 20]!r}")


async def test_every_screen_shows_smuggled_texts_as_text(app, context):
    ana = _smuggle(context)
    seen: dict[str, bool] = {}
    problems: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for mode in ("week", "friends", "calendar", "box"):
            app.switch_mode(mode)
            await settle(pilot)
            _check(app, mode, seen, problems)
        app.switch_mode("calendar")
        await pilot.press("y")
        await settle(pilot)
        _check(app, "calendar year", seen, problems)
        app.switch_mode("friends")
        await settle(pilot)
        app.screen.query_one("#circle-filter").expanded = True
        await settle(pilot)
        _check(app, "circle filter", seen, problems)
        app.screen.query_one("#circle-filter").expanded = False
        app.switch_mode("week")
        await app.push_screen(LetterFormScreen(app.data, "received"))
        await settle(pilot)
        await pilot.press(*"Evil")
        await settle(pilot)
        _check(app, "friend chooser", seen, problems)
        app.pop_screen()
        await settle(pilot)
        friend = FriendRepository(context.db).get(ana)
        screens = {
            "profile": lambda: ProfileScreen(app.data, ana),
            "friend form": lambda: FriendFormScreen(app.data, friend),
            "occasion form": lambda: OccasionFormScreen(app.data, ana, friend.occasions[0]),
            "letter form": lambda: LetterFormScreen(app.data, "sent", ana),
            "ritual": lambda: RitualScreen(app.data, ana, friend.occasions[0].name, paths=app.paths),
            "review": lambda: ReviewScreen(app.data),
            "projects": lambda: ProjectsScreen(app.data),
            "supplies": lambda: SuppliesScreen(app.data),
            "export": lambda: ExportScreen(app.data),
            "import": lambda: ImportScreen(app.data),
            "delete question": lambda: ConfirmScreen(removal_question(friend), "Remove"),
        }
        app.switch_mode("week")
        for where, make in screens.items():
            await app.push_screen(make())
            await settle(pilot)
            _check(app, where, seen, problems)
            app.pop_screen()
            await settle(pilot)
        await app.push_screen(ProfileScreen(app.data, ana))
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        _check(app, "help on a profile", seen, problems)
    assert not problems, "\n".join(problems)
    # The name really reached these screens, so the checks above looked at it.
    assert {"week", "friends", "circle filter", "friend chooser", "help on a profile", "box", "profile", "friend form", "ritual", "projects", "delete question"} <= set(seen)
