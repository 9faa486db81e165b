"""Writing sessions in the week, walking through a session, supplies, projects, and stamps used on posting."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, OptionList, Static

from ritual.core.dates import PartialDate
from ritual.core.letters import POSTED, SENT, WRITTEN, Letter
from ritual.core.model import Address, Friend
from ritual.store.friends import FriendRepository
from ritual.store.letters import LetterRepository
from ritual.store.projects import ProjectRepository
from ritual.store.supplies import SupplyRepository
from ritual.tui.app import build_app
from ritual.tui.screens.letter_box import LetterBoxScreen
from ritual.tui.screens.projects import ProjectsScreen
from ritual.tui.screens.ritual import RitualScreen
from ritual.tui.screens.session import LATER, WRITTEN as DONE, SessionScreen
from ritual.tui.screens.supplies import SuppliesScreen
from ritual.tui.screens.week import WeekScreen
from tests.tui.conftest import SIZE, fixed_friends, friend_id, open_context, settle
from tests.tui.test_ritual_screen import answer, choose_tone

SESSIONS_CONFIG = 'notifiers = ["toast"]\nwriting_sessions = ["tue 19:00 20", "sun 10:00 20"]\n'
GIL = Friend(name="Gil Moreno", birthday=PartialDate(3, 15),
             addresses=(Address(("9 Elm Road",), "Boston", "MA", "02108", "US", "home"),))


def session_context(home: Path):
    """The fixed friends and Gil, two short sessions a week, and no international stamps left."""
    config = home / "config" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text(SESSIONS_CONFIG, encoding="utf-8")
    found = open_context(home)
    FriendRepository(found.db).add_many([*fixed_friends(), GIL])
    SupplyRepository(found.db).set("international", 0)
    return found


@pytest.fixture
def sessions_context(tmp_path):
    found = session_context(tmp_path / "home")
    yield found
    found.close()


@pytest.fixture
def sessions_app(sessions_context):
    return build_app(sessions_context, check_seconds=3600)


def prompts(screen, list_id: str) -> list[tuple[str | None, str]]:
    """(id, plain text) of every option in one list."""
    options = screen.query_one(list_id, OptionList)
    return [(o.id, str(o.prompt)) for o in (options.get_option_at_index(i) for i in range(options.option_count))]


def highlight(screen, option_id: str) -> None:
    """Put the week's cursor on one option."""
    days = screen.query_one("#week-days", OptionList)
    days.focus()
    days.highlighted = days.get_option_index(option_id)


async def test_sessions_sit_under_their_days_with_their_letters_and_the_notes_beside(sessions_app):
    async with sessions_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = sessions_app.screen
        assert isinstance(screen, WeekScreen)
        days = prompts(screen, "#week-days")
        ids = [i for i, _ in days]
        tuesday = ids.index("session-0")
        assert ids.index("day-2026-03-10") < tuesday < ids.index("day-2026-03-11")
        assert "Writing session 19:00–19:20 · 20 of 20 minutes planned" in days[tuesday][1]
        assert days[tuesday + 1] == ("session-0-0", "      Ana Souza — birthday, write by Tue 10 Mar")
        sunday = ids.index("session-1")
        assert "no letters due yet" in days[sunday + 1][1]
        aside = [text for _, text in prompts(screen, "#week-open")]
        assert aside[0] == "Letters without a session"
        assert "letter to Gil Moreno" in aside[1]
        assert "Supplies" in aside and any("international stamps; 0 on hand" in t for t in aside)
        assert len(screen.planned.sessions) == 2


async def test_s_away_from_a_session_says_how_to_start_one(sessions_app):
    async with sessions_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = sessions_app.screen
        highlight(screen, "day-2026-03-10")
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert screen is sessions_app.screen
        assert any("Highlight a writing session" in n.message for n in sessions_app._notifications)


async def test_a_session_walks_through_its_letters_with_the_ritual_and_uses_a_stamp(sessions_app, sessions_context):
    SupplyRepository(sessions_context.db).set("domestic", 3)
    async with sessions_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        highlight(sessions_app.screen, "session-0")
        await pilot.press("s")
        await settle(pilot)
        ritual = sessions_app.screen
        assert isinstance(ritual, RitualScreen) and ritual.friend.name == "Ana Souza"
        await choose_tone(pilot, "tenderness")
        for _ in range(5):  # four questions and the one follow-up after the first answer
            await answer(pilot, "ok")
        await pilot.press("l", "p")
        await settle(pilot)
        (letter,) = LetterRepository(sessions_context.db).list(friend_id(sessions_context, "Ana Souza"))
        assert letter.status == POSTED and letter.posted == sessions_context.clock.today()
        assert SupplyRepository(sessions_context.db).all()["domestic"] == 2
        await pilot.press("escape")
        await settle(pilot)
        session = sessions_app.screen
        assert isinstance(session, SessionScreen) and session.outcomes == {0: DONE}
        done = str(session.query_one("#session-next", Static).render())
        assert "That was every letter of this session" in done and "left for later" not in done
        assert not session.check_action("next_letter", ())
        await pilot.press("escape")
        assert isinstance(sessions_app.screen, WeekScreen)


