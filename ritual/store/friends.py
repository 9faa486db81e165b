"""Friends and their occasions in the database: add, change, find, list, remove."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date

from ritual.core.dates import PartialDate
from ritual.core.fields import check_friend, check_occasion
from ritual.core.model import BIRTHDAY, Friend, Occasion
from ritual.core.planner import Subject
from ritual.core.text import namesake_line
from ritual.errors import Ambiguous, NotFound
from ritual.store.database import Database
from ritual.store.rows import (
    address_columns,
    address_from_row,
    friend_columns,
    friend_from_row,
    from_iso,
    occasion_from_row,
)

_FRIEND_COLUMNS = tuple(friend_columns(Friend(name="x")).keys())
_INSERT_FRIEND = (
    f"INSERT INTO friends ({', '.join(_FRIEND_COLUMNS)}, created_at, updated_at) "
    f"VALUES ({', '.join(':' + c for c in _FRIEND_COLUMNS)}, :now, :now)"
)
# When the oldest letter not answered yet from each friend came: one pass over the letters for the whole query.
_AWAITING_REPLY = ("LEFT JOIN (SELECT l.friend_id, min(l.received_on) AS since FROM letters l "
                   "WHERE l.direction = 'received' AND l.status = 'received' GROUP BY l.friend_id) w ON w.friend_id = f.id")
# The last card written to this friend (or given by hand): a card marked written is a letter written, even when no
# letter was logged for it, so keep-in-touch counts it. A skipped card is not.
# Each friend's, worked out in one pass over the cards for the whole query rather than a search per friend.
_LAST_CARD = ("LEFT JOIN (SELECT c.friend_id, max(coalesce(c.written_on, CASE WHEN c.ending = 'given' "
              "THEN c.ended_on END)) AS day FROM cards c GROUP BY c.friend_id) k ON k.friend_id = f.id")
# The last letter either way or card written, as one ISO day: ISO days compare as text, so SQLite picks it.
_LAST_LETTER = "nullif(max(coalesce(f.last_sent, ''), coalesce(f.last_received, ''), coalesce(k.day, '')), '')"
# The birthday and whether a card is wanted for it, as one number (a few thousand friends share each):
# ((month * 32 + day) * 10000 + year) * 2 + card, with 0 for an unknown day or year; NULL without a month.
_BIRTHDAY = ("CASE WHEN f.birth_month THEN ((f.birth_month * 32 + coalesce(f.birth_day, 0)) * 10000 "
             "+ coalesce(f.birth_year, 0)) * 2 + (f.birthday_card <> 0) END")
_UPDATE_FRIEND = (
    f"UPDATE friends SET {', '.join(f'{c} = :{c}' for c in _FRIEND_COLUMNS)}, updated_at = :now WHERE id = :id"
)


class FriendRepository:
    """Reads and writes friends; each public write is one transaction."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, friend: Friend) -> Friend:
        """Store a new friend with addresses, tags and occasions; returns it with its id."""
        return self.add_many([friend])[0]

    def add_many(self, friends: Iterable[Friend]) -> list[Friend]:
        """Store many new friends in a single transaction."""
        now = self.db.clock.stamp()
        stored = []
        with self.db.transaction() as conn:
            for friend in friends:
                check_friend(friend)
                cursor = conn.execute(_INSERT_FRIEND, {**friend_columns(friend), "now": now})
                friend_id = cursor.lastrowid
                self._write_children(conn, friend_id, friend)
                stored.append(self._with_ids(conn, friend_id))
        return stored

    def update(self, friend: Friend) -> Friend:
        """Replace a stored friend's fields, addresses, tags and occasions."""
        if friend.id is None:
            raise NotFound("this friend has not been saved yet")
        check_friend(friend)
        with self.db.transaction() as conn:
            cursor = conn.execute(_UPDATE_FRIEND, {**friend_columns(friend), "now": self.db.clock.stamp(), "id": friend.id})
            if cursor.rowcount == 0:
                raise NotFound(f"no friend with id {friend.id}")
            for table in ("addresses", "friend_tags"):
                conn.execute(f"DELETE FROM {table} WHERE friend_id = ?", (friend.id,))
            kept = [o.id for o in friend.occasions if o.id is not None]
            conn.execute(
                f"DELETE FROM occasions WHERE friend_id = ? AND id NOT IN ({', '.join('?' * len(kept))})",
                (friend.id, *kept),
            )
            self._write_children(conn, friend.id, friend, update_occasions=True)
            return self._with_ids(conn, friend.id)

    def delete(self, friend_id: int) -> None:
        """Remove a friend and everything attached to them."""
        with self.db.transaction() as conn:
            if conn.execute("DELETE FROM friends WHERE id = ?", (friend_id,)).rowcount == 0:
                raise NotFound(f"no friend with id {friend_id}")

    def get(self, friend_id: int) -> Friend:
        """One friend by id."""
        found = self._load("WHERE f.id = ?", (friend_id,))
        if not found:
            raise NotFound(f"no friend with id {friend_id}")
        return found[0]

    def all(self, tag: str | None = None) -> list[Friend]:
        """Every friend (optionally only those with a tag), sorted by name."""
        if tag:
            return self._load("WHERE f.id IN (SELECT friend_id FROM friend_tags WHERE tag = ?)", (tag,))
        return self._load("", ())

    def count(self) -> int:
        """How many friends are stored."""
        return self.db.query("SELECT count(*) FROM friends")[0][0]

    def names(self, friend_ids: list[int]) -> list[str]:
        """The names of these friends, in the order given, read in one query (not one per friend)."""
        found: dict[int, str] = {}
        # Chunked to stay under SQLite's bound-parameter limit.
        for start in range(0, len(friend_ids), 900):
            chunk = list(friend_ids[start:start + 900])
            marks = ", ".join("?" * len(chunk))
            found.update(self.db.query_tuples(f"SELECT id, name FROM friends WHERE id IN ({marks})", chunk))
        missing = next((i for i in friend_ids if i not in found), None)
        if missing is not None:
            raise NotFound(f"no friend with id {missing}")
        return [found[i] for i in friend_ids]

    def find(self, name_or_id: str) -> Friend:
        """The one friend meant by an id or a name; ambiguous names list the candidates."""
        text = name_or_id.strip()
        if text.isdigit():
            return self.get(int(text))
        exact = self._load("WHERE f.name = ? COLLATE NOCASE OR f.nickname = ? COLLATE NOCASE", (text, text))
        if len(exact) == 1:
            return exact[0]
        candidates = exact or self._load(
            "WHERE instr(lower(f.name), lower(?)) > 0 OR instr(lower(f.nickname), lower(?)) > 0", (text, text)
        )
        if not candidates:
            raise NotFound(f"no friend called {text!r}")
        if len(candidates) > 1:
            listing = "\n".join(_namesake(f) for f in candidates[:20])
            more = f"\n  ... and {len(candidates) - 20} more" if len(candidates) > 20 else ""
            raise Ambiguous(f"{text!r} matches {len(candidates)} friends; give an id instead:\n{listing}{more}")
        return candidates[0]

    def add_occasion(self, friend_id: int, occasion: Occasion) -> Occasion:
        """Attach a new occasion to a friend."""
        check_occasion(occasion)
        self.get(friend_id)
        with self.db.transaction() as conn:
            new_id = _insert_occasion(conn, friend_id, occasion)
            _touch(conn, friend_id, self.db.clock.stamp())
        return Occasion(occasion.name, occasion.date, occasion.yearly, occasion.card, new_id)

    def occasion_owner(self, occasion_id: int) -> int:
        """The friend id an occasion belongs to."""
        rows = self.db.query("SELECT friend_id FROM occasions WHERE id = ?", (occasion_id,))
        if not rows:
            raise NotFound(f"no occasion with id {occasion_id}")
        return rows[0][0]

    def remove_occasion(self, occasion_id: int) -> None:
        """Delete one occasion by id."""
        owner = self.occasion_owner(occasion_id)
        with self.db.transaction() as conn:
            conn.execute("DELETE FROM occasions WHERE id = ?", (occasion_id,))
            _touch(conn, owner, self.db.clock.stamp())

    def subjects(self, occasions_between: tuple[date, date] | None = None, due_by: date | None = None,
                 friend_id: int | None = None) -> list[Subject]:
        """The light planning view of friends, loaded with two queries.

        With `occasions_between` and `due_by`, only friends who may have an occasion in that window or a
        keep-in-touch letter due by then are loaded, each with only the occasions (birthday included) that may
        fall in the window: a cheap superset; the planner still decides exactly. With `friend_id`, that friend
        alone, seen exactly as among everyone.
        """
        where, in_window, birthday_kept, params = _relevance_filter(occasions_between, due_by)
        if friend_id is not None:
            where, in_window = _only_friend(where, "f.id"), _only_friend(in_window, "o.friend_id")
            params = {**params, "friend_id": friend_id}
        occasions: dict[int, list[Occasion]] = defaultdict(list)
        for row in self.db.query(f"SELECT * FROM occasions o {in_window} ORDER BY id", params):
            occasions[row["friend_id"]].append(occasion_from_row(row))
        rows = self.db.query_tuples(
            f"SELECT f.id, f.name, f.feb29, f.cadence_days, {_LAST_LETTER}, CASE WHEN {birthday_kept} THEN {_BIRTHDAY} END, "
            "coalesce((SELECT a.country FROM addresses a WHERE a.friend_id = f.id ORDER BY a.position LIMIT 1), ''), "
            f"w.since FROM friends f {_LAST_CARD} {_AWAITING_REPLY} {where}",
            params,
        )
        return _SubjectBuilder().all(rows, occasions)

    def _load(self, where: str, params: tuple) -> list[Friend]:
        rows = self.db.query(f"SELECT * FROM friends f {where} ORDER BY f.name COLLATE NOCASE, f.id", params)
        if not rows:
            return []
        ids = [row["id"] for row in rows]
        addresses, tags, occasions = self._children(ids)
        return [
            friend_from_row(row, tuple(addresses[row["id"]]), tuple(tags[row["id"]]), tuple(occasions[row["id"]]))
            for row in rows
        ]

    def _children(self, ids: list[int]) -> tuple[dict, dict, dict]:
        addresses, tags, occasions = defaultdict(list), defaultdict(list), defaultdict(list)
        # Chunked to stay under SQLite's bound-parameter limit on large address books.
        for start in range(0, len(ids), 900):
            chunk = ids[start : start + 900]
            marks = ", ".join("?" * len(chunk))
            for row in self.db.query(f"SELECT * FROM addresses WHERE friend_id IN ({marks}) ORDER BY position", chunk):
                addresses[row["friend_id"]].append(address_from_row(row))
            for row in self.db.query(f"SELECT * FROM friend_tags WHERE friend_id IN ({marks}) ORDER BY tag", chunk):
                tags[row["friend_id"]].append(row["tag"])
            for row in self.db.query(f"SELECT * FROM occasions WHERE friend_id IN ({marks}) ORDER BY id", chunk):
                occasions[row["friend_id"]].append(occasion_from_row(row))
        return addresses, tags, occasions

    def _write_children(self, conn: sqlite3.Connection, friend_id: int, friend: Friend, update_occasions=False) -> None:
        conn.executemany(
            "INSERT INTO addresses (friend_id, position, label, lines, city, region, postal_code, country) "
            "VALUES (:friend_id, :position, :label, :lines, :city, :region, :postal_code, :country)",
            [{**address_columns(a), "friend_id": friend_id, "position": i} for i, a in enumerate(friend.addresses)],
        )
        conn.executemany(
            "INSERT OR IGNORE INTO friend_tags (friend_id, tag) VALUES (?, ?)",
            [(friend_id, tag) for tag in friend.tags],
        )
        for occasion in friend.occasions:
            if update_occasions and occasion.id is not None:
                _cards_follow_rename(conn, friend_id, occasion)
                conn.execute(
                    "UPDATE occasions SET name = ?, month = ?, day = ?, year = ?, yearly = ?, card = ? "
                    "WHERE id = ? AND friend_id = ?",
                    (*_occasion_values(occasion), occasion.id, friend_id),
                )
            else:
                _insert_occasion(conn, friend_id, occasion)

    def _with_ids(self, conn: sqlite3.Connection, friend_id: int) -> Friend:
        # Read back inside the transaction so callers get ids of new occasions too.
        row = conn.execute("SELECT * FROM friends WHERE id = ?", (friend_id,)).fetchone()
        addresses = conn.execute("SELECT * FROM addresses WHERE friend_id = ? ORDER BY position", (friend_id,))
        tags = conn.execute("SELECT tag FROM friend_tags WHERE friend_id = ? ORDER BY tag", (friend_id,))
        occasions = conn.execute("SELECT * FROM occasions WHERE friend_id = ? ORDER BY id", (friend_id,))
        return friend_from_row(
            row,
            tuple(address_from_row(r) for r in addresses),
            tuple(r["tag"] for r in tags),
            tuple(occasion_from_row(r) for r in occasions),
        )


