"""Which records each spreadsheet export holds, read from the store."""

from __future__ import annotations

from ritual.errors import InvalidValue
from ritual.services.spreadsheet.tables import Table, friends_table, letters_table
from ritual.store.database import Database
from ritual.store.friends import FriendRepository
from ritual.store.letters import LetterRepository


def table_of(db: Database, name: str) -> Table:
    """The table `friends` or `letters`, in the order the lists show them."""
    if name == "friends":
        return friends_table(FriendRepository(db).all())
    if name == "letters":
        return letters_table(LetterRepository(db).list())
    raise InvalidValue("table", name, "is not one of friends, letters")
