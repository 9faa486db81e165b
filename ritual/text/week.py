"""The week as terminal text: the planner's days with their writing sessions, and the calm notes on top."""

from __future__ import annotations

from datetime import date

from ritual.services.planning.week import WeekPlan
from ritual.text.output import Styler
from ritual.text.render import labelled, render_week
from ritual.text.sessions import conflict_text, session_text


def week_text(plan: WeekPlan, style: Styler, show_all: bool = False) -> str:
    """The whole week: notes, what is still open, then each day with its items and sessions."""
    return render_week(plan.items, plan.monday, plan.today, style, show_all, session_lines(plan, style),
                       week_notes(plan, style))


def session_lines(plan: WeekPlan, style: Styler) -> dict[date, list[str]]:
    """Each session as a line under its day."""
    lines: dict[date, list[str]] = {}
    for session in plan.sessions:
        text = labelled("session", session_text(plan.session_plan, session), style.heading)
        lines.setdefault(session.day, []).append(text)
    return lines


def week_notes(plan: WeekPlan, style: Styler) -> list[str]:
    """Calm notes for the top of the week: letters that fit no session, supplies running short."""
    lines: list[str] = []
    if plan.conflicts:
        lines += ["", style.heading("Letters without a session")]
        lines += [labelled("fit", conflict_text(c), str) for c in plan.conflicts]
    if plan.shortfalls:
        lines += ["", style.heading("Supplies")]
        lines += [labelled("supplies", s.text(), str) for s in plan.shortfalls]
    return lines
