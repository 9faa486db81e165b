"""Core objects as plain JSON-ready dicts (the shapes promised in DESIGN.md section 3)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ritual.core.model import Address, Friend, Occasion
from ritual.core.sessions import SESSION, SESSION_CONFLICT, Conflict, LetterTask, Session, SessionPlan
from ritual.text.sessions import conflict_text, session_text

if TYPE_CHECKING:
    from ritual.services.planning.week import WeekPlan


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


def session_dict(plan: SessionPlan, session: Session) -> dict:
    """A session as an agenda entry for `--json`: the usual keys, then its time and letters."""
    return {
        "date": session.day.isoformat(),
        "kind": SESSION,
        "friend": None,
        "friend_id": None,
        "occasion": None,
        "occasion_date": None,
        "reason": session_text(plan, session),
        "start": f"{session.start:%H:%M}",
        "minutes": session.minutes,
        "minutes_planned": plan.used_minutes(session),
        "extra": session.extra_id is not None,
        "letters": [_letter_dict(t) for t in plan.letters_in(session)],
    }


def conflict_dict(conflict: Conflict) -> dict:
    """A letter that fits no session, dated on its write-by day, with the options."""
    task = conflict.task
    return {
        "date": task.write_by.isoformat(),
        "kind": SESSION_CONFLICT,
        "friend": task.friend,
        "friend_id": task.friend_id,
        "occasion": task.occasion,
        "occasion_date": task.occasion_date.isoformat() if task.occasion_date else None,
        "reason": conflict_text(conflict),
        "minutes": task.minutes,
        "options": [{"kind": o.kind, "date": o.day.isoformat(), "minutes": o.minutes, "text": o.text()}
                    for o in conflict.options],
    }


def _letter_dict(task: LetterTask) -> dict:
    return {
        "friend": task.friend,
        "friend_id": task.friend_id,
        "occasion": task.occasion,
        "occasion_date": task.occasion_date.isoformat() if task.occasion_date else None,
        "write_by": task.write_by.isoformat(),
        "minutes": task.minutes,
    }


def week_entries(plan: WeekPlan) -> list[dict]:
    """The week for `--json`: the planner's items, sessions and conflicts, sorted by date then kind."""
    merged = [i.as_dict() for i in plan.items]
    merged += [session_dict(plan.session_plan, s) for s in plan.sessions]
    merged += [conflict_dict(c) for c in plan.conflicts]
    # A stable sort keeps the planner's own order (by name) within a day and kind.
    return sorted(merged, key=lambda d: (d["date"], d["kind"]))