def _cards_follow_rename(conn: sqlite3.Connection, friend_id: int, occasion: Occasion) -> None:
    """An occasion renamed keeps its stored cards: they take the new name (unless another occasion keeps the old)."""
    row = conn.execute("SELECT name FROM occasions WHERE id = ? AND friend_id = ?", (occasion.id, friend_id)).fetchone()
    if row is None or row["name"] == occasion.name:
        return
    others = conn.execute("SELECT count(*) FROM occasions WHERE friend_id = ? AND name = ? AND id <> ?",
                          (friend_id, row["name"], occasion.id)).fetchone()[0]
    if not others:
        conn.execute("UPDATE OR IGNORE cards SET occasion = ? WHERE friend_id = ? AND occasion = ?",
                     (occasion.name, friend_id, row["name"]))


def _insert_occasion(conn: sqlite3.Connection, friend_id: int, occasion: Occasion) -> int:
    cursor = conn.execute(
        "INSERT INTO occasions (friend_id, name, month, day, year, yearly, card) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (friend_id, *_occasion_values(occasion)),
    )
    return cursor.lastrowid


def _occasion_values(occasion: Occasion) -> tuple:
    d = occasion.date
    return (occasion.name, d.month, d.day, d.year, int(occasion.yearly), int(occasion.card))


