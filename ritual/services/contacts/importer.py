"""Importing friends from any contacts source in one transaction: match, merge, count, report."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from ritual.core.model import Friend
from ritual.services.contacts.merge import merge, snapshot
from ritual.services.contacts.outcome import (
    CREATED, SKIPPED, UNCHANGED, UPDATED, RecordOutcome, changes_detail, contact_detail, unchanged_detail,
)
from ritual.services.contacts.record import Incoming, Skipped
from ritual.store.database import Database
from ritual.store.friend_bulk import FriendBulkWriter
from ritual.store.friends import FriendRepository
from ritual.store.sources import OpenTransaction, SourceRecord, SourceStore
from ritual.clock import Clock

Batch = tuple[str, list[Incoming | Skipped]]


@dataclass(frozen=True, slots=True)
class Note:
    """Something to tell the user about one record: file, line and what happened."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


@dataclass(slots=True)
class ImportSummary:
    """What an import did (or, in a dry run, would do)."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    kept_edits: int = 0
    dry_run: bool = False
    skipped: list[Note] = field(default_factory=list)
    warnings: list[Note] = field(default_factory=list)
    outcomes: list[RecordOutcome] = field(default_factory=list)
    # The friend each record went to, in record order (None for a skipped one): lets a sync link cards.
    friend_ids: list[int | None] = field(default_factory=list)

    @property
    def skipped_count(self) -> int:
        """How many records were not imported."""
        return len(self.skipped)

    def of(self, status: str) -> list[RecordOutcome]:
        """The records with this status, in file order."""
        return [o for o in self.outcomes if o.status == status]

    def record(self, status: str, name: str, file: str, line: int, detail: str) -> None:
        """Count one record's outcome and keep it for the listing."""
        if status in (CREATED, UPDATED, UNCHANGED):
            setattr(self, status, getattr(self, status) + 1)
        self.outcomes.append(RecordOutcome(status, name, file, line, detail))


