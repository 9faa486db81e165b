"""The friend list as light rows: read from the store once, then pure functions to search, filter and sort."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from ritual.core.planner import OCCASION, AgendaItem
from ritual.core.text import fold
from ritual.store.database import Database
from ritual.store.friend_list import ListedFriend, listed_friends

SORT_ORDERS = ("name", "next occasion", "longest silence")


class NextOccasion(NamedTuple):
    """The next day worth a card for one friend."""

    day: date
    name: str


class FriendRow(NamedTuple):
    """What one line of the friend list shows and searches."""

    id: int
    name: str
    nickname: str = ""
    tags: tuple[str, ...] = ()
    city: str = ""
    country: str = ""
    last_letter: date | None = None
    next_occasion: NextOccasion | None = None
    haystack: str = ""
    sort_key: str = ""


def read_rows(db: Database) -> list[FriendRow]:
    """Every friend as a row, sorted by name without regard to accents or case, with a pre-folded search text."""
    rows = [_row(r) for r in listed_friends(db)]
    return sorted(rows, key=lambda row: (row.sort_key, row.id))


def _row(r: ListedFriend) -> FriendRow:
    tags = tuple(sorted(r.tags.split(","))) if r.tags else ()
    letters = [date.fromisoformat(v) for v in (r.last_sent, r.last_received) if v]
    city = r.city or ""
    haystack = fold(" ".join((r.name, r.nickname, *tags, city)))
    return FriendRow(r.id, r.name, r.nickname, tags, city, r.country or "",
                     max(letters) if letters else None, None, haystack, fold(r.name))


def next_occasions(items: list[AgendaItem]) -> dict[int, NextOccasion]:
    """The first occasion item of each friend in a date-sorted plan."""
    found: dict[int, NextOccasion] = {}
    for item in items:
        if item.kind == OCCASION and item.friend_id not in found:
            found[item.friend_id] = NextOccasion(item.date, item.occasion or "")
    return found


def with_next_occasions(rows: list[FriendRow], found: dict[int, NextOccasion]) -> list[FriendRow]:
    """The rows with their next occasion filled in."""
    # Each row built straight from its fields: `_replace` takes several times as long over 10,000 rows.
    cut = FriendRow._fields.index("next_occasion")
    return [tuple.__new__(FriendRow, (*row[:cut], found.get(row[0]), *row[cut + 1:])) for row in rows]


def circles(rows: list[FriendRow]) -> list[str]:
    """Every circle (tag) in use, sorted."""
    return sorted({tag for row in rows for tag in row.tags}, key=fold)


def select_rows(rows: list[FriendRow], query: str = "", circle: str | None = None,
                order: str = "name") -> list[FriendRow]:
    """The rows matching every word of `query` and the circle, in the chosen order."""
    return RowSearch(rows).select(query, circle, order)


class RowSearch:
    """Searches one list of rows as the query is typed: a longer query filters the result of a shorter one,
    and recent results are kept, so a keystroke (a backspace too) rarely looks at every friend again."""

    KEPT = 48

    def __init__(self, rows: list[FriendRow]) -> None:
        self.rows = rows
        self._found: dict[tuple[str, ...], list[FriendRow]] = {(): rows}

    def select(self, query: str = "", circle: str | None = None, order: str = "name") -> list[FriendRow]:
        """The rows matching every word of `query` and the circle, in the chosen order."""
        found = self.matching(tuple(fold(query).split()))
        if circle is not None:
            found = [r for r in found if circle in r.tags]
        return sort_rows(found, order)

    def matching(self, words: tuple[str, ...]) -> list[FriendRow]:
        """The rows whose search text holds every one of `words`, in the rows' order."""
        if words not in self._found:
            if len(self._found) >= self.KEPT:
                del self._found[next(k for k in self._found if k)]  # the oldest, never the full list
            self._found[words] = _holding(self._narrowest(words), words)
        return self._found[words]

    def _narrowest(self, words: tuple[str, ...]) -> list[FriendRow]:
        # Every row matching `words` also matches a query each of whose words sits inside one of `words`.
        wider = [found for kept, found in self._found.items()
                 if all(any(k in w for w in words) for k in kept)]
        return min(wider, key=len)


def _holding(rows: list[FriendRow], words: tuple[str, ...]) -> list[FriendRow]:
    """The rows whose search text holds every word; one word (the usual case) is tested without a loop."""
    if len(words) == 1:
        (word,) = words
        return [r for r in rows if word in r.haystack]
    return [r for r in rows if all(w in r.haystack for w in words)]


def sort_rows(rows: list[FriendRow], order: str) -> list[FriendRow]:
    """Rows by name (as read), by next occasion (unknown last) or by longest silence (never first)."""
    if order == "next occasion":
        return sorted(rows, key=lambda r: (r.next_occasion is None, r.next_occasion.day if r.next_occasion else date.max))
    if order == "longest silence":
        return sorted(rows, key=lambda r: r.last_letter or date.min)
    return rows