class _SubjectBuilder:
    """Subjects from rows, sharing what thousands of friends have in common: birthdays and letter days."""

    def __init__(self) -> None:
        self._birthdays = _Birthdays({None: ()})
        self._days = _Days({None: None, "": None})

    def all(self, rows: Iterable[tuple], occasions: Mapping[int, list[Occasion]]) -> list[Subject]:
        """The Subject of each row of the subjects query (tuples: named rows cost more for thousands of friends)."""
        days, birthdays, subjects = self._days, self._birthdays, []
        for friend_id, name, feb29, cadence, last, birthday, country, awaiting in rows:
            own = occasions.get(friend_id)
            planned = birthdays[birthday] + tuple(own) if own else birthdays[birthday]
            # Straight from its fields, as the planner's items are: Subject's generated __new__ costs as much again.
            subjects.append(_new_subject(Subject, (friend_id, name, country, feb29, cadence, days[last], planned,
                                                   days[awaiting])))
        return subjects


class _Birthdays(dict):
    """Birthdays as one-occasion tuples, by the number the subjects query gives each (see `_BIRTHDAY`)."""

    def __missing__(self, number: int) -> tuple[Occasion, ...]:
        """Read a birthday not seen before, and keep it."""
        number, card = divmod(number, 2)
        month_day, year = divmod(number, 10000)
        month, day = divmod(month_day, 32)
        birthday = PartialDate.from_fields((month, day or None, year or None))
        self[number * 2 + card] = found = (Occasion.from_fields((BIRTHDAY, birthday, True, bool(card), None)),)
        return found


