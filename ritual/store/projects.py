"""Projects in the database: a named set of cards with one occasion (holiday cards 2026).

Where each person's card stands is kept with the card itself (`cards`), the one place every screen reads.
"""

from collections.abc import Iterable
from datetime import date
from typing import NamedTuple

from ritual.core.cards import PLANNED, Card, CardKey, set_status
from ritual.core.fields import check_text
from ritual.errors import InvalidValue, NotFound
from ritual.store.cards import CardRepository
from ritual.store.database import Database
from ritual.store.rows import from_iso, to_iso

TO_WRITE, WRITTEN, POSTED, ARRIVED = "to_write", "written", "posted", "arrived"
STATUSES = (TO_WRITE, WRITTEN, POSTED, ARRIVED)
# A project member whose card was skipped or given shows that; it is not one of the statuses a list sets.
SHOWN = (*STATUSES, "skipped", "given")


class Member(NamedTuple):
    """One person in a project and where their card stands."""

    friend_id: int
    friend: str
    status: str


class Project(NamedTuple):
    """A named batch of cards, with an occasion, an optional day they should be written by, and its people."""

    id: int
    name: str
    occasion: str = ""
    due: date | None = None
    members: tuple[Member, ...] = ()
    created: date | None = None

    def counts(self) -> dict[str, int]:
        """How many cards stand at each status."""
        return {status: sum(m.status == status for m in self.members) for status in SHOWN}

    @property
    def card_occasion(self) -> str:
        """The occasion its cards are for: the project's occasion, else its name."""
        return self.occasion or self.name

    @property
    def card_day(self) -> date | None:
        """The date its cards carry: the project's due day, else the day it was started."""
        return self.due or self.created

    def card_key(self, friend_id: int) -> CardKey:
        """The key of one person's card in this project."""
        return CardKey(friend_id, self.card_occasion, self.card_day)

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
        check_text("project name", name)
        check_text("occasion", occasion)
        if self._row(name) is not None:
            raise InvalidValue("project name", name, "is already taken")
        with self.db.transaction() as conn:
            cursor = conn.execute("INSERT INTO projects (name, occasion, due, created_at) VALUES (?, ?, ?, ?)",
                                  (name.strip(), occasion.strip(), to_iso(due), self.db.clock.stamp()))
        return self.get(str(cursor.lastrowid))

    def add_members(self, project_id: int, friend_ids: Iterable[int]) -> int:
        """Add people (once each); their cards start planned, or where they already stand; returns how many were new."""
        with self.db.transaction() as conn:
            # The cursor's count, not the connection's: the change counter's triggers write too.
            return conn.executemany(
                "INSERT OR IGNORE INTO project_members (project_id, friend_id, updated_at) VALUES (?, ?, ?)",
                [(project_id, fid, self.db.clock.stamp()) for fid in friend_ids],
            ).rowcount

    def set_status(self, project_id: int, friend_ids: Iterable[int], status: str, on: date) -> int:
        """Put people's cards at `status` (their cards move, wherever else they are shown); returns how many."""
        kept = check_status(status)
        wanted = PLANNED if kept == TO_WRITE else kept
        project = self.get(str(project_id))
        members = {m.friend_id for m in project.members}
        cards = CardRepository(self.db)
        moved = 0
        with self.db.transaction() as conn:
            for friend_id in friend_ids:
                if friend_id in members:
                    key = project.card_key(friend_id)
                    card = cards.find(key) or Card(key.friend_id, key.occasion, key.day)
                    cards.save_in(conn, set_status(card, wanted, on))
                    moved += 1
        return moved

    def set_due(self, project_id: int, due: date) -> int:
        """Date the project (or date it anew): its people's cards move to the new day, keeping ids and letters.

        Returns how many stored cards moved; a card already stored on the new day stays, the moved one's letters
        join it.
        """
        project = self.get(str(project_id))
        cards = CardRepository(self.db)
        moved = 0
        with self.db.transaction() as conn:
            conn.execute("UPDATE projects SET due = ? WHERE id = ?", (to_iso(due), project_id))
            for member in project.members:
                old, new = project.card_key(member.friend_id), project._replace(due=due).card_key(member.friend_id)
                card, there = cards.find(old), cards.find(new)
                if card is None or old == new:
                    continue
                if there is None:
                    cards.move_in(conn, card.id, due)
                else:
                    cards.fold_in(conn, card.id, there.id)
                moved += 1
        return moved

    def card_keys_of(self, friend_id: int) -> list[CardKey]:
        """The cards one friend has in projects (a letter with that occasion may be one of them)."""
        rows = self.db.query("SELECT p.id FROM projects p JOIN project_members m ON m.project_id = p.id "
                             "WHERE m.friend_id = ?", (friend_id,))
        return [self.get(str(row[0])).card_key(friend_id) for row in rows]

    def remove(self, project_id: int) -> None:
        """Remove a project and its list (the friends stay)."""
        with self.db.transaction() as conn:
            conn.execute("DELETE FROM projects WHERE id = ?", (project_id,))

    def get(self, name_or_id: str) -> Project:
        """One project by name (any case) or id."""
        row = self._row(name_or_id)
        if row is None:
            raise NotFound(f"no project called {name_or_id!r} (see `ritual project list`)")
        bare = Project(row["id"], row["name"], row["occasion"], from_iso(row["due"]),
                       created=from_iso(row["created_at"][:10]))
        members = self.db.query(
            "SELECT m.friend_id, f.name FROM project_members m JOIN friends f ON f.id = m.friend_id "
            "WHERE m.project_id = ? ORDER BY f.name COLLATE NOCASE, f.id", (row["id"],))
        cards = CardRepository(self.db).many(bare.card_key(m[0]) for m in members)
        people = tuple(Member(m[0], m[1], _member_status(cards.get(bare.card_key(m[0])))) for m in members)
        return bare._replace(members=people)

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


def _member_status(card: Card | None) -> str:
    """A card's status in a project's words (a planned card is still to write)."""
    status = card.status if card is not None else PLANNED
    return TO_WRITE if status == PLANNED else status
