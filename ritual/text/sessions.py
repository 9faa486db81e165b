"""Writing sessions in words: a session's line and a letter that fits no session, for the terminal and calendars."""

from __future__ import annotations

from ritual.core.sessions import Conflict, Session, SessionPlan
from ritual.core.text import short_day


def session_text(plan: SessionPlan, session: Session) -> str:
    """`Writing session 10:00–11:00: write to Ana, Ben (40 of 60 minutes)`."""
    head = f"Writing session {session.start:%H:%M}–{session.end():%H:%M}"
    letters = plan.letters_in(session)
    if not letters:
        return head + ": no letters due yet, time for a letter of your choice"
    names = ", ".join(t.friend for t in letters)
    return f"{head}: write to {names} ({plan.used_minutes(session)} of {session.minutes} minutes)"


def conflict_text(conflict: Conflict) -> str:
    """Which letter did not fit, and what would make room."""
    task = conflict.task
    choices = "; or ".join(o.text() for o in conflict.options)
    return f"No session before {short_day(task.write_by)} has room for the letter to {task.friend}: {choices}"
