"""Cheap questions about whether the database changed: SQLite's data version and a signature of friends."""

from __future__ import annotations

from ritual.store.database import Database

_SIGNATURE_SQL = (
    "SELECT (SELECT count(*) FROM friends), (SELECT max(updated_at) FROM friends), (SELECT max(id) FROM friends), "
    "(SELECT count(*) FROM occasions), (SELECT max(id) FROM occasions), "
    "(SELECT count(*) FROM cards), (SELECT max(updated_at) FROM cards), "
    "(SELECT n FROM change_count WHERE id = 1)"
)


def data_version(db: Database) -> int:
    """A number that changes when another connection commits (free to ask: no table is read)."""
    return db.query("PRAGMA data_version")[0][0]


def change_count(db: Database) -> int:
    """The counter every write to friends, occasions, letters, cards, projects and the other shown tables bumps."""
    return db.query("SELECT n FROM change_count WHERE id = 1")[0][0]


def friends_signature(db: Database) -> tuple:
    """Counts and latest changes of friends, occasions and cards, and the counter every shown table bumps."""
    return tuple(db.query(_SIGNATURE_SQL)[0])
