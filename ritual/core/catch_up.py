"""Many reminders due at once become one calm summary instead of a notification each."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import datetime

from ritual.core.planner import KEEP_IN_TOUCH, OCCASION, POST, REPLY_OWED, WRITE
from ritual.core.reminders import DIGEST, Reminder
from ritual.core.sessions import SESSION
from ritual.core.text import short_day

SUMMARY = "summary"
# More than this many reminders due in one round are delivered as one summary.
SUMMARY_AFTER = 3
# The summary names this many reminders; the rest are counted.
_LISTED = 12
# How each kind is counted, in this order: (one, many).
_COUNTED = (
    (WRITE, "card to write", "cards to write"),
    (POST, "to post", "to post"),
    (OCCASION, "day to remember", "days to remember"),
    (REPLY_OWED, "letter waiting for a reply", "letters waiting for a reply"),
    (KEEP_IN_TOUCH, "friend who might enjoy a letter", "friends who might enjoy a letter"),
    (SESSION, "writing session", "writing sessions"),
    (DIGEST, "weekly overview", "weekly overviews"),
)


def needs_summary(reminders: Sequence[Reminder]) -> bool:
    """True when this many reminders at once would be a flood."""
    return len(reminders) > SUMMARY_AFTER


def counts_line(reminders: Sequence[Reminder]) -> str:
    """`3 cards to write, 2 to post, 1 day to remember`."""
    tally = Counter(r.kind for r in reminders)
    parts = [f"{tally[kind]} {one if tally[kind] == 1 else many}" for kind, one, many in _COUNTED if tally[kind]]
    others = sum(count for kind, count in tally.items() if kind not in {k for k, _, _ in _COUNTED})
    if others:
        parts.append(f"{others} more")
    return ", ".join(parts)


def summarise(reminders: Sequence[Reminder], now: datetime, away: bool) -> Reminder:
    """One reminder that stands for all of `reminders`; `away` when some of them were missed (late)."""
    lead = "While you were away" if away else "Waiting for you"
    listed = [f"{short_day(r.day)}  {_line(r)}" for r in reminders[:_LISTED]]
    if len(reminders) > _LISTED:
        listed.append(f"and {len(reminders) - _LISTED} more: `ritual week` shows them all")
    return Reminder(
        key=f"{SUMMARY}/-/-/{now.isoformat(timespec='seconds')}",
        kind=SUMMARY,
        due=now,
        day=now.date(),
        friend_id=None,
        friend="",
        occasion=None,
        occasion_date=None,
        title=f"{lead}: {counts_line(reminders)}",
        body="\n".join(["No hurry: here is what is waiting, all in one place.", *listed]),
    )


def _line(reminder: Reminder) -> str:
    """What one reminder was about, in words that still read right days later."""
    if reminder.kind == OCCASION:
        return f"{reminder.friend}'s {reminder.occasion}"
    if reminder.kind in (DIGEST, SESSION) or not reminder.body:
        return reminder.title
    return reminder.body.splitlines()[0]
