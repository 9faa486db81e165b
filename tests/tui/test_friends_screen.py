"""The friend list: search as you type, the circle filter, the three orders, opening a profile."""

from __future__ import annotations

from textual.widgets import Input, Select, Static

from ritual.core.model import Friend
from ritual.store.friends import FriendRepository
from ritual.tui.friend_rows import FriendRow, RowSearch, select_rows
from ritual.tui.screens.friends import FriendsScreen
from ritual.tui.screens.profile import ProfileScreen
from ritual.tui.widgets.friend_table import FriendTable
from tests.tui.conftest import SIZE, settle


def names(screen: FriendsScreen) -> list[str]:
    return [row.name for row in screen.query_one(FriendTable).rows]


async def open_friends(app, pilot) -> FriendsScreen:
    await settle(pilot)
    await pilot.press("f")
    await settle(pilot)
    assert isinstance(app.screen, FriendsScreen)
    return app.screen


async def test_search_filters_as_you_type_by_name_city_and_circle(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_friends(app, pilot)
        assert names(screen) == ["Ana Souza", "Ben Carter", "Chloé Martin", "Dev Patel", "Eva Lima"]
        await pilot.press("slash", *"ana")
        assert screen.query_one("#friend-search", Input).value == "ana"
        assert names(screen) == ["Ana Souza"]
        assert str(screen.query_one("#friends-status", Static).content).startswith("1 of 5 friends")
        await pilot.press("escape")
        assert len(names(screen)) == 5
        await pilot.press("slash", *"bengal")
        assert names(screen) == ["Dev Patel"]
        screen.query_one("#friend-search", Input).value = "book club"
        await pilot.pause()
        assert names(screen) == ["Chloé Martin"]


async def test_circle_filter_and_sort_orders(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_friends(app, pilot)
        screen.query_one("#circle-filter", Select).value = "school"
        await pilot.pause()
        assert names(screen) == ["Ana Souza", "Chloé Martin"]
        screen.query_one("#circle-filter", Select).clear()
        await pilot.pause()
        screen.query_one(FriendTable).focus()
        await pilot.press("s")
        assert screen.order == "next occasion"
        assert names(screen)[:3] == ["Ana Souza", "Eva Lima", "Ben Carter"]
        assert names(screen)[-1] == "Dev Patel"
        await pilot.press("s")
        assert screen.order == "longest silence"
        assert names(screen)[:2] == ["Ben Carter", "Eva Lima"]
        assert names(screen)[-1] == "Ana Souza"


async def test_enter_and_double_click_open_a_profile(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_friends(app, pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ProfileScreen)
        assert app.screen.friend.name == "Ben Carter"
        await pilot.press("escape")
        await pilot.double_click(FriendTable, offset=(3, 3))
        await settle(pilot)
        assert isinstance(app.screen, ProfileScreen)
        assert app.screen.friend.name == "Chloé Martin"
        assert screen.query_one(FriendTable).cursor == 2


async def test_a_friend_added_elsewhere_appears_without_a_restart(app, context, tmp_path):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_friends(app, pilot)
        from ritual.store.database import open_database

        other = open_database(context.db.path)
        FriendRepository(other).add(Friend(name="Zoe Elsewhere"))
        other.close()
        app.check_for_changes()
        await settle(pilot)
        assert "Zoe Elsewhere" in names(screen)
        generation = app.data_generation
        app.check_for_changes()
        assert app.data_generation == generation


def test_every_word_must_match_and_case_does_not_matter():
    rows = [FriendRow(1, "Ana", haystack="ana souza school portland"),
            FriendRow(2, "Bo", haystack="bo school york")]
    assert [r.id for r in select_rows(rows, "SCHOOL york")] == [2]
    assert [r.id for r in select_rows(rows, "school")] == [1, 2]
    assert select_rows(rows, "", circle="choir") == []


def test_typing_and_backspacing_finds_what_a_fresh_search_finds_and_narrows_the_last_result():
    import random

    words = ("lena", "berlin", "leipzig", "ana", "lyon", "school", "len", "erl")
    chooser = random.Random(14)
    rows = [FriendRow(i, f"f{i}", haystack=" ".join(chooser.sample(words, 3))) for i in range(2000)]
    search = RowSearch(rows)
    typed = ""
    for key in [*"lena", *"\b" * 4, *"berlin", *"\b" * 3, " ", *"ana", *"\b" * 9]:
        typed = typed[:-1] if key == "\b" else typed + key
        assert search.select(typed) == select_rows(rows, typed), typed
    fresh = RowSearch(rows)
    assert fresh._narrowest(("lena",)) is rows
    shorter = fresh.select("le")
    assert fresh._narrowest(("lena",)) == shorter != rows


async def test_letters_typed_on_the_list_search_and_never_fire_an_action(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_friends(app, pilot)
        await pilot.press(*"graduation")
        assert app.screen is screen
        assert screen.query_one("#friend-search", Input).value == "graduation"
        assert names(screen) == []
        await pilot.press("escape")
        await pilot.press(*"lyon")
        assert names(screen) == ["Chloé Martin"]


async def test_edit_add_occasion_and_delete_work_on_the_highlighted_friend(app, context):
    from ritual.tui.screens.confirm import ConfirmScreen
    from ritual.tui.screens.friend_form import FriendFormScreen
    from ritual.tui.screens.occasion_form import OccasionFormScreen

    async with app.run_test(size=SIZE) as pilot:
        screen = await open_friends(app, pilot)
        shown = {key for key, b in screen.active_bindings.items() if b.binding.show}
        assert {"e", "o", "d"} <= shown
        await pilot.press("down", "e")
        assert isinstance(app.screen, FriendFormScreen) and app.screen.friend.name == "Ben Carter"
        await pilot.press("escape", "o")
        assert isinstance(app.screen, OccasionFormScreen) and app.screen.friend_id == screen.rows[1].id
        await pilot.press("escape", "d")
        assert isinstance(app.screen, ConfirmScreen)
        assert app.screen.question == "Remove Ben Carter, with their birthday, from ritual?\nz takes it back for a few seconds."
        await pilot.press("y")
        await settle(pilot)
        assert "Ben Carter" not in names(screen)
        assert FriendRepository(context.db).count() == 4


def test_search_and_sort_ignore_accents_and_case():
    from ritual.core.text import fold

    rows = [FriendRow(1, "Lukas", haystack=fold("Lukas leipzig"), sort_key=fold("Lukas")),
            FriendRow(2, "Léa", haystack=fold("Léa marseille"), sort_key=fold("Léa")),
            FriendRow(3, "Ana", haystack=fold("Ana São Paulo"), sort_key=fold("Ana"))]
    assert [r.name for r in select_rows(rows, "sao")] == ["Ana"]
    assert [r.name for r in select_rows(rows, "LEA")] == ["Léa"]
    assert [r.name for r in select_rows(rows, "São")] == ["Ana"]
    assert [r.name for r in sorted(rows, key=lambda r: r.sort_key)] == ["Ana", "Léa", "Lukas"]


async def test_the_list_is_sorted_as_people_read_names(app, context):
    FriendRepository(context.db).add(Friend(name="Émile Zola"))
    FriendRepository(context.db).add(Friend(name="ana lower"))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_friends(app, pilot)
        assert names(screen)[:2] == ["ana lower", "Ana Souza"]
        assert names(screen).index("Émile Zola") == names(screen).index("Dev Patel") + 1
        await pilot.press("slash", *"chloe")
        assert names(screen) == ["Chloé Martin"]


async def test_columns_are_chosen_by_the_width_and_never_cut_a_heading(context):
    from ritual.tui.app import build_app
    from ritual.tui.widgets.friend_table import column_widths

    assert column_widths(76)[1] == 0 and all(column_widths(76)[2:])
    assert all(column_widths(118))
    for size in ((80, 24), (120, 40)):
        app = build_app(context, check_seconds=3600)
        async with app.run_test(size=size) as pilot:
            screen = await open_friends(app, pilot)
            heading = screen.query_one(FriendTable).render_line(0).text
            assert "…" not in heading and "Next occasion" in heading and "Last letter" in heading
            assert ("Circles" in heading) == (size[0] >= 120)


async def test_no_column_is_cut_at_the_right_edge_at_any_width_from_80_to_200(app):
    from ritual.tui.formatting import since
    from ritual.tui.widgets.friend_table import COLUMNS

    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_friends(app, pilot)
        table = screen.query_one(FriendTable)
        for width in range(80, 201, 3):
            await pilot.resize_terminal(width, 24)
            await pilot.pause()
            assert table.region.right + table.scrollbar_size_vertical <= width
            heading = table.render_line(0).text
            assert len(heading) <= table.size.width
            shown = [title for title, _ in COLUMNS if title in heading]
            assert heading.split() == ["Name", *" ".join(shown).split()], width
            last = since(table.rows[0].last_letter, table.today)
            assert table.render_line(1).text.rstrip().endswith(last), width


async def test_the_scrollbar_follows_a_search_that_narrows_the_list_and_one_that_widens_it(app, context):
    FriendRepository(context.db).add_many([Friend(name=f"Pen Pal {n:02d}") for n in range(60)])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_friends(app, pilot)
        table = screen.query_one(FriendTable)
        assert table.show_vertical_scrollbar and table.virtual_size.height == 66
        await pilot.press("slash", *"pal 5")
        await settle(pilot)
        assert len(table.rows) == 15 and table.virtual_size.height == 16
        assert table.show_vertical_scrollbar == (16 > table.size.height)
        await pilot.press("3")
        await settle(pilot)
        assert [r.name for r in table.rows] == ["Pen Pal 53"] and not table.show_vertical_scrollbar
        await pilot.press(*["backspace"] * 6)
        await settle(pilot)
        assert len(table.rows) == 65 and table.show_vertical_scrollbar and table.virtual_size.height == 66
        table.focus()
        await pilot.press("end")
        await settle(pilot)
        line = table.cursor - table.scroll_offset.y + 1  # the heading takes the first line
        assert table.current_row.name == "Pen Pal 59" and table.scroll_offset.y > 0 and 0 < line < table.size.height
