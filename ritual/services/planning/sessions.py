"""Writing sessions with the user's data: settings and store in, sessions filled with letters out."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from ritual.core.planner import AgendaItem
from ritual.core.sessions import (
    SESSION, SESSION_CONFLICT, Conflict, LetterTask, Session, SessionPlan, assign, sessions_between, tasks_from,
)
from ritual.core.text import short_day
from ritual.services.planning.agenda import agenda
from ritual.settings.load import Settings
from ritual.store.database import Database
from ritual.store.projects import TO_WRITE, ProjectRepository
from ritual.store.sessions import SessionDays, WritingMinutes

# Letters are placed from today over at least this many days, so this week's sessions look the same
# whichever week is on screen.
LOOKAHEAD_DAYS = 14


def keeps_sessions(settings: Settings, db: Database) -> bool:
    """True when the user keeps weekly sessions or has added a one-off one."""
    return bool(settings.writing_sessions) or SessionDays(db).any()


def plan_sessions(settings: Settings, db: Database, today: date, through: date,
                  known: Sequence[AgendaItem] = (), known_through: date | None = None) -> SessionPlan:
    """Sessions from today to `through` (at least the look-ahead) with their letters and conflicts.

    `known` are agenda items already planned from today (or earlier) to `known_through`; only the days
    after it are planned again.
    """
    last = max(through, today + timedelta(days=LOOKAHEAD_DAYS))
    items = list(known)
    if known_through is None or known_through < today:
        items = agenda(settings, db, today, last, today, include_overdue=False)
    elif known_through < last:
        items += agenda(settings, db, known_through + timedelta(days=1), last, today, include_overdue=False)
    days = SessionDays(db)
    sittings = sessions_between(settings.writing_sessions, days.extras(today, last), days.skips(today, last), today, last)
    own = WritingMinutes(db).all()
    tasks = tasks_from(items, settings.minutes_per_letter, own, today)
    tasks += project_tasks(db, settings.minutes_per_letter, own, today, last)
    return assign(sittings, _unique(tasks), today)


def project_tasks(db: Database, default_minutes: int, own: dict[int, int], today: date, last: date) -> list[LetterTask]:
    """Cards still to write in projects with a date between today and `last`, due on that date."""
    return [
        LetterTask(m.friend_id, m.friend, p.occasion or p.name, None, p.due, own.get(m.friend_id, default_minutes))
        for p in ProjectRepository(db).all()
        if p.due is not None and today <= p.due <= last
        for m in p.members
        if m.status == TO_WRITE
    ]


def _unique(tasks: list) -> list:
    # The same write item may come from both plans where they meet; keep it once.
    return list({(t.friend_id, t.occasion, t.occasion_date): t for t in tasks}.values())


def session_dict(plan: SessionPlan, session: Session) -> dict:
    """A session as an agenda entry for `--json`: the usual keys, then its time and letters."""
    letters = plan.letters_in(session)
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
        "letters": [_letter_dict(t) for t in letters],
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


def session_text(plan: SessionPlan, session: Session) -> str:
    """`10:00, 60 minutes: write to Ana, Ben (40 minutes planned)`."""
    end = (session.start.hour * 60 + session.start.minute + session.minutes) % (24 * 60)
    head = f"Writing session {session.start:%H:%M}–{end // 60:02d}:{end % 60:02d}"
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


def _letter_dict(task) -> dict:
    return {
        "friend": task.friend,
        "friend_id": task.friend_id,
        "occasion": task.occasion,
        "occasion_date": task.occasion_date.isoformat() if task.occasion_date else None,
        "write_by": task.write_by.isoformat(),
        "minutes": task.minutes,
    }
