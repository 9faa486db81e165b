"""Letters in the database; logging one moves the friend's last-sent or last-received date along."""

from __future__ import annotations

import sqlite3
from datetime import date

from ritual.core.fields import check_letter
from ritual.core.letters import ANSWERED, ARRIVED, POSTED, RECEIVED, SENT, WRITTEN, Letter, advance
from ritual.errors import NotFound
from ritual.store.database import Database
from ritual.store.rows import from_iso, to_iso

_DAY = "coalesce(l.written_on, l.received_on)"
_SELECT = "SELECT l.*, f.name AS friend_name FROM letters l JOIN friends f ON f.id = l.friend_id"
_ORDER = f"ORDER BY {_DAY}, l.id"
_LAST_COLUMN = {SENT: "last_sent", RECEIVED: "last_received"}


class LetterRepository:
    """Reads and writes letters; each public write is one transaction."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, letter: Letter) -> Letter:
        """Log a letter; the friend's last letter date moves forward, and a reply answers earlier letters."""
        check_letter(letter)
        with self.db.transaction() as conn:
            if conn.execute("SELECT 1 FROM friends WHERE id = ?", (letter.friend_id,)).fetchone() is None:
                raise NotFound(f"no friend with id {letter.friend_id}")
            cursor = conn.execute(
                "INSERT INTO letters (friend_id, direction, status, written_on, posted_on, arrived_on, received_on, "
                "occasion, medium, tone, note, scan, card_id, quotes, sitting, focus_minutes, created_at) VALUES "
                "(:friend_id, :direction, :status, :written_on, :posted_on, :arrived_on, :received_on, :occasion, "
                ":medium, :tone, :note, :scan, :card_id, :quotes, :sitting, :focus_minutes, :now)",
                {**_columns(letter), "now": self.db.clock.stamp()},
            )
            _move_last_date(conn, letter)
            if letter.sent:
                # A letter going back answers everything they sent up to that day.
                conn.execute(
                    "UPDATE letters SET status = ? WHERE friend_id = ? AND direction = ? AND status = ? "
                    "AND received_on <= ?",
                    (ANSWERED, letter.friend_id, RECEIVED, RECEIVED, letter.day.isoformat()),
                )
            return self._get(conn, cursor.lastrowid)

    def keep_effort(self, letter_id: int, sitting: str, focus_minutes: int | None) -> Letter:
        """Tie a letter to the sitting whose answers went into it, and the minutes the focus timer ran."""
        with self.db.transaction() as conn:
            kept = self._get(conn, letter_id)._replace(sitting=sitting, focus_minutes=focus_minutes)
            conn.execute("UPDATE letters SET sitting = ?, focus_minutes = ? WHERE id = ?",
                         (kept.sitting, kept.focus_minutes, letter_id))
            return self._get(conn, letter_id)

    def keep_quotes(self, letter_id: int, quotes: tuple[str, ...]) -> Letter:
        """Replace the phrases kept from a letter."""
        with self.db.transaction() as conn:
            kept = self._get(conn, letter_id)._replace(quotes=quotes)
            conn.execute("UPDATE letters SET quotes = ? WHERE id = ?", (_columns(kept)["quotes"], letter_id))
            return self._get(conn, letter_id)

    def on_days(self, month_days: set[tuple[int, int]], before_year: int, friend_id: int | None = None) -> list[Letter]:
        """Letters of earlier years dated on any of these (month, day) pairs, optionally one friend's."""
        wanted = sorted(f"{month:02d}-{day:02d}" for month, day in month_days)
        if not wanted:
            return []
        marks = ", ".join("?" * len(wanted))
        sql = f"{_SELECT} WHERE substr({_DAY}, 6, 5) IN ({marks}) AND substr({_DAY}, 1, 4) < ?"
        params: list = [*wanted, f"{before_year:04d}"]
        if friend_id is not None:
            sql += " AND l.friend_id = ?"
            params.append(friend_id)
        return [_letter(row) for row in self.db.query(f"{sql} {_ORDER}", tuple(params))]

    def sittings_in_post(self, friend_id: int) -> set[str]:
        """The sittings whose letter has gone into the post (posted or arrived)."""
        rows = self.db.query(
            "SELECT sitting FROM letters WHERE friend_id = ? AND sitting <> '' AND status IN (?, ?)",
            (friend_id, POSTED, ARRIVED),
        )
        return {row[0] for row in rows}

    def get(self, letter_id: int) -> Letter:
        """One letter by id."""
        return self._get(self.db.connection, letter_id)

    def mark(self, letter_id: int, status: str, day: date) -> Letter:
        """Move a letter on (posted, arrived, answered) and store it."""
        with self.db.transaction() as conn:
            moved = advance(self._get(conn, letter_id), status, day)
            conn.execute(
                "UPDATE letters SET status = :status, posted_on = :posted_on, arrived_on = :arrived_on WHERE id = :id",
                {**_columns(moved), "id": letter_id},
            )
            return self._get(conn, letter_id)

    def take_back(self, letter_id: int, posted: bool, arrived: bool) -> Letter:
        """Forget that a sent letter was posted (and so arrived) or only that it arrived: its card went back."""
        with self.db.transaction() as conn:
            letter = self._get(conn, letter_id)
            kept_posted = letter.posted if not posted else None
            kept_arrived = letter.arrived if not (posted or arrived) else None
            status = ARRIVED if kept_arrived else POSTED if kept_posted else WRITTEN
            conn.execute("UPDATE letters SET status = ?, posted_on = ?, arrived_on = ? WHERE id = ?",
                         (status, to_iso(kept_posted), to_iso(kept_arrived), letter_id))
            return self._get(conn, letter_id)

    def attach(self, letter_id: int, card_id: int | None) -> Letter:
        """Point a letter at the card it was written for (None: just a letter)."""
        with self.db.transaction() as conn:
            conn.execute("UPDATE letters SET card_id = ? WHERE id = ?", (card_id, letter_id))
            return self._get(conn, letter_id)

    def of_card(self, card_id: int) -> list[Letter]:
        """The letters written for one card, oldest first."""
        return [_letter(row) for row in self.db.query(f"{_SELECT} WHERE l.card_id = ? {_ORDER}", (card_id,))]

    def delete(self, letter_id: int) -> Letter:
        """Remove a logged letter; the friend's last date goes back to the latest letter left."""
        with self.db.transaction() as conn:
            gone = self._get(conn, letter_id)
            conn.execute("DELETE FROM letters WHERE id = ?", (letter_id,))
            _restore_last_date(conn, gone)
        return gone

    def list(self, friend_id: int | None = None, year: int | None = None, direction: str | None = None) -> list[Letter]:
        """Letters oldest first, optionally only one friend's, one year's or one direction's."""
        clauses, params = [], []
        if friend_id is not None:
            clauses.append("l.friend_id = ?")
            params.append(friend_id)
        if year is not None:
            clauses.append(f"substr({_DAY}, 1, 4) = ?")
            params.append(f"{year:04d}")
        if direction is not None:
            clauses.append("l.direction = ?")
            params.append(direction)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        return [_letter(row) for row in self.db.query(f"{_SELECT} {where} {_ORDER}", tuple(params))]

    def latest(self, friend_id: int, direction: str) -> Letter | None:
        """The most recent letter one way with a friend."""
        rows = self.db.query(
            f"{_SELECT} WHERE l.friend_id = ? AND l.direction = ? ORDER BY {_DAY} DESC, l.id DESC LIMIT 1",
            (friend_id, direction),
        )
        return _letter(rows[0]) if rows else None

    def _get(self, conn: sqlite3.Connection, letter_id: int) -> Letter:
        row = conn.execute(f"{_SELECT} WHERE l.id = ?", (letter_id,)).fetchone()
        if row is None:
            raise NotFound(f"no letter with id {letter_id}")
        return _letter(row)