@contextmanager
def few_collections() -> Iterator[None]:
    """Read and import without the cycle collector: a large address book is hundreds of thousands of small
    objects with no cycles, and each full collection would walk them all (a fifth of a 50,000-card import)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class _DryRunFinished(Exception):
    """Raised inside the transaction so a dry run rolls everything back."""


def import_contacts(
    db: Database,
    batches: Iterable[Batch],
    source: str,
    overwrite: bool = False,
    dry_run: bool = False,
    progress: Callable[[int], None] | None = None,
    tags: tuple[str, ...] = (),
    exclude: frozenset[int] = frozenset(),
) -> ImportSummary:
    """Import every record of every batch as one transaction; a dry run does the same work, then rolls back.

    `tags` are circles for everyone imported; they are added, never part of what the file said. Friends in
    `exclude` are never matched (a sync passes those already linked to another card).
    """
    summary = ImportSummary(dry_run=dry_run)
    try:
        with db.transaction() as conn:
            importer = _Importer(conn, source, overwrite, summary, tags, db.clock)
            importer.exclude(exclude)
            for file_name, records in batches:
                for record in records:
                    importer.add(file_name, record)
                    if progress:
                        progress(1)
            importer.flush()
            if dry_run:
                raise _DryRunFinished
    except _DryRunFinished:
        pass
    return summary


class _Importer:
    """Matches each record to a stored friend (UID, then name and birthday) and writes the result."""

    def __init__(self, conn, source: str, overwrite: bool, summary: ImportSummary, tags: tuple[str, ...],
                 clock: Clock) -> None:
        self.tags = tags
        self.repo = FriendRepository(OpenTransaction(conn, clock))
        self.bulk = FriendBulkWriter(conn, clock.stamp())
        # Friends created by this import whose addresses, tags and occasions are still held by `bulk`.
        self.unread: set[int] = set()
        self.sources = SourceStore(conn, clock)
        self.pending_sources: list[SourceRecord] = []
        self.source, self.overwrite, self.summary = source, overwrite, summary
        self.friends = {f.id: f for f in self.repo.all()}
        self.last: dict[int, SourceRecord] = {}
        self.by_uid: dict[str, int] = {}
        # What each friend was called when imported: still matches after the user renames them.
        self.by_imported: dict[tuple, int] = {}
        for record in self.sources.all():
            if record.external_id:
                self.by_uid.setdefault(record.external_id, record.friend_id)
            self.by_imported.setdefault(_snapshot_key(record.imported), record.friend_id)
            if record.source == source:
                self.last[record.friend_id] = record
        self.by_key: dict[tuple, list[int]] = {}
        # Name and birthday day: the same-day match looks up its few candidates instead of every friend.
        self.by_day: dict[tuple, list[int]] = {}
        for friend in self.friends.values():
            self.by_key.setdefault(_key(friend), []).append(friend.id)
            self._index_day(friend)
        self.claimed: set[int] = set()
        self.excluded: frozenset[int] = frozenset()

    def add(self, file_name: str, record: Incoming | Skipped) -> None:
        """Import one record (or note why it was skipped)."""
        if isinstance(record, Skipped):
            self.summary.skipped.append(Note(file_name, record.line, record.reason))
            self.summary.record(SKIPPED, "", file_name, record.line, record.reason)
            self.summary.friend_ids.append(None)
            return
        self.summary.warnings += [Note(file_name, line, message) for line, message in record.warnings]
        friend_id = self._match(record)
        if friend_id is None:
            stored = self.bulk.add(_with_tags(record.friend, self.tags))
            self.unread.add(stored.id)
            self._remember(stored, record)
            self.summary.record(CREATED, stored.name, file_name, record.line, contact_detail(stored))
            self.summary.friend_ids.append(stored.id)
            return
        self._update(self.friends[friend_id], record, file_name)

    def flush(self) -> None:
        """Write everything still held: new friends' addresses, tags and occasions, and the source records."""
        self.bulk.flush()
        self.sources.save_many(self.pending_sources)
        self.pending_sources = []

    def exclude(self, friend_ids: frozenset[int]) -> None:
        """Never match these friends, not even by UID."""
        self.claimed |= friend_ids
        self.excluded = friend_ids

    def _match(self, record: Incoming) -> int | None:
        by_uid = self.by_uid.get(record.uid) if record.uid else None
        if by_uid in self.friends and by_uid not in self.excluded:
            return by_uid
        key = _key(record.friend)
        earlier = self.by_imported.get(key)
        if earlier in self.friends and earlier not in self.claimed:
            return earlier
        candidates = [i for i in self.by_key.get(key, []) if i not in self.claimed]
        if candidates:
            return candidates[0]
        return self._same_day_match(record.friend)

    def _same_day_match(self, incoming: Friend) -> int | None:
        """The one friend of that name whose birthday is the same day, one of the two years being unknown."""
        born = incoming.birthday
        if born is None or born.day is None:
            return None
        name = _key(incoming)[0]
        bucket = self.by_day.get((name, born.month, born.day))
        if not bucket:
            return None
        # The index may still hold a friend under an earlier name or birthday: check each one as it is now.
        candidates = (self.friends[i] for i in dict.fromkeys(bucket))
        found = [
            f.id for f in candidates
            if f.id not in self.claimed and _key(f)[0] == name and f.birthday is not None
            and (f.birthday.month, f.birthday.day) == (born.month, born.day)
            and None in (f.birthday.year, born.year)
        ]
        return found[0] if len(found) == 1 else None

    def _index_day(self, friend: Friend) -> None:
        if friend.birthday is not None and friend.birthday.day is not None:
            key = (_key(friend)[0], friend.birthday.month, friend.birthday.day)
            self.by_day.setdefault(key, []).append(friend.id)

    def _update(self, current: Friend, record: Incoming, file_name: str) -> None:
        if current.id in self.unread:
            # A second record for a friend this import created: merge onto the friend as stored.
            self.bulk.flush()
            self.unread.discard(current.id)
            current = self.repo.get(current.id)
        last = self.last.get(current.id)
        merged = merge(current, last.imported if last else None, record.friend, self.overwrite)
        self.summary.kept_edits += merged.kept_edits
        friend = _with_tags(merged.friend, self.tags)
        if merged.changed or friend.tags != merged.friend.tags:
            detail = changes_detail(current, friend, merged.kept)
            self.summary.record(UPDATED, friend.name, file_name, record.line, detail)
            current = self.repo.update(friend)
        else:
            self.summary.record(UNCHANGED, current.name, file_name, record.line, unchanged_detail(merged.kept))
        self.summary.friend_ids.append(current.id)
        self._remember(current, record)

    def _remember(self, friend: Friend, record: Incoming) -> None:
        self.friends[friend.id] = friend
        self.claimed.add(friend.id)
        self.by_key.setdefault(_key(friend), []).append(friend.id)
        self._index_day(friend)
        if record.uid:
            self.by_uid[record.uid] = friend.id
        previous = self.last.get(friend.id)
        imported = snapshot(record.friend)
        external = record.uid or (previous.external_id if previous else None)
        if previous and previous.imported == imported and previous.external_id == external:
            return
        saved = SourceRecord(friend.id, self.source, external, imported)
        self.by_imported.setdefault(_snapshot_key(imported), friend.id)
        self.pending_sources.append(saved)
        self.last[friend.id] = saved


def _with_tags(friend: Friend, tags: tuple[str, ...]) -> Friend:
    missing = tuple(t for t in tags if t not in friend.tags)
    return friend._replace(tags=friend.tags + missing) if missing else friend


def _key(friend: Friend) -> tuple[str, str | None]:
    return (" ".join(friend.name.split()).casefold(), friend.birthday.iso() if friend.birthday else None)


def _snapshot_key(imported: dict) -> tuple[str, str | None]:
    return (" ".join(str(imported.get("name", "")).split()).casefold(), imported.get("birthday"))
