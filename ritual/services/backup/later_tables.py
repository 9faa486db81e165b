"""The per-column rules of the tables added after the first backup format: cards, vCard folders, calendars,
import sources, reminder deliveries, export targets, the holiday cache and meta.

Each value is checked as the code that writes it would write it, so a tampered row is refused with its path
instead of being restored into a home that later commands cannot read.
"""

from __future__ import annotations

import json

from ritual.errors import InvalidValue
from ritual.services.backup.checks import Check, day, one_of, stamp, text, whole

_ID = whole(1)
_REF = whole(1)
_LINE = text("stored text")
_NOTE = text("notes")
_NOTE_OR_NONE = text("notes", optional=True)
# Reminder claims and deliveries, as ritual/store/deliveries.py writes them.
DELIVERY_STATES = ("claimed", "delivered", "failed", "uncertain")
CARD_ENDINGS = ("", "skipped", "given")


def document_text(value: object, field: str) -> None:
    """A whole stored document (a vCard as last synced, a settings text): any text; its own format may use CRs."""
    if not isinstance(value, str):
        raise InvalidValue(field, value, "must be text")


def json_object(value: object, field: str) -> None:
    """The values last imported for a friend: a JSON object, as the importer stores it."""
    try:
        found = json.loads(value) if isinstance(value, str) else None
    except ValueError:
        found = None
    if not isinstance(found, dict):
        raise InvalidValue(field, value, "must be a JSON object of imported values")


def card_row(row: dict) -> None:
    """A card's steps in order (written, posted, arrived) and an ending with its day, as the cards table demands."""
    if row.get("posted_on") is not None and row.get("written_on") is None:
        raise InvalidValue("posted_on", row.get("posted_on"), "is set, but the card was never written")
    if row.get("arrived_on") is not None and row.get("posted_on") is None:
        raise InvalidValue("arrived_on", row.get("arrived_on"), "is set, but the card was never posted")
    if (row.get("ending", "") == "") != (row.get("ended_on") is None):
        raise InvalidValue("ended_on", row.get("ended_on"), "must be given exactly when the card has an ending")
    if not str(row.get("occasion", "")).strip():
        raise InvalidValue("occasion", row.get("occasion"), "must name the occasion")


COLUMNS: dict[str, dict[str, Check]] = {
    "cards": {
        "id": _ID, "friend_id": _REF, "occasion": text("occasion"), "occasion_date": day(False),
        "written_on": day(), "posted_on": day(), "arrived_on": day(), "ending": one_of(*CARD_ENDINGS),
        "ended_on": day(), "note": text("note"), "updated_at": stamp(),
    },
    "vdir_cards": {
        "vdir": _LINE, "href": _LINE, "uid": text("uid"), "friend_id": whole(1, True), "hash": _LINE,
        "base": document_text, "synced_at": stamp(),
    },
    "vdir_conflicts": {
        "vdir": _LINE, "href": _LINE, "friend_id": _REF, "field": _LINE, "ritual_value": _NOTE,
        "card_value": _NOTE, "found_at": stamp(),
    },
    "calendar_revisions": {"uid": _LINE, "digest": _LINE, "sequence": whole(0), "modified": stamp()},
    "friend_sources": {
        "friend_id": _REF, "source": _LINE, "external_id": text("uid", optional=True), "imported": json_object,
        "imported_at": stamp(),
    },
    "reminder_deliveries": {
        "key": _LINE, "kind": _LINE, "friend_id": whole(1, True), "due_at": stamp(),
        "state": one_of(*DELIVERY_STATES), "claimed_by": _LINE, "claimed_at": stamp(), "attempts": whole(0),
        "delivered_at": stamp(optional=True), "notifier": text("stored text", optional=True), "late": one_of(0, 1),
        "last_error": _NOTE_OR_NONE, "reported_at": stamp(optional=True),
    },
    "export_targets": {
        "target": _LINE, "fingerprint": text("stored text", optional=True), "refreshed_at": stamp(optional=True),
        "changed_at": stamp(optional=True), "events": whole(0, True), "last_error": _NOTE_OR_NONE,
        "failed_at": stamp(optional=True),
    },
    "holiday_years": {"country": _LINE, "year": whole(1), "library_version": _LINE},
    "public_holidays": {"country": _LINE, "day": day(False), "name": _LINE},
    "meta": {"key": _LINE, "value": document_text},
}
ROWS = {"cards": card_row}