class _Days(dict):
    """Stored ISO days as dates, each read once however many friends share it."""

    def __missing__(self, text: str) -> date | None:
        """Read a day not seen before, and keep it."""
        self[text] = found = from_iso(text)
        return found


_new_subject = tuple.__new__


def _relevance_filter(window: tuple[date, date] | None, due_by: date | None) -> tuple[str, str, str, dict]:
    """WHERE clauses for friends and for occasions, and the test a birthday passes, for a yearly date inside
    `window` (month-day arithmetic); no filter at all without a window or with one of a year or more."""
    if window is None or (window[1] - window[0]).days >= 365:
        return "", "", "1", {}
    lo, hi = window
    spans = [(_mmdd(lo), _mmdd(hi))] if lo.year == hi.year else [(_mmdd(lo), 1231), (101, _mmdd(hi))]
    # A 29 February is kept on Feb 28 or Mar 1 in common years, so any window near it includes it.
    near_feb29 = any(a <= 301 and b >= 228 for a, b in spans)
    # The keep-in-touch test adds the rhythm to a Julian day number: far quicker in SQLite than date()'s modifiers.
    params = {"feb29": int(near_feb29), "due_by": (due_by or date.min).toordinal() + _JULIAN_ORDINAL}
    def matches(month: str, day: str) -> str:
        ranges = " OR ".join(f"({month} * 100 + coalesce({day}, 1)) BETWEEN {a} AND {b}" for a, b in spans)
        return f"({ranges} OR (:feb29 AND {month} = 2 AND {day} = 29))"

    due = (
        "(f.cadence_days IS NOT NULL AND (coalesce(f.last_sent, f.last_received) IS NULL OR "
        "julianday(max(coalesce(f.last_sent, ''), coalesce(f.last_received, ''))) + f.cadence_days <= :due_by))"
    )
    # Lists worked out once for the whole query, not a correlated search per friend.
    in_window = f"f.id IN (SELECT o.friend_id FROM occasions o WHERE {matches('o.month', 'o.day')})"
    waiting = "f.id IN (SELECT l.friend_id FROM letters l WHERE l.direction = 'received' AND l.status = 'received')"
    birthday = matches("f.birth_month", "f.birth_day")
    friends = f"WHERE {birthday} OR {in_window} OR {due} OR {waiting}"
    return friends, f"WHERE {matches('o.month', 'o.day')}", birthday, params


_JULIAN_ORDINAL = 1721424.5  # a day's ordinal plus this is SQLite's julianday() of its midnight


def _only_friend(where: str, column: str) -> str:
    """A WHERE clause (or none) narrowed to the friend bound as `:friend_id`."""
    narrowed = f"{column} = :friend_id"
    return f"WHERE {narrowed} AND ({where.removeprefix('WHERE ')})" if where else f"WHERE {narrowed}"


def _mmdd(day: date) -> int:
    return day.month * 100 + day.day


def _touch(conn: sqlite3.Connection, friend_id: int, now: str) -> None:
    """Mark the friend changed: an occasion is part of them (calendars take LAST-MODIFIED from this)."""
    conn.execute("UPDATE friends SET updated_at = ? WHERE id = ?", (now, friend_id))


def _namesake(friend: Friend) -> str:
    """One candidate of an ambiguous name, with where they live and their birthday to tell them apart."""
    first = friend.addresses[0] if friend.addresses else None
    where = ", ".join(p for p in (first.city if first else "", friend.country) if p)
    birthday = friend.birthday.words() if friend.birthday else ""
    return namesake_line(friend.id or 0, friend.name, friend.nickname, where, birthday)
