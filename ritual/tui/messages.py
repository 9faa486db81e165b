"""Messages that travel up from widgets and workers to screens and the app."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from textual.message import Message

from ritual.core.model import Friend
from ritual.tui.friend_rows import FriendRow

if TYPE_CHECKING:
    from ritual.tui.calendar_days import CalendarYear
    from ritual.services.planning.week import WeekPlan


class FriendChosen(Message):
    """A friend was picked in a list, the week or the calendar."""

    def __init__(self, friend_id: int) -> None:
        super().__init__()
        self.friend_id = friend_id


class FriendSaved(Message):
    """A friend (or one of their occasions) was written to the store."""

    def __init__(self, friend: Friend) -> None:
        super().__init__()
        self.friend = friend


class FriendDeleted(Message):
    """A friend was removed from the store."""

    def __init__(self, friend_id: int, name: str, restore_point=None) -> None:
        super().__init__()
        self.friend_id = friend_id
        self.name = name
        self.restore_point = restore_point  # what undo puts back, when the removal can be taken back


class DemoFriendsLoaded(Message):
    """Demo friends were added to an empty home."""

    def __init__(self, count: int) -> None:
        super().__init__()
        self.count = count


class DataChanged(Message):
    """The store changed (here or in another ritual process): what is shown may be stale."""


class YearPlanned(Message):
    """A worker planned a calendar year: its items by day with the days marked, and the year's public holidays."""

    def __init__(self, year: int, planned: CalendarYear, holidays: dict[date, str]) -> None:
        super().__init__()
        self.year = year
        self.planned = planned
        self.holidays = holidays  # the home country's public holidays in the year, by day, named


class FriendsLoaded(Message):
    """A worker read the friend list."""

    def __init__(self, rows: list[FriendRow]) -> None:
        super().__init__()
        self.rows = rows


class NextOccasionsFound(Message):
    """A worker found each friend's next occasion: the friend list's rows with it filled in."""

    def __init__(self, rows: list[FriendRow]) -> None:
        super().__init__()
        self.rows = rows


class RitualRequested(Message):
    """The user wants to sit down to write to a friend, perhaps for an occasion or in answer to a letter."""

    def __init__(self, friend_id: int, occasion: str | None = None, answering: int | None = None) -> None:
        super().__init__()
        self.friend_id = friend_id
        self.occasion = occasion
        self.answering = answering


class LetterBoxChanged(Message):
    """Letters or reflections were written to the store; `note` is a word for the user, if any."""

    def __init__(self, note: str = "") -> None:
        super().__init__()
        self.note = note


class WeekPlanned(Message):
    """A worker planned a week with its writing sessions and notes."""

    def __init__(self, planned: WeekPlan) -> None:
        super().__init__()
        self.planned = planned
