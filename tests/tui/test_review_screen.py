"""The Review screen: open cards marked with one key each, the coming week, supplies, one PDF for the post."""

from __future__ import annotations

from ritual.store.cards import CardRepository
from ritual.tui.screens.review import ReviewScreen
from ritual.tui.screens.week import WeekScreen
from tests.tui.conftest import SIZE, settle


def statuses(context) -> dict[str, str]:
    return {card.friend or str(card.friend_id): card.status for card in CardRepository(context.db).all()}


async def test_the_review_marks_open_cards_with_one_key_and_prints_the_weeks_envelopes(app, context, tmp_path,
                                                                                      monkeypatch):
    monkeypatch.chdir(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        first, second = [c.item for c in screen.review.still_open][:2]
        assert {first.friend, second.friend} == {"Ben Carter", "Eva Lima"}
        coming = str(screen.query_one("#review-coming").content)
        assert "Write to Ana Souza" in coming and "no writing session holds it" in coming
        assert "3. Stamps and cards" in str(screen.query_one("#review-supplies").content)
        await pilot.press("w")
        await settle(pilot)
        assert "marked written" in str(screen.query_one("#review-message").content)
        assert [c.item.kind for c in screen.review.still_open if c.item.friend == first.friend] == ["post"]
        await pilot.press("down", "s")
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        message = str(screen.query_one("#review-message").content)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, WeekScreen)
    friends = {c.friend_id: c.status for c in CardRepository(context.db).all()}
    assert sorted(friends.values()) == ["skipped", "written"]
    printed = list(tmp_path.glob("ritual-week-*-envelopes.pdf"))
    assert len(printed) == 1 and printed[0].read_bytes().startswith(b"%PDF") and "Wrote" in message


async def test_leaving_the_review_at_once_changes_nothing(app, context, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
    assert CardRepository(context.db).all() == [] and not list(tmp_path.glob("*.pdf"))


async def test_leaving_the_review_before_it_is_read_is_calm(app, context, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        week = app.screen
        await pilot.press("v")
        review = app.screen
        assert isinstance(review, ReviewScreen)
        await pilot.press("escape")
        await settle(pilot)
        review._reviewed(*app.data.weekly_review())  # the worker's answer, arriving after the screen closed
        await settle(pilot)
        assert app.screen is week and app.is_running


async def test_at_80_columns_every_line_of_the_review_is_wrapped_under_its_label_once(app):
    from rich.cells import cell_len

    from textual.widgets import OptionList

    from ritual.tui.widgets.long_text import LongText

    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        screen = app.screen
        listing = screen.query_one("#review-open", OptionList)
        width = listing.scrollable_content_region.width
        cards = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        pages = {page.id: (page.size.width, page.content) for page in screen.query(LongText)}
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        wide = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
    # Each line fits where it is shown, so nothing is wrapped a second time into a stray fragment, and a card's
    # later lines hang under its text, past the label.
    assert cards and all(cell_len(line) <= width for card in cards for line in card.split("\n"))
    assert any("\n" in card for card in cards) and all(
        line.startswith(" " * 11) for card in cards for line in card.split("\n")[1:])
    for page_width, text in pages.values():
        assert all(cell_len(line) <= page_width for line in text.split("\n"))
    # Given room, a card takes fewer lines.
    assert sum(card.count("\n") for card in wide) < sum(card.count("\n") for card in cards)
