"""Projects in the database: a batch of cards (holiday cards 2026) and where each person's card stands."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timezone

from ritual.errors import InvalidValue, NotFound
from ritual.store.database import Database
from ritual.store.rows import from_iso, to_iso

TO_WRITE, WRITTEN, POSTED, ARRIVED = "to_write", "written", "posted", "arrived"
STATUSES = (TO_WRITE, WRITTEN, POSTED, ARRIVED)


@dataclass(frozen=True, slots=True)
class Member:
    """One person in a project and where their card stands."""

    friend_id: int
    friend: str
    status: str


@dataclass(frozen=True)
class Project:
    """A named batch of cards, with an occasion, an optional day they should be written by, and its people."""

    id: int
    name: str
    occasion: str = ""
    due: date | None = None
    members: tuple[Member, ...] = field(default=())

    def counts(self) -> dict[str, int]:
        """How many cards stand at each status."""
        return {status: sum(m.status == status for m in self.members) for status in STATUSES}

    def as_dict(self) -> dict:
        """A JSON-ready view."""
        return {"id": self.id, "name": self.name, "occasion": self.occasion or None, "due": to_iso(self.due),
                "members": [{"friend_id": m.friend_id, "friend": m.friend, "status": m.status} for m in self.members]}


def check_status(text: str) -> str:
    """A status as kept (`to write` and `to-write` are read as `to_write`)."""
    status = text.strip().lower().replace(" ", "_").replace("-", "_")
    if status not in STATUSES:
        raise InvalidValue("status", text, "must be one of " + ", ".join(STATUSES))
    return status


class ProjectRepository:
    """Reads and writes projects and their people; each public write is one transaction."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def create(self, name: str, occasion: str = "", due: date | None = None) -> Project:
        """A new, empty project."""
        if not name.strip():
            raise InvalidValue("project name", name, "must not be empty")
        if self._row(name) is not None:
            raise InvalidValue("project name", name, "is already taken")
        with self.db.transaction() as conn:
            cursor = conn.execute("INSERT INTO projects (name, occasion, due, created_at) VALUES (?, ?, ?, ?)",
                                  (name.strip(), occasion.strip(), to_iso(due), self.db.clock.stamp()))
        return self.get(str(cursor.lastrowid))

    def add_members(self, project_id: int, friend_ids: Iterable[int]) -> int:
        """Add people (once each) with nothing written yet; returns how many were new."""
        with self.db.transaction() as conn:
            before = conn.total_changes
            conn.executemany(
                "INSERT OR IGNORE INTO project_members (project_id, friend_id, status, updated_at) VALUES (?, ?, ?, ?)",
                [(project_id, fid, TO_WRITE, self.db.clock.stamp()) for fid in friend_ids],
            )
            return conn.total_changes - before

    def set_status(self, project_id: int, friend_ids: Iterable[int], status: str) -> int:
        """Move people's cards to `status`; returns how many were in the project."""
        with self.db.transaction() as conn:
            before = conn.total_changes
            conn.executemany("UPDATE project_members SET status = ?, updated_at = ? WHERE project_id = ? AND friend_id = ?",
                             [(check_status(status), self.db.clock.stamp(), project_id, fid) for fid in friend_ids])
            return conn.total_changes - before

    def remove(self, project_id: int) -> None:
        """Remove a project and its list (the friends stay)."""
        with self.db.transaction() as conn:
            conn.execute("DELETE FROM projects WHERE id = ?", (project_id,))

    def get(self, name_or_id: str) -> Project:
        """One project by name (any case) or id."""
        row = self._row(name_or_id)
        if row is None:
            raise NotFound(f"no project called {name_or_id!r} (see `ritual project list`)")
        members = self.db.query(
            "SELECT m.friend_id, f.name, m.status FROM project_members m JOIN friends f ON f.id = m.friend_id "
            "WHERE m.project_id = ? ORDER BY f.name COLLATE NOCASE, f.id", (row["id"],))
        return Project(row["id"], row["name"], row["occasion"], from_iso(row["due"]),
                       tuple(Member(m[0], m[1], m[2]) for m in members))

    def all(self) -> list[Project]:
        """Every project, newest due date last, undated ones first."""
        rows = self.db.query("SELECT id FROM projects ORDER BY due IS NOT NULL, due, name COLLATE NOCASE")
        return [self.get(str(row[0])) for row in rows]

    def _row(self, name_or_id: str):
        text = name_or_id.strip()
        rows = self.db.query("SELECT * FROM projects WHERE name = ? COLLATE NOCASE", (text,))
        if not rows and text.isdigit():
            rows = self.db.query("SELECT * FROM projects WHERE id = ?", (int(text),))
        return rows[0] if rows else None

