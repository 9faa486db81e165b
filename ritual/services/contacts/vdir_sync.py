"""Two-way sync of the friends with a vdir folder: links, three-way merges, new and removed on either side.

A card is read only when its bytes changed since the last sync (content hash, never mtime), and a friend is
loaded whole only when something about them changed, so an unchanged address book costs a hash per file and
a string comparison per friend. Each linked pair is merged field by field against the values both sides
agreed on last time (`vdir_merge`); a card is rewritten atomically and only in ritual's own properties
(`vcard_patch`). Removing more than a tenth of the cards at once (and more than one) is refused without
`force`, so an emptied or unmounted folder cannot empty ritual. A dry run does all the work in a transaction
that is rolled back and writes no file.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from ritual.core.model import Friend
from ritual.services.contacts.importer import Note, import_contacts
from ritual.services.contacts.vcard_export import friend_uid
from ritual.services.contacts.vcard_patch import patch_card
from ritual.services.contacts.vcard_text import decode_bytes
from ritual.services.contacts.vdir_cards import BadCard, ReadCard, card_from_text, href_stem, new_card, new_uid, read_card
from ritual.services.contacts.vdir_files import ChangedMeanwhile, CardFile, free_href, read_folder, remove_card, write_card
from ritual.services.contacts.vdir_merge import merge_values, synced_values, values_from_facts, with_values
from ritual.services.contacts.vdir_report import MAX_REMOVED_SHARE, SyncReport, TooManyRemovals, card_name
from ritual.settings.contacts import ContactSyncSettings
from ritual.store.database import Database
from ritual.store.friends import FriendRepository
from ritual.store.sources import SourceStore
from ritual.store.vdir_state import CardState, Conflict, VdirState, synced_facts, values_json

class _DryRunFinished(Exception):
    """Raised inside the transaction so a dry run rolls everything back."""


def sync_folder(db: Database, folder: Path, options: ContactSyncSettings, now: datetime, *, dry_run: bool = False,
                force: bool = False, receives_new: bool = True) -> SyncReport:
    """Sync one vdir folder with the friends; `receives_new` gives it a card for each friend linked nowhere."""
    # One folder reached by two spellings (a symlink, `~`) must be remembered once, or every card would look new.
    folder = folder.expanduser().resolve()
    report = SyncReport(str(folder), dry_run)
    try:
        with db.transaction():
            # Read inside the transaction: a second ritual syncing the same folder waits, then sees these writes.
            files = read_folder(folder)
            _FolderSync(db, folder, options, now, report, dry_run).run(files, force, receives_new)
            if dry_run:
                raise _DryRunFinished
    except _DryRunFinished:
        pass
    return report


class _FolderSync:
    """One pass over one folder inside one transaction."""

    def __init__(self, db: Database, folder: Path, options: ContactSyncSettings, now: datetime,
                 report: SyncReport, dry_run: bool) -> None:
        """Load what the pass compares: stored values, remembered cards, their UIDs and conflicts."""
        self.db, self.folder, self.notes, self.now = db, folder, options.notes, now
        self.report, self.dry_run = report, dry_run
        self.key = str(folder)
        self.state = VdirState(db)
        self.repo = FriendRepository(db)
        self.facts = synced_facts(db)
        # Values of friends written during this pass, which the facts read at the start no longer show.
        self.current: dict[int, dict] = {}
        self.known = self.state.cards(self.key)
        self.uids = {s.uid for s in self.known.values() if s.uid}
        # Standing conflicts by card, field to the (ritual, card) values shown: where each side starts from.
        self.shown: dict[str, dict[str, tuple]] = {}
        for conflict in self.state.conflicts(self.key):
            self.shown.setdefault(conflict.href, {})[conflict.field] = (conflict.ritual_value, conflict.card_value)
        # Cards that cannot be read this time: left as they are on both sides, never taken as removed.
        self.bad: set[str] = set()
        self.updated: set[int] = set()

    def values(self, friend_id: int) -> dict:
        """A friend's ritual-owned values as they are now."""
        if friend_id not in self.current:
            self.current[friend_id] = values_from_facts(self.facts[friend_id], self.notes)
        return self.current[friend_id]

    def run(self, files: dict[str, CardFile], force: bool, receives_new: bool) -> None:
        """Classify every card, check the removals, then apply each side's changes."""
        self.read_hashes = {href: file.hash for href, file in files.items()}
        changed, new = self._read_changed(files)
        self._follow_renames(files, changed, new)
        lost_cards = [s for h, s in self.known.items() if h not in files]
        lost_friends = [s for h, s in self.known.items()
                        if h in files and h not in self.bad and s.friend_id not in self.facts]
        self._check_removals(lost_cards, lost_friends, changed, force)
        for state in lost_cards:
            self._card_removed(state)
        for state in lost_friends:
            self._guarded(self._friend_removed, state, changed.pop(state.href, None), files[state.href])
        for href, state in list(self.known.items()):
            if href in files and href not in self.bad and state.friend_id in self.facts:
                self._guarded(self._pair, state, changed.get(href), files[href])
        self._link(new, files)
        if receives_new:
            self._cards_for_unlinked()

    def _guarded(self, step, state: CardState, *args) -> bool:
        """Run one card's step in a savepoint; a card changed by another program meanwhile undoes it, for next time."""
        try:
            with self.db.transaction():
                step(state, *args)
        except ChangedMeanwhile as exc:
            self.report.skipped.append(Note(str(exc), 1, "changed while ritual was syncing it; left for the next sync"))
            return False
        return True

    def _read_changed(self, files: dict[str, CardFile]) -> tuple[dict[str, ReadCard], dict[str, ReadCard]]:
        """Parse the cards whose bytes changed: those already linked, and those never seen."""
        changed, new = {}, {}
        for href, file in sorted(files.items()):
            state = self.known.get(href)
            if state is not None and state.hash == file.hash:
                continue
            card = read_card(file.data, self.notes)
            if isinstance(card, BadCard):
                self.report.skipped.append(Note(str(self.folder / href), card.line, card.reason))
                self.bad.add(href)
                continue
            (changed if state is not None else new)[href] = card
        return changed, new

    def _follow_renames(self, files: dict[str, CardFile], changed: dict, new: dict) -> None:
        """A card whose file was renamed (same UID, old file gone) stays linked instead of removed and re-added."""
        gone = {s.uid: s for h, s in self.known.items() if h not in files and s.uid}
        for href, card in list(new.items()):
            old = gone.pop(card.uid, None) if card.uid else None
            if old is not None:
                del self.known[old.href]
                self.state.forget(self.key, old.href)
                if old.href in self.shown:
                    self.shown[href] = self.shown.pop(old.href)
                self.known[href] = CardState(self.key, href, old.uid, old.friend_id, "", old.base_json)
                changed[href] = new.pop(href)

    def _check_removals(self, lost_cards: list, lost_friends: list, changed: dict, force: bool) -> None:
        """Refuse the whole pass when it would remove too many contacts without --force."""
        count = len(lost_cards) + len([s for s in lost_friends if s.href not in changed])
        limit = max(1, int(len(self.known) * MAX_REMOVED_SHARE))
        if count > limit and not force:
            raise TooManyRemovals(
                f"{self.folder}: this sync would remove {count} of {len(self.known)} contacts "
                f"({len(lost_cards)} cards gone from the folder, {count - len(lost_cards)} friends removed in "
                "ritual); nothing was changed. If that is what you meant, run `ritual sync contacts --force`")

    def _card_removed(self, state: CardState) -> None:
        """A card gone from the folder: its friend goes too, unless edited in ritual since."""
        self.state.forget(self.key, state.href)
        if state.friend_id not in self.facts:
            return
        edited = values_json(self.values(state.friend_id)) != values_json(_comparable(state.base, self.notes))
        # A conflict never settled means ritual's side never reached the card: removing it would lose that.
        if edited or state.href in self.shown:
            # Edited in ritual since: the edit wins over the removal and the card comes back.
            self._guarded(lambda _state: self._create_card(self.repo.get(state.friend_id), state.uid), state)
            return
        self.report.friends_removed.append(self.values(state.friend_id)["name"])
        self.repo.delete(state.friend_id)
        del self.facts[state.friend_id]

    def _friend_removed(self, state: CardState, card: ReadCard | None, file: CardFile) -> None:
        """A friend removed in ritual: their card goes too, unless edited in the address book since."""
        self.state.forget(self.key, state.href)
        if card is not None:
            # Edited in the address book since: the edit wins and the friend comes back.
            self._link({state.href: card}, {state.href: file})
            return
        if not self.dry_run:
            remove_card(self.folder, state.href, file.hash)
        self.report.cards_removed.append(card_name(file, self.notes))

    def _pair(self, state: CardState, card: ReadCard | None, file: CardFile) -> None:
        """Three-way merge of one linked card and friend; writes each side only what it lacks."""
        mine = self.values(state.friend_id)
        shown = self.shown.get(state.href, {})
        if card is None and not shown and values_json(mine) == state.base_json:
            self.report.unchanged += 1
            return
        if card is None and any(key not in state.base for key in mine):
            # A field synced since the last sync (notes just opted in): the base cannot stand in for the card.
            card = self._reread(state, file)
            if card is None:
                return
        merged = merge_values(state.base, mine, card.values if card is not None else state.base, shown)
        if merged.to_ritual:
            self._update_friend(with_values(self.repo.get(state.friend_id), merged.to_ritual))
        name = self.values(state.friend_id)["name"]
        found = [Conflict(self.key, state.href, state.friend_id, k, ours, theirs)
                 for k, (ours, theirs) in merged.conflicts.items()]
        digest = file.hash
        if merged.to_card:
            text = card.text if card is not None else decode_bytes(file.data)
            digest, settled = self._rewrite(state, text, merged.to_card)
            merged.agreed.update(settled)
        elif not merged.to_ritual and not found:
            self.report.unchanged += 1
        # With a conflict standing the card no longer says what the base says: read it again next time.
        saved = state.with_base(merged.agreed, uid=card.uid if card else state.uid, hash="" if found else digest)
        if saved != state:
            self.state.save(saved, self.now)
        if found or shown:
            self.state.set_conflicts(self.key, state.href, found, self.now)
        self.report.conflicts += [(name, c) for c in found]

    def _reread(self, state: CardState, file: CardFile) -> ReadCard | None:
        """Parse a card whose bytes did not change; None (and reported) when it cannot be read."""
        card = read_card(file.data, self.notes)
        if isinstance(card, BadCard):
            self.report.skipped.append(Note(str(self.folder / state.href), card.line, card.reason))
            return None
        return card

    def _rewrite(self, state: CardState, text: str, values: dict) -> tuple[str, dict]:
        """Rewrite a card's owned fields and agree on what it reads back as."""
        new_text = patch_card(text, values)
        data = new_text.encode("utf-8")
        digest = "" if self.dry_run else write_card(self.folder, state.href, data, self.read_hashes[state.href])
        self.report.cards_updated.append(self.values(state.friend_id)["name"])
        reread = card_from_text(new_text, self.notes)
        if not isinstance(reread, ReadCard):
            return digest, {}
        # Whatever the card now says (a country written out and read back) is what both sides agree on.
        drift = {k: v for k, v in reread.values.items() if k in values and v != values[k]}
        if drift:
            self._update_friend(with_values(self.repo.get(state.friend_id), drift), report=False)
        return digest, {k: reread.values[k] for k in values}

    def _update_friend(self, friend: Friend, report: bool = True) -> None:
        """Store a changed friend and remember their values for the rest of the pass."""
        stored = self.repo.update(friend)
        self.current[stored.id] = synced_values(stored, self.notes)
        if report and stored.id not in self.updated:
            self.updated.add(stored.id)
            self.report.friends_updated.append(stored.name)

    def _link(self, new: dict[str, ReadCard], files: dict[str, CardFile]) -> None:
        """Cards never seen: matched to a friend as an import would (UID, then name and birthday), or added."""
        fresh = []
        for href, card in sorted(new.items()):
            if not self._duplicate_uid(href, card):
                fresh.append((href, card))
                self.uids.add(card.uid)
        if not fresh:
            return
        linked = frozenset(self.state.linked_friends())
        summary = import_contacts(self.db, [(self.key, [c.incoming for _, c in fresh])], "vcard", exclude=linked)
        for (href, card), friend_id, outcome in zip(fresh, summary.friend_ids, summary.outcomes):
            friend = self.repo.get(friend_id)
            self.facts.setdefault(friend_id, ())
            self.current[friend_id] = synced_values(friend, self.notes)
            if outcome.status == "created":
                self.report.friends_created.append(friend.name)
            elif outcome.status == "updated" and friend_id not in self.updated:
                self.updated.add(friend_id)
                self.report.friends_updated.append(friend.name)
            state = CardState(self.key, href, card.uid, friend_id, "", values_json(card.values))
            if not self._guarded(self._pair, state, card, files[href]):
                # Still linked (an empty hash makes the next sync read the card again), so no duplicate is made.
                self.state.save(state, self.now)

    def _duplicate_uid(self, href: str, card: ReadCard) -> bool:
        """True (and reported) when another card in the folder already has this card's UID."""
        # vdirsyncer stops at two cards with one UID: ritual never links (nor writes) a second one.
        if card.uid and card.uid in self.uids:
            self.report.skipped.append(Note(str(self.folder / href), card.incoming.line,
                                            f"has the UID {card.uid!r} of another card in the folder; skipped"))
            return True
        return False

    def _cards_for_unlinked(self) -> None:
        """A card for every friend linked to no card in any folder."""
        linked = self.state.linked_friends()
        unlinked = [friend_id for friend_id in self.facts if friend_id not in linked]
        if not unlinked:
            return
        uids = SourceStore(self.db.connection).external_ids()
        for friend_id in unlinked:
            friend = self.repo.get(friend_id)
            self._guarded(lambda _state, f=friend: self._create_card(f, friend_uid(f, uids)), None)

    def _create_card(self, friend: Friend, wanted_uid: str) -> None:
        """Write a new card for a friend and link it."""
        uid = new_uid(wanted_uid, self.uids)
        self.uids.add(uid)
        text = new_card(friend, uid, self.notes)
        href = free_href(self.folder, href_stem(uid), self.known)
        digest = "" if self.dry_run else write_card(self.folder, href, text.encode("utf-8"), None)
        reread = card_from_text(text, self.notes)
        mine = synced_values(friend, self.notes)
        base = reread.values if isinstance(reread, ReadCard) else mine
        drift = {k: v for k, v in base.items() if mine.get(k) != v}
        if drift:
            self._update_friend(with_values(friend, drift), report=False)
        else:
            self.current[friend.id] = mine
        state = CardState(self.key, href, uid, friend.id, digest, values_json(base))
        self.known[href] = state
        self.state.save(state, self.now)
        self.report.cards_created.append(friend.name)


def _comparable(base: dict, notes: bool) -> dict:
    """The base without notes when notes are not synced."""
    return base if notes else {k: v for k, v in base.items() if k != "notes"}

