"""Many new friends written into an open transaction at once: each friend row now, the rest in bulk."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

from ritual.core.fields import check_friend
from ritual.core.model import Friend
from ritual.store.friends import _INSERT_FRIEND, _occasion_values
from ritual.store.rows import address_columns, friend_columns

_INSERT_ADDRESS = (
    "INSERT INTO addresses (friend_id, position, label, lines, city, region, postal_code, country) "
    "VALUES (:friend_id, :position, :label, :lines, :city, :region, :postal_code, :country)"
)
_INSERT_TAG = "INSERT OR IGNORE INTO friend_tags (friend_id, tag) VALUES (?, ?)"
_INSERT_OCCASION = "INSERT INTO occasions (friend_id, name, month, day, year, yearly, card) VALUES (?, ?, ?, ?, ?, ?, ?)"


class FriendBulkWriter:
    """Adds new friends to an open transaction, holding their addresses, tags and occasions until `flush`.

    An import needs each new friend's id at once (to match later records), never the row read back: so the
    friend row is inserted alone and everything else goes in with one executemany per table.
    """

    def __init__(self, conn: sqlite3.Connection, now: str) -> None:
        self.conn, self.now = conn, now
        self.addresses: list[dict] = []
        self.tags: list[tuple[int, str]] = []
        self.occasions: list[tuple] = []

    def add(self, friend: Friend) -> Friend:
        """Insert the friend (checked as every store write is); the friend as given, with its new id."""
        check_friend(friend)
        columns = friend_columns(friend)
        friend_id = self.conn.execute(_INSERT_FRIEND, {**columns, "now": self.now}).lastrowid
        self.addresses += [{**address_columns(a), "friend_id": friend_id, "position": i}
                           for i, a in enumerate(friend.addresses)]
        self.tags += [(friend_id, tag) for tag in friend.tags]
        self.occasions += [(friend_id, *_occasion_values(o)) for o in friend.occasions]
        return replace(friend, id=friend_id, name=columns["name"])

    def flush(self) -> None:
        """Write every address, tag and occasion held so far."""
        self.conn.executemany(_INSERT_ADDRESS, self.addresses)
        self.conn.executemany(_INSERT_TAG, self.tags)
        self.conn.executemany(_INSERT_OCCASION, self.occasions)
        self.addresses, self.tags, self.occasions = [], [], []
