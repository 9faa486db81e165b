"""What the contacts sync remembers per vdir card: its link, its content hash, the agreed values, conflicts."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import datetime, timezone

from ritual.store.database import Database


@dataclass(frozen=True, slots=True)
class CardState:
    """One card file as it was when last synced, and the friend it belongs to (None once removed in ritual)."""

    vdir: str
    href: str
    uid: str
    friend_id: int | None
    hash: str
    base_json: str

    @property
    def base(self) -> dict:
        """The values both sides agreed on at the last sync."""
        return json.loads(self.base_json)

    def with_base(self, base: dict, **changes) -> CardState:
        """The same record with new agreed values (and any other changes)."""
        return replace(self, base_json=values_json(base), **changes)


@dataclass(frozen=True, slots=True)
class Conflict:
    """One field changed on both sides since the last sync, with both values kept for the user to choose."""

    vdir: str
    href: str
    friend_id: int
    field: str
    ritual_value: object
    card_value: object


class VdirState:
    """Reads and writes vdir_cards and vdir_conflicts; writes join the caller's transaction."""

    def __init__(self, db: Database) -> None:
        """Work on this database."""
        self.db = db

    def cards(self, vdir: str) -> dict[str, CardState]:
        """Every card remembered for a folder, by file name."""
        rows = self.db.query("SELECT * FROM vdir_cards WHERE vdir = ?", (vdir,))
        return {r["href"]: CardState(vdir, r["href"], r["uid"], r["friend_id"], r["hash"], r["base"]) for r in rows}

    def linked_friends(self) -> set[int]:
        """Every friend linked to a card in any folder."""
        return {r[0] for r in self.db.query("SELECT DISTINCT friend_id FROM vdir_cards WHERE friend_id IS NOT NULL")}

    def save(self, state: CardState, now: datetime) -> None:
        """Insert or replace one card's record."""
        with self.db.transaction() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO vdir_cards (vdir, href, uid, friend_id, hash, base, synced_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (state.vdir, state.href, state.uid, state.friend_id, state.hash, state.base_json, _iso(now)),
            )

    def forget(self, vdir: str, href: str) -> None:
        """Drop a card's record and its conflicts (the card is gone from both sides)."""
        with self.db.transaction() as conn:
            conn.execute("DELETE FROM vdir_cards WHERE vdir = ? AND href = ?", (vdir, href))
            conn.execute("DELETE FROM vdir_conflicts WHERE vdir = ? AND href = ?", (vdir, href))

    def conflicts(self, vdir: str | None = None) -> list[Conflict]:
        """Standing conflicts, of one folder or all, in a stable order."""
        where, params = ("WHERE vdir = ?", (vdir,)) if vdir else ("", ())
        rows = self.db.query(f"SELECT * FROM vdir_conflicts {where} ORDER BY friend_id, field, vdir, href", params)
        return [Conflict(r["vdir"], r["href"], r["friend_id"], r["field"], json.loads(r["ritual_value"]),
                         json.loads(r["card_value"])) for r in rows]

    def settle(self, conflict: Conflict) -> None:
        """Drop one conflict the user has chosen a side for, so the next sync merges that field from the base."""
        with self.db.transaction() as conn:
            conn.execute("DELETE FROM vdir_conflicts WHERE vdir = ? AND href = ? AND field = ?",
                         (conflict.vdir, conflict.href, conflict.field))

    def set_conflicts(self, vdir: str, href: str, found: list[Conflict], now: datetime) -> None:
        """Replace a card's conflicts with those found in this sync (none clears them)."""
        with self.db.transaction() as conn:
            conn.execute("DELETE FROM vdir_conflicts WHERE vdir = ? AND href = ?", (vdir, href))
            conn.executemany(
                "INSERT INTO vdir_conflicts (vdir, href, friend_id, field, ritual_value, card_value, found_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(vdir, href, c.friend_id, c.field, values_json(c.ritual_value), values_json(c.card_value), _iso(now))
                 for c in found],
            )


def values_json(value: object) -> str:
    """Values as JSON text in the order they were built, so an unchanged pair compares as two strings.

    Keys are not sorted: the sync builds every value dict in one fixed order, and text that differs only in
    order just takes the slower path, a field-by-field merge, which finds nothing to do.
    """
    return json.dumps(value, ensure_ascii=False)


def synced_facts(db: Database) -> dict[int, tuple]:
    """Per friend, the stored columns the sync compares, read without building whole friends (a sync of an
    unchanged address book does nothing else with them).

    Each value is (name, nickname, (month, day, year), notes, address rows, tags, first anniversary row).
    """
    addresses, tags, anniversaries = defaultdict(list), defaultdict(list), {}
    for row in db.query("SELECT friend_id, label, lines, city, region, postal_code, country FROM addresses "
                        "ORDER BY friend_id, position"):
        addresses[row[0]].append(tuple(row)[1:])
    for row in db.query("SELECT friend_id, tag FROM friend_tags"):
        tags[row[0]].append(row[1])
    for row in db.query("SELECT friend_id, month, day, year FROM occasions WHERE name = 'anniversary' ORDER BY id"):
        anniversaries.setdefault(row[0], tuple(row)[1:])
    rows = db.query("SELECT id, name, nickname, birth_month, birth_day, birth_year, notes FROM friends")
    return {r[0]: (r[1], r[2], (r[3], r[4], r[5]), r[6], addresses[r[0]], tags[r[0]], anniversaries.get(r[0]))
            for r in rows}


def _iso(moment: datetime) -> str:
    """A moment as UTC ISO text."""
    return moment.astimezone(timezone.utc).isoformat(timespec="seconds")
