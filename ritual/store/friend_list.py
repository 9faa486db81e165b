"""The friend list read in one query: the few columns a list line shows and searches."""

from typing import NamedTuple

from ritual.store.database import Database

_ROWS_SQL = """
SELECT f.id, f.name, f.nickname, f.last_sent, f.last_received,
       (SELECT group_concat(t.tag, ',') FROM friend_tags t WHERE t.friend_id = f.id) AS tags,
       a.city, a.country
FROM friends f LEFT JOIN addresses a ON a.friend_id = f.id AND a.position = 0
ORDER BY f.name COLLATE NOCASE, f.id
"""


class ListedFriend(NamedTuple):
    """One friend as the list reads them: name, circles, first address's city and country, last letters."""

    id: int
    name: str
    nickname: str
    last_sent: str | None
    last_received: str | None
    tags: str | None
    city: str | None
    country: str | None


def listed_friends(db: Database) -> list[ListedFriend]:
    """Every friend, sorted by name (case-insensitive), then id."""
    return [ListedFriend(*row) for row in db.query(_ROWS_SQL)]
