"""Reflections in the database: every answer saved the moment it is given."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import datetime

from ritual.core.fields import check_reflection
from ritual.core.letters import FOLLOW_UP_SUFFIX, Reflection
from ritual.errors import NotFound
from ritual.store.database import Database


class ReflectionRepository:
    """Reads and writes a friend's reflections; private data that never leaves this file."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, reflection: Reflection) -> Reflection:
        """Save one answer (or skip) at once, so a sitting left halfway keeps it."""
        check_reflection(reflection)
        with self.db.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO reflections (friend_id, sitting, prompt_id, question, answer, skipped, occasion, tone, "
                "asked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    reflection.friend_id, reflection.sitting, reflection.prompt_id, reflection.question,
                    reflection.answer, int(reflection.skipped), reflection.occasion, reflection.tone,
                    reflection.asked_at.isoformat(timespec="seconds"),
                ),
            )
            row = conn.execute("SELECT * FROM reflections WHERE id = ?", (cursor.lastrowid,)).fetchone()
        return _reflection(row)

    def asked_ids(self, friend_id: int) -> list[str]:
        """Every prompt id put to this friend's letters, oldest first (skips included)."""
        rows = self.db.query("SELECT prompt_id FROM reflections WHERE friend_id = ? ORDER BY asked_at, id", (friend_id,))
        return [row[0] for row in rows]

    def answers(self, friend_id: int, before_sitting: str | None = None, limit: int | None = None) -> list[Reflection]:
        """A friend's answered reflections, newest first, optionally leaving one sitting out."""
        sql = "SELECT * FROM reflections WHERE friend_id = ? AND skipped = 0 AND sitting <> ? ORDER BY asked_at DESC, id DESC"
        params: tuple = (friend_id, before_sitting or "")
        if limit is not None:
            sql += " LIMIT ?"
            params += (limit,)
        return [_reflection(row) for row in self.db.query(sql, params)]

    def sitting(self, sitting: str) -> list[Reflection]:
        """Everything asked in one sitting, in the order it was asked."""
        rows = self.db.query("SELECT * FROM reflections WHERE sitting = ? ORDER BY asked_at, id", (sitting,))
        return [_reflection(row) for row in rows]

    def mark_heart(self, reflection_id: int) -> None:
        """Mark one answer the heart of its sitting's outline (one heart per sitting)."""
        with self.db.transaction() as conn:
            row = conn.execute("SELECT sitting FROM reflections WHERE id = ?", (reflection_id,)).fetchone()
            if row is None:
                raise NotFound(f"no answer with id {reflection_id}")
            conn.execute("UPDATE reflections SET heart = (id = ?) WHERE sitting = ?", (reflection_id, row[0]))

    def answered_counts(self, sittings: Iterable[str]) -> dict[str, int]:
        """How many questions were answered in each of these sittings (follow-up details not counted)."""
        wanted = sorted({s for s in sittings if s})
        if not wanted:
            return {}
        marks = ", ".join("?" * len(wanted))
        rows = self.db.query(
            f"SELECT sitting, count(*) FROM reflections WHERE skipped = 0 AND prompt_id NOT LIKE ? "
            f"AND sitting IN ({marks}) GROUP BY sitting",
            (f"%{FOLLOW_UP_SUFFIX}", *wanted),
        )
        return {row[0]: row[1] for row in rows}

    def telling_answers(self, sittings: Iterable[str]) -> dict[str, str]:
        """For each sitting, the answer that says most what it was about: the heart, else the first."""
        wanted = sorted({s for s in sittings if s})
        if not wanted:
            return {}
        marks = ", ".join("?" * len(wanted))
        rows = self.db.query(
            f"SELECT sitting, answer FROM reflections WHERE skipped = 0 AND sitting IN ({marks}) "
            "ORDER BY heart, asked_at DESC, id DESC",
            tuple(wanted),
        )
        return {row[0]: row[1] for row in rows}  # later rows win: the heart, else the earliest answer

    def latest_sitting(self, friend_id: int) -> str | None:
        """The most recent sitting for a friend, to resume or to look back on."""
        rows = self.db.query(
            "SELECT sitting FROM reflections WHERE friend_id = ? ORDER BY asked_at DESC, id DESC LIMIT 1", (friend_id,)
        )
        return rows[0][0] if rows else None


def _reflection(row: sqlite3.Row) -> Reflection:
    return Reflection(
        id=row["id"],
        friend_id=row["friend_id"],
        sitting=row["sitting"],
        prompt_id=row["prompt_id"],
        question=row["question"],
        answer=row["answer"],
        skipped=bool(row["skipped"]),
        occasion=row["occasion"],
        tone=row["tone"],
        asked_at=datetime.fromisoformat(row["asked_at"]),
        heart=bool(row["heart"]),
    )
