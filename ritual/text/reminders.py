"""Reminders as text and JSON for `ritual remind`: what is coming, what would go out, what went out."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, tzinfo

from ritual.core.reminders import Reminder
from ritual.core.text import short_day


def reminder_line(reminder: Reminder, zone: tzinfo, late: bool = False) -> str:
    """`Sun 29 Nov 09:00  A good day to write to Ana`."""
    local = reminder.due.astimezone(zone)
    mark = "  (late)" if late else ""
    return f"{short_day(local.date())} {local:%H:%M}  {reminder.title}{mark}"


def describe_pending(pending: list[Reminder], late: list[bool], zone: tzinfo, as_json: bool) -> str:
    """What a catch-up would deliver right now (`late` says, for each, whether it comes late)."""
    from ritual.core.catch_up import needs_summary

    if as_json:
        rows = [{**r.as_dict(), "late": flag} for r, flag in zip(pending, late)]
        return json.dumps(rows, ensure_ascii=False, indent=2)
    if not pending:
        return "Nothing is waiting to be delivered."
    lines = [reminder_line(r, zone, flag) for r, flag in zip(pending, late)]
    lead = "Would deliver as one summary:" if needs_summary(pending) else "Would deliver:"
    return lead + "\n" + "\n".join(f"  {line}" for line in lines)


def describe_outcomes(outcomes) -> str:
    """The result of a catch-up as JSON: each reminder, whether it was late, and who delivered it."""
    rows = [{**o.reminder.as_dict(), "late": o.late, "notifier": o.notifier} for o in outcomes]
    return json.dumps(rows, ensure_ascii=False, indent=2)


@dataclass(frozen=True)
class ReminderStatus:
    """What `remind --status` shows: coming, delivered, interrupted, and each notifier's state."""

    coming: list[Reminder]
    recent: list
    uncertain: list
    notifiers: list[tuple[str, str | None]]


def describe_status(status: ReminderStatus, zone: tzinfo, as_json: bool) -> str:
    """The next reminders, the last delivered, any interrupted, and each notifier's state here."""
    if as_json:
        return json.dumps(_status_dict(status), ensure_ascii=False, indent=2)
    lines = ["Next reminders:"]
    lines += [f"  {reminder_line(r, zone)}" for r in status.coming] or ["  none in the next two weeks"]
    lines.append("Last delivered:")
    lines += [f"  {d.delivered_at.astimezone(zone):%Y-%m-%d %H:%M}  {d.key}  by {d.notifier}"
              + ("  (late)" if d.late else "") for d in status.recent] or ["  nothing yet"]
    if status.uncertain:
        lines.append("Interrupted while being sent (not sent again; they may not have reached you):")
        lines += [f"  {u.tried_at.astimezone(zone):%Y-%m-%d %H:%M}  {u.key}" for u in status.uncertain]
    lines.append("Notifiers, in order:")
    lines += [f"  {name}: {'works here' if reason is None else reason}" for name, reason in status.notifiers]
    return "\n".join(lines)


def _status_dict(status: ReminderStatus) -> dict:
    return {
        "next": [r.as_dict() for r in status.coming],
        "delivered": [{"key": d.key, "delivered_at": d.delivered_at.isoformat(), "notifier": d.notifier,
                       "late": d.late} for d in status.recent],
        "uncertain": [{"key": u.key, "due_at": u.due_at.isoformat(), "tried_at": u.tried_at.isoformat()}
                      for u in status.uncertain],
        "notifiers": [{"name": name, "works": reason is None, "reason": reason} for name, reason in status.notifiers],
    }


def sample_reminder(now: datetime) -> Reminder:
    """A harmless reminder for `ritual remind test`."""
    return Reminder(
        key="test/-/-/-", kind="test", due=now, day=now.date(), friend_id=None, friend="", occasion=None,
        occasion_date=None, title="ritual can reach you here",
        body="This is how your reminders to write and post will arrive.",
    )


TOAST_LINES = 4
# Rows the headline and body take together at the toast's width: under half of an 80×24 screen.
TOAST_ROWS = 8


def brief(body: str, most: int = TOAST_LINES, width: int | None = None, title: str = "") -> str:
    """A long body cut to its first lines and a count of the rest: a toast must not cover the screen at 80×24.

    With `width`, lines also stop once the title and body would wrap past TOAST_ROWS rows at that width.
    """
    lines = body.splitlines()
    room = TOAST_ROWS - _rows(title, width) if width else None
    kept: list[str] = []
    for index, line in enumerate(lines):
        rest = len(lines) - index
        more = "" if rest == 1 else _more(rest)
        fits = room is None or not kept or _rows("\n".join([*kept, line, more]), width) <= room
        if index == most - 1 and rest > 1 or not fits:
            return "\n".join([*kept, _more(rest)])
        kept.append(line)
    return body


def _more(count: int) -> str:
    return f"… and {count} more: the week shows them all (w)"


def _rows(text: str, width: int | None) -> int:
    """Rows `text` takes wrapped at `width` (each line at least one)."""
    import textwrap

    if not text or not width:
        return 0
    return sum(max(1, len(textwrap.wrap(line, width))) for line in text.splitlines())
