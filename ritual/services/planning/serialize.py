"""Core objects as plain JSON-ready dicts (the shapes promised in DESIGN.md section 3)."""

from __future__ import annotations

from ritual.core.model import Address, Friend, Occasion


def address_dict(address: Address) -> dict:
    """An address as a dict with `country` as an ISO code (or null)."""
    return {
        "label": address.label,
        "lines": list(address.lines),
        "city": address.city,
        "region": address.region,
        "postal_code": address.postal_code,
        "country": address.country or None,
    }


def occasion_dict(occasion: Occasion) -> dict:
    """An occasion with its date in the contract's ISO-like form."""
    return {
        "id": occasion.id,
        "name": occasion.name,
        "date": occasion.date.iso(),
        "yearly": occasion.yearly,
        "card": occasion.card,
    }


def friend_dict(friend: Friend) -> dict:
    """A friend as `ritual friend list --json` prints it."""
    return {
        "id": friend.id,
        "name": friend.name,
        "nickname": friend.nickname,
        "birthday": friend.birthday.iso() if friend.birthday else None,
        "feb29": friend.feb29,
        "birthday_card": friend.birthday_card,
        "tags": list(friend.tags),
        "relationship": friend.relationship,
        "how_met": friend.how_met,
        "notes": friend.notes,
        "keep_in_touch_days": friend.cadence_days,
        "last_sent": friend.last_sent.isoformat() if friend.last_sent else None,
        "last_received": friend.last_received.isoformat() if friend.last_received else None,
        "addresses": [address_dict(a) for a in friend.addresses],
        "occasions": [occasion_dict(o) for o in friend.occasions],
    }
