"""What the week shows besides the planner's items: writing sessions, letters that fit no session, supplies."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from ritual.core.planner import AgendaItem
from ritual.core.supplies import Shortfall, needed, shortfalls
from ritual.text.output import Styler
from ritual.text.render import wrap
from ritual.services.planning.sessions import LOOKAHEAD_DAYS, conflict_dict, keeps_sessions, plan_sessions, session_dict
from ritual.settings.load import Settings
from ritual.store.database import Database
from ritual.store.supplies import SupplyRepository

_LABEL = "  {:<8} "


@dataclass
class WeekExtras:
    """Sessions and conflicts as agenda entries, and the supplies that fall short."""

    entries: list[dict] = field(default_factory=list)
    shortfalls: list[Shortfall] = field(default_factory=list)

    def day_lines(self, style: Styler) -> dict[date, list[str]]:
        """Each session as a line under its day."""
        lines: dict[date, list[str]] = {}
        for entry in self.entries:
            if entry["kind"] == "session":
                text = wrap(entry["reason"], _LABEL.format("session"))
                lines.setdefault(date.fromisoformat(entry["date"]), []).append(text.replace("session", style.heading("session"), 1))
        return lines

    def notes(self, style: Styler) -> list[str]:
        """Calm notes for the top of the week: letters that fit no session, supplies running short."""
        lines: list[str] = []
        conflicts = [e for e in self.entries if e["kind"] == "session_conflict"]
        if conflicts:
            lines += ["", style.heading("Letters without a session")]
            lines += [wrap(e["reason"], _LABEL.format("fit")) for e in conflicts]
        if self.shortfalls:
            lines += ["", style.heading("Supplies")]
            lines += [wrap(s.text(), _LABEL.format("supplies")) for s in self.shortfalls]
        return lines


def plan_through(settings: Settings, db: Database, monday: date, today: date) -> date:
    """The last day to plan: the Sunday, or the sessions' look-ahead when this week's sessions need it."""
    sunday = monday + timedelta(days=6)
    if monday <= today <= sunday and keeps_sessions(settings, db):
        return max(sunday, today + timedelta(days=LOOKAHEAD_DAYS))
    return sunday


def week_extras(settings: Settings, db: Database, items: Sequence[AgendaItem], monday: date, today: date,
                through: date | None = None) -> WeekExtras:
    """Sessions of the week with their letters, letters due this week that fit none, and supplies short.

    `items` are planned from `monday` (with what is still open) to `through` (the Sunday when not given).
    """
    sunday = monday + timedelta(days=6)
    extras = WeekExtras()
    if sunday >= today and keeps_sessions(settings, db):
        known = (items, through or sunday) if monday <= today else ((), None)
        plan = plan_sessions(settings, db, today, sunday, *known)
        extras.entries += [session_dict(plan, s) for s in plan.sessions if monday <= s.day <= sunday]
        extras.entries += [conflict_dict(c) for c in plan.conflicts if c.task.write_by <= sunday]
    on_hand = SupplyRepository(db).all()
    if on_hand:
        extras.shortfalls = shortfalls(needed([i for i in items if i.date <= sunday], settings.home_country), on_hand)
    return extras


def merged_json(items: Sequence[AgendaItem], extras: WeekExtras) -> list[dict]:
    """The planner's items and the extra entries in one list, sorted by date then kind."""
    merged = [i.as_dict() for i in items] + extras.entries
    # A stable sort keeps the planner's own order (by name) within a day and kind.
    return sorted(merged, key=lambda d: (d["date"], d["kind"]))
