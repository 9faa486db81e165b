"""The week as the app shows it: the planner's items with the sessions, unplaced letters and supplies notes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from ritual.core.planner import AgendaItem
from ritual.services.planning.agenda import agenda
from ritual.services.planning.week_extras import WeekExtras, plan_through, week_extras
from ritual.store.database import open_database

SESSION = "session"
SESSION_CONFLICT = "session_conflict"


@dataclass
class WeekPlan:
    """Items of one week (and what is still open), with its sessions and calm notes."""

    monday: date
    items: list[AgendaItem]
    extras: WeekExtras = field(default_factory=WeekExtras)

    def sessions_on(self, day: date) -> list[tuple[int, dict]]:
        """(index, session entry) of the sessions on `day`, in time order."""
        return [(i, e) for i, e in enumerate(self.extras.entries)
                if e["kind"] == SESSION and e["date"] == day.isoformat()]

    def conflicts(self) -> list[dict]:
        """Letters due this week that fit in no session."""
        return [e for e in self.extras.entries if e["kind"] == SESSION_CONFLICT]

    def session(self, index: int) -> dict:
        """One session entry by its index."""
        return self.extras.entries[index]


def plan_week(data, monday: date) -> WeekPlan:
    """*worker*: the week holding `monday`, planned as `ritual week` plans it, on the worker's own connection."""
    today = data.today()
    sunday = monday + timedelta(days=6)
    db = open_database(data.db.path)
    try:
        # One plan reaches as far as this week's sessions look ahead, so their letters cost no second plan.
        through = plan_through(data.settings, db, monday, today)
        items = agenda(data.settings, db, monday, through, today)
        extras = week_extras(data.settings, db, items, monday, today, through)
    finally:
        db.close()
    return WeekPlan(monday, [i for i in items if i.date <= sunday], extras)