def _move_last_date(conn: sqlite3.Connection, letter: Letter) -> None:
    column = _LAST_COLUMN[letter.direction]
    conn.execute(
        f"UPDATE friends SET {column} = :day WHERE id = :id AND ({column} IS NULL OR {column} < :day)",
        {"day": letter.day.isoformat(), "id": letter.friend_id},
    )


def _restore_last_date(conn: sqlite3.Connection, gone: Letter) -> None:
    """Only when the removed letter set the date: then the latest remaining letter (or none) sets it."""
    column = _LAST_COLUMN[gone.direction]
    day_column = "written_on" if gone.sent else "received_on"
    latest = conn.execute(
        f"SELECT max({day_column}) FROM letters WHERE friend_id = ? AND direction = ?",
        (gone.friend_id, gone.direction),
    ).fetchone()[0]
    conn.execute(
        f"UPDATE friends SET {column} = ? WHERE id = ? AND {column} = ?",
        (latest, gone.friend_id, gone.day.isoformat()),
    )


def _columns(letter: Letter) -> dict:
    return {
        "friend_id": letter.friend_id,
        "direction": letter.direction,
        "status": letter.status,
        "written_on": to_iso(letter.day) if letter.sent else None,
        "received_on": None if letter.sent else to_iso(letter.day),
        "posted_on": to_iso(letter.posted),
        "arrived_on": to_iso(letter.arrived),
        "occasion": letter.occasion,
        "medium": letter.medium,
        "tone": letter.tone,
        "note": letter.note,
        "scan": letter.scan,
        "card_id": letter.card_id,
        "quotes": _quotes_json(letter.quotes),
        "sitting": letter.sitting,
        "focus_minutes": letter.focus_minutes,
    }


def _letter(row: sqlite3.Row) -> Letter:
    return Letter(
        id=row["id"],
        friend_id=row["friend_id"],
        friend=row["friend_name"],
        direction=row["direction"],
        day=from_iso(row["written_on"] or row["received_on"]),
        status=row["status"],
        posted=from_iso(row["posted_on"]),
        arrived=from_iso(row["arrived_on"]),
        occasion=row["occasion"],
        medium=row["medium"],
        tone=row["tone"],
        note=row["note"],
        scan=row["scan"],
        card_id=row["card_id"],
        quotes=_quotes(row["quotes"]),
        sitting=row["sitting"],
        focus_minutes=row["focus_minutes"],
    )


def _quotes(text: str | None) -> tuple[str, ...]:
    """The quotes kept with a letter, from their JSON list (most letters keep none, and need no json module)."""
    if not text or text == "[]":
        return ()
    import json

    return tuple(json.loads(text))


def _quotes_json(quotes: tuple[str, ...]) -> str:
    """The quotes as the JSON list the store keeps."""
    import json

    return json.dumps(list(quotes), ensure_ascii=False)
