"""Many new friends written into an open transaction at once: each friend row now, the rest in bulk."""

from __future__ import annotations

import sqlite3

from ritual.core.fields import check_friend
from ritual.core.model import Friend
from ritual.store.friends import _FRIEND_COLUMNS, _occasion_values
from ritual.store.rows import address_columns, friend_columns

_INSERT_FRIEND = (
    f"INSERT INTO friends (id, {', '.join(_FRIEND_COLUMNS)}, created_at, updated_at) "
    f"VALUES (:id, {', '.join(':' + c for c in _FRIEND_COLUMNS)}, :now, :now)"
)
# The next id AUTOINCREMENT would give: past every id ever used, so none is reused.
_NEXT_ID = ("SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'friends'), 0), "
            "coalesce((SELECT max(id) FROM friends), 0)) + 1")
_INSERT_ADDRESS = (
    "INSERT INTO addresses (friend_id, position, label, lines, city, region, postal_code, country) "
    "VALUES (:friend_id, :position, :label, :lines, :city, :region, :postal_code, :country)"
)
_INSERT_TAG = "INSERT OR IGNORE INTO friend_tags (friend_id, tag) VALUES (?, ?)"
_INSERT_OCCASION = "INSERT INTO occasions (friend_id, name, month, day, year, yearly, card) VALUES (?, ?, ?, ?, ?, ?, ?)"


class FriendBulkWriter:
    """Adds new friends to an open transaction, holding their addresses, tags and occasions until `flush`.

    An import needs each new friend's id at once (to match later records), never the row read back. The
    transaction is BEGIN IMMEDIATE, so nobody else writes meanwhile: ids are given here, in the order
    AUTOINCREMENT would give them, and every table is written with one executemany.
    """

    def __init__(self, conn: sqlite3.Connection, now: str) -> None:
        self.conn, self.now = conn, now
        self.next_id: int | None = None
        self.friends: list[dict] = []
        self.addresses: list[dict] = []
        self.tags: list[tuple[int, str]] = []
        self.occasions: list[tuple] = []

    def add(self, friend: Friend) -> Friend:
        """Insert the friend (checked as every store write is); the friend as given, with its new id."""
        check_friend(friend)
        columns = friend_columns(friend)
        if self.next_id is None:
            self.next_id = self.conn.execute(_NEXT_ID).fetchone()[0]
        friend_id, self.next_id = self.next_id, self.next_id + 1
        self.friends.append({**columns, "id": friend_id, "now": self.now})
        self.addresses += [{**address_columns(a), "friend_id": friend_id, "position": i}
                           for i, a in enumerate(friend.addresses)]
        self.tags += [(friend_id, tag) for tag in friend.tags]
        self.occasions += [(friend_id, *_occasion_values(o)) for o in friend.occasions]
        return friend._replace(id=friend_id, name=columns["name"])

    def flush(self) -> None:
        """Write every friend, address, tag and occasion held so far."""
        self.conn.executemany(_INSERT_FRIEND, self.friends)
        self.conn.executemany(_INSERT_ADDRESS, self.addresses)
        self.conn.executemany(_INSERT_TAG, self.tags)
        self.conn.executemany(_INSERT_OCCASION, self.occasions)
        self.friends, self.addresses, self.tags, self.occasions = [], [], [], []