async def test_leaving_a_ritual_keeps_the_letter_for_later_and_n_skips_the_next(sessions_context):
    two = sessions_context
    (two.paths.config_file).write_text(SESSIONS_CONFIG.replace("tue 19:00 20", "tue 19:00 60"), encoding="utf-8")
    app = build_app(open_context(two.paths.config_dir.parent), check_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        letters = app.screen.planned.letters_in(app.screen.planned.sessions[0])
        assert [x.friend for x in letters] == ["Ana Souza", "Gil Moreno"]
        highlight(app.screen, "session-0-1")
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, RitualScreen) and app.screen.friend.name == "Ana Souza"
        await pilot.press("escape")
        await settle(pilot)
        session = app.screen
        assert session.outcomes == {0: LATER} and "Next: Gil Moreno" in str(session.query_one("#session-next", Static).render())
        await pilot.press("n")
        assert session.outcomes == {0: LATER, 1: "skipped"} and session.next_index() is None
        assert LetterRepository(two.db).list() == []


async def test_the_supplies_dialog_sets_and_adds_and_the_week_note_follows(sessions_app, sessions_context):
    async with sessions_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("u")
        dialog = sessions_app.screen
        assert isinstance(dialog, SuppliesScreen)
        dialog.query_one("#supply-kind", Input).value = "international"
        dialog.query_one("#supply-count", Input).value = "5"
        await pilot.press("ctrl+s")
        assert SupplyRepository(sessions_context.db).all()["international"] == 5
        dialog.query_one("#supply-count", Input).value = "-2"
        await pilot.press("ctrl+o")
        assert SupplyRepository(sessions_context.db).all()["international"] == 3
        assert "3 international stamps on hand." in str(dialog.query_one("#supplies-message", Static).render())
        dialog.query_one("#supply-count", Input).value = "-9"
        await pilot.press("ctrl+o")
        assert "fewer than none" in str(dialog.query_one("#supplies-message", Static).render())
        await pilot.press("escape")
        await settle(pilot)
        aside = [text for _, text in prompts(sessions_app.screen, "#week-open")]
        assert not any("international stamps" in t for t in aside)


async def test_projects_list_people_and_their_status_moves_on(sessions_app, sessions_context):
    repo = ProjectRepository(sessions_context.db)
    holiday = repo.create("Holiday cards 2026", "holidays")
    repo.add_members(holiday.id, [friend_id(sessions_context, n) for n in ("Ana Souza", "Ben Carter")])
    repo.create("Thank-you notes")
    async with sessions_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        screen = sessions_app.screen
        assert isinstance(screen, ProjectsScreen) and screen.projects[0].name == "Holiday cards 2026"
        table = screen.query_one(DataTable)
        assert [table.get_row_at(i) for i in range(table.row_count)] == [["Ana Souza", "to write"], ["Ben Carter", "to write"]]
        table.focus()
        await pilot.press("space")
        await settle(pilot)
        await pilot.press("down", "4")
        await settle(pilot)
        statuses = {m.friend: m.status for m in repo.get("Holiday cards 2026").members}
        assert statuses == {"Ana Souza": "written", "Ben Carter": "arrived"}
        assert [table.get_row_at(i)[1] for i in range(table.row_count)] == ["written", "arrived"]
        await pilot.press("escape")
        assert isinstance(sessions_app.screen, WeekScreen)


async def test_marking_posted_in_the_letter_box_uses_the_right_stamp(sessions_app, sessions_context):
    ben = friend_id(sessions_context, "Ben Carter")
    SupplyRepository(sessions_context.db).set("international", 2)
    LetterRepository(sessions_context.db).add(Letter(ben, SENT, sessions_context.clock.today(), WRITTEN))
    async with sessions_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        assert isinstance(sessions_app.screen, LetterBoxScreen)
        await pilot.press("p")
        await settle(pilot)
        assert SupplyRepository(sessions_context.db).all()["international"] == 1
        assert LetterRepository(sessions_context.db).list(ben)[0].status == POSTED


async def test_session_lines_wrap_under_their_words_at_80_columns(sessions_app):
    async with sessions_app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = sessions_app.screen
        width = screen.query_one("#week-days", OptionList).scrollable_content_region.width
        days = dict(prompts(screen, "#week-days"))
        heading, letter = days["session-0"].split("\n"), days["session-0-0"].split("\n")
        assert len(heading) > 1 and len(letter) > 1
        assert all(line.startswith("    ") and not line.startswith("     ") for line in heading[1:])
        assert all(line.startswith(" " * 8) and line[8] != " " for line in letter[1:])
        assert max(len(line) for line in heading + letter) <= width
        assert " ".join(part.strip() for part in letter) == "Ana Souza — birthday, write by Tue 10 Mar"


async def test_the_supplies_dialog_refuses_an_unknown_kind_and_removes_a_kind(sessions_app, sessions_context):
    SupplyRepository(sessions_context.db).set("envelopes", 4)
    async with sessions_app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("u")
        dialog = sessions_app.screen
        message = dialog.query_one("#supplies-message", Static)
        dialog.query_one("#supply-kind", Input).value = "stampz"
        dialog.query_one("#supply-count", Input).value = "3"
        await pilot.press("ctrl+s")
        assert "'stampz' is not a supply kind; the kinds are domestic, international, cards" in str(message.render())
        assert "stampz" not in SupplyRepository(sessions_context.db).all()
        dialog.query_one("#supply-kind", Input).value = "Envelopes"
        await pilot.press("ctrl+r")
        assert "No longer counting envelopes." in str(message.render())
        assert "envelopes" not in SupplyRepository(sessions_context.db).all()
        assert "envelopes" not in str(dialog.query_one("#supplies-counts", Static).render())
        assert dialog.query_one("#supply-remove").region.right <= 80
