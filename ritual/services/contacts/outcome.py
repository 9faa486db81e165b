"""What happened to each record of a contacts import: its status, who, where, and what changed or why not."""

from __future__ import annotations

from dataclasses import dataclass

from ritual.core.dates import PartialDate
from ritual.core.model import Friend
from ritual.services.contacts.merge import snapshot

CREATED = "created"
UPDATED = "updated"
UNCHANGED = "unchanged"
SKIPPED = "skipped"
STATUSES = (CREATED, UPDATED, UNCHANGED, SKIPPED)
# How each compared field reads in a sentence; the order is the order they are told in.
FIELD_WORDS = {"name": "name", "nickname": "nickname", "birthday": "birthday", "addresses": "address",
               "notes": "notes", "tags": "circles", "occasions": "occasions"}


@dataclass(frozen=True, slots=True)
class RecordOutcome:
    """One record of a file and what the import did with it."""

    status: str
    name: str
    file: str
    line: int
    detail: str

    @property
    def where(self) -> str:
        """File and line, as the summary and the app show them."""
        return f"{self.file}:{self.line}"


def contact_detail(friend: Friend) -> str:
    """Birthday and town of a contact, as far as the file tells."""
    parts = [f"birthday {friend.birthday.words()}"] if friend.birthday else []
    if friend.addresses:
        address = friend.addresses[0]
        parts.append(", ".join(p for p in (address.city, address.country) if p))
    return " · ".join(p for p in parts if p) or "no dates or address"


def changes_detail(before: Friend, after: Friend, kept: tuple[str, ...] = ()) -> str:
    """The fields an update changed (a new birthday and new circles spelled out), and the edits it kept."""
    old, new = snapshot(before), snapshot(after)
    parts = [_change(key, old, new) for key in FIELD_WORDS if old[key] != new[key]]
    if kept:
        parts.append("kept your " + ", ".join(FIELD_WORDS.get(k, k) for k in kept))
    return "; ".join(parts)


def unchanged_detail(kept: tuple[str, ...]) -> str:
    """Why nothing changed: the file says what ritual has, or the user's edits were kept."""
    if kept:
        return "kept your " + ", ".join(FIELD_WORDS.get(k, k) for k in kept) + " (the file's differs)"
    return "the same as in ritual"


def _change(key: str, old: dict, new: dict) -> str:
    if key == "birthday" and new[key]:
        return f"birthday {PartialDate.parse(new[key]).words()}"
    if key == "tags" and set(new[key]) > set(old[key]):
        return "circles + " + ", ".join(t for t in new[key] if t not in old[key])
    return FIELD_WORDS[key]
