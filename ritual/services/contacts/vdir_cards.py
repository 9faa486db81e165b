"""One vdir card file read for the sync (or refused with its line), and new cards for friends made in ritual."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from ritual.core.model import Friend
from ritual.errors import InvalidValue
from ritual.services.contacts.record import Incoming, Skipped, clean_text
from ritual.services.contacts.vcard_export import file_safe_name, friend_vcard
from ritual.services.contacts.vcard_import import contact_from_card
from ritual.services.contacts.vcard_text import BrokenCard, decode_bytes, read_cards, unescape
from ritual.services.contacts.vdir_merge import synced_values

# Phones read 3.0 best, and servers such as Baikal and Nextcloud turn 4.0 into 3.0 anyway.
NEW_CARD_VERSION = "3.0"


@dataclass(frozen=True, slots=True)
class ReadCard:
    """A card as the sync sees it: its text, UID, the friend it describes and its ritual-owned values."""

    text: str
    uid: str
    incoming: Incoming
    values: dict


@dataclass(frozen=True, slots=True)
class BadCard:
    """A card file that cannot be synced, with the line where the trouble is."""

    line: int
    reason: str


def read_card(data: bytes, notes: bool) -> ReadCard | BadCard:
    """The one card of a vdir file, or why it cannot be used."""
    return card_from_text(decode_bytes(data), notes)


def card_from_text(text: str, notes: bool) -> ReadCard | BadCard:
    """The one card of a vdir file's text, or why it cannot be used."""
    cards = list(read_cards(text))
    if not cards:
        return BadCard(1, "is not a vCard (no BEGIN:VCARD found)")
    if len(cards) > 1:
        return BadCard(cards[1].line, f"holds {len(cards)} cards; a vdir keeps one card per file")
    card = cards[0]
    if isinstance(card, BrokenCard):
        return BadCard(card.line, card.reason)
    try:
        found = contact_from_card(card)
    except InvalidValue as exc:
        return BadCard(card.line, exc.message)
    if isinstance(found, Skipped):
        return BadCard(found.line, found.reason)
    values = synced_values(found.friend, notes)
    if notes:
        # Only NOTE itself: the importer also keeps a text-only birthday there, which is not the card's note.
        values["notes"] = "\n\n".join(n for n in (clean_text(unescape(p.value)) for p in card.all("NOTE")) if n)
    return ReadCard(text, found.uid or "", found, values)


def new_card(friend: Friend, uid: str, notes: bool) -> str:
    """A whole card for a friend made in ritual; their notes stay private unless notes are synced."""
    return friend_vcard(friend if notes else friend._replace(notes=""), NEW_CARD_VERSION, uid)


def new_uid(wanted: str, taken: set[str]) -> str:
    """The friend's own UID when no card in the folder has it yet; a fresh one otherwise (never two cards, one UID)."""
    return wanted if wanted and wanted not in taken else str(uuid.uuid4())


def href_stem(uid: str) -> str:
    """The file name stem for a card with this UID."""
    return file_safe_name(uid)
