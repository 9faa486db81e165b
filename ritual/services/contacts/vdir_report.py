"""What a contacts sync did, folder by folder, and the refusal of a sync that would remove too much."""

from __future__ import annotations

from dataclasses import dataclass, field

from ritual.errors import RitualError
from ritual.services.contacts.importer import Note
from ritual.services.contacts.vdir_cards import ReadCard, read_card
from ritual.services.contacts.vdir_files import CardFile
from ritual.store.vdir_state import Conflict

# More than this share of the known cards removed in one sync needs --force.
MAX_REMOVED_SHARE = 0.10


class TooManyRemovals(RitualError):
    """A sync would remove more cards or friends than is safe without --force."""

    exit_code = 1


@dataclass(slots=True)
class SyncReport:
    """What one folder's sync did (or, in a dry run, would do), by name."""

    folder: str
    dry_run: bool = False
    friends_created: list[str] = field(default_factory=list)
    friends_updated: list[str] = field(default_factory=list)
    friends_removed: list[str] = field(default_factory=list)
    cards_created: list[str] = field(default_factory=list)
    cards_updated: list[str] = field(default_factory=list)
    cards_removed: list[str] = field(default_factory=list)
    conflicts: list[tuple[str, Conflict]] = field(default_factory=list)
    skipped: list[Note] = field(default_factory=list)
    unchanged: int = 0

    @property
    def changed(self) -> bool:
        """True when anything was (or would be) written on either side."""
        return any((self.friends_created, self.friends_updated, self.friends_removed, self.cards_created,
                    self.cards_updated, self.cards_removed))


def card_name(file: CardFile, notes: bool) -> str:
    """The name a card file shows, for reports about it (its file name when it names nobody)."""
    card = read_card(file.data, notes)
    return card.incoming.friend.name if isinstance(card, ReadCard) else file.href
