"""Cards in the database: a row appears when a card's first step happens, and keeps the date of every step."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import date

from ritual.core.cards import Card, CardKey
from ritual.errors import NotFound
from ritual.store.database import Database
from ritual.store.rows import from_iso, to_iso

_SELECT = "SELECT c.*, f.name AS friend_name FROM cards c JOIN friends f ON f.id = c.friend_id"
_ORDER = "ORDER BY c.occasion_date, f.name COLLATE NOCASE, c.id"


class CardRepository:
    """Reads and writes cards; each public write is one transaction."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def save(self, card: Card) -> Card:
        """Store where a card stands (a new row or the one with its key); returns it with its id."""
        with self.db.transaction() as conn:
            return self.save_in(conn, card)

    def save_in(self, conn: sqlite3.Connection, card: Card) -> Card:
        """`save` inside a caller's transaction."""
        conn.execute(
            "INSERT INTO cards (friend_id, occasion, occasion_date, written_on, posted_on, arrived_on, ending, "
            "ended_on, note, updated_at) VALUES (:friend_id, :occasion, :day, :written_on, :posted_on, :arrived_on, "
            ":ending, :ended_on, :note, :now) ON CONFLICT (friend_id, occasion, occasion_date) DO UPDATE SET "
            "written_on = excluded.written_on, posted_on = excluded.posted_on, arrived_on = excluded.arrived_on, "
            "ending = excluded.ending, ended_on = excluded.ended_on, note = excluded.note, "
            "updated_at = excluded.updated_at",
            {**_columns(card), "now": self.db.clock.stamp()},
        )
        row = conn.execute(f"{_SELECT} WHERE c.friend_id = ? AND c.occasion = ? AND c.occasion_date = ?",
                           (card.friend_id, card.occasion, card.day.isoformat())).fetchone()
        return _card(row)

    def find(self, key: CardKey) -> Card | None:
        """The stored card with this key, or None while it is only planned."""
        rows = self.db.query(f"{_SELECT} WHERE c.friend_id = ? AND c.occasion = ? AND c.occasion_date = ?",
                             (key.friend_id, key.occasion, key.day.isoformat()))
        return _card(rows[0]) if rows else None

    def get(self, card_id: int) -> Card:
        """One card by id."""
        rows = self.db.query(f"{_SELECT} WHERE c.id = ?", (card_id,))
        if not rows:
            raise NotFound(f"no card with id {card_id}")
        return _card(rows[0])

    def between(self, first: date, last: date) -> dict[CardKey, Card]:
        """Stored cards for occasions dated in [first, last], by key: what the planner is told."""
        rows = self.db.query(f"{_SELECT} WHERE c.occasion_date BETWEEN ? AND ?", (first.isoformat(), last.isoformat()))
        return {card.key: card for card in map(_card, rows)}

    def of_friend(self, friend_id: int, occasion: str | None = None) -> list[Card]:
        """One friend's stored cards (of one occasion when given), oldest first."""
        clause, params = "c.friend_id = ?", [friend_id]
        if occasion is not None:
            clause += " AND c.occasion = ? COLLATE NOCASE"
            params.append(occasion)
        return [_card(r) for r in self.db.query(f"{_SELECT} WHERE {clause} {_ORDER}", tuple(params))]

    def all(self) -> list[Card]:
        """Every stored card, by occasion date."""
        return [_card(r) for r in self.db.query(f"{_SELECT} {_ORDER}")]

    def last_written(self, friend_id: int) -> Card | None:
        """The friend's card written (or given by hand) most recently: a letter to them, logged or not."""
        rows = self.db.query(
            f"{_SELECT} WHERE c.friend_id = ? AND (c.written_on IS NOT NULL OR c.ending = 'given') "
            "ORDER BY coalesce(c.written_on, c.ended_on) DESC, c.id DESC LIMIT 1", (friend_id,))
        return _card(rows[0]) if rows else None

    def move_in(self, conn: sqlite3.Connection, card_id: int, day: date) -> None:
        """The card now belongs to its occasion's new day; its id, steps and letters stay."""
        conn.execute("UPDATE cards SET occasion_date = ?, updated_at = ? WHERE id = ?",
                     (day.isoformat(), self.db.clock.stamp(), card_id))

    def fold_in(self, conn: sqlite3.Connection, gone_id: int, kept_id: int) -> None:
        """Two rows now name one card: the letters of `gone_id` join `kept_id`, and `gone_id` goes."""
        conn.execute("UPDATE letters SET card_id = ? WHERE card_id = ?", (kept_id, gone_id))
        conn.execute("DELETE FROM cards WHERE id = ?", (gone_id,))

    def dating_rows(self) -> list[tuple]:
        """Everything a stored card's date depends on: its key, its friend's birthday and occasions, projects."""
        cursor = self.db.connection.cursor()
        cursor.row_factory = None  # plain tuples, compared as they are
        queries = (
            "SELECT id, friend_id, occasion, occasion_date FROM cards ORDER BY id",
            "SELECT id, birth_month, birth_day, birth_year, feb29 FROM friends "
            "WHERE id IN (SELECT friend_id FROM cards) ORDER BY id",
            "SELECT id, friend_id, name, month, day, year, yearly FROM occasions "
            "WHERE friend_id IN (SELECT friend_id FROM cards) ORDER BY id",
            "SELECT id, occasion, due, created_at FROM projects ORDER BY id",
        )
        return [tuple(cursor.execute(sql).fetchall()) for sql in queries]

    def many(self, keys: Iterable[CardKey]) -> dict[CardKey, Card]:
        """The stored cards among `keys`."""
        found = {}
        for key in keys:
            card = self.find(key)
            if card is not None:
                found[key] = card
        return found


def _columns(card: Card) -> dict:
    return {"friend_id": card.friend_id, "occasion": card.occasion, "day": card.day.isoformat(),
            "written_on": to_iso(card.written_on), "posted_on": to_iso(card.posted_on),
            "arrived_on": to_iso(card.arrived_on), "ending": card.ending, "ended_on": to_iso(card.ended_on),
            "note": card.note}


def _card(row: sqlite3.Row) -> Card:
    return Card(
        friend_id=row["friend_id"], occasion=row["occasion"], day=date.fromisoformat(row["occasion_date"]),
        written_on=from_iso(row["written_on"]), posted_on=from_iso(row["posted_on"]),
        arrived_on=from_iso(row["arrived_on"]), ending=row["ending"], ended_on=from_iso(row["ended_on"]),
        note=row["note"], id=row["id"], friend=row["friend_name"],
    )
