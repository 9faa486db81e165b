"""The week, composed once: the planner's items, its writing sessions with their letters, letters that fit no
session, supplies running short, and one line from the same week in earlier years. `ritual week`, its JSON and the app all ask this one function."""

from collections.abc import Sequence
from datetime import date, timedelta
from typing import NamedTuple

from ritual.core.dates import monday_of
from ritual.core.planner import AgendaItem
from ritual.core.sessions import Conflict, LetterTask, Session, SessionPlan
from ritual.core.supplies import Shortfall, needed, shortfalls
from ritual.services.letters.remembering import on_this_day_line
from ritual.services.planning.agenda import agenda
from ritual.services.planning.sessions import LOOKAHEAD_DAYS, keeps_sessions, plan_sessions
from ritual.settings.load import Settings
from ritual.store.database import Database
from ritual.store.supplies import SupplyRepository


class WeekPlan(NamedTuple):
    """One week, Monday to Sunday: what is due (with what is still open), its sessions and its calm notes."""

    monday: date
    today: date
    items: list[AgendaItem]
    sessions: Sequence[Session] = ()
    # One empty plan shared by every week without sessions: nothing adds to a plan once it is made.
    session_plan: SessionPlan = SessionPlan([])
    conflicts: Sequence[Conflict] = ()
    shortfalls: Sequence[Shortfall] = ()
    on_this_day: str = ""  # one line from the same week in an earlier year, if the box holds one

    @property
    def sunday(self) -> date:
        """The last day of the week."""
        return self.monday + timedelta(days=6)

    def sessions_on(self, day: date) -> list[Session]:
        """The sessions on `day`, in time order."""
        return [s for s in self.sessions if s.day == day]

    def letters_in(self, session: Session) -> list[LetterTask]:
        """The letters placed in `session`, earliest deadline first."""
        return self.session_plan.letters_in(session)


def week(settings: Settings, db: Database, day: date, today: date) -> WeekPlan:
    """The week holding `day`, planned as of `today`."""
    monday = monday_of(day)
    sunday = monday + timedelta(days=6)
    sessions_kept = sunday >= today and keeps_sessions(settings, db)
    # One plan reaches as far as this week's sessions look ahead, so their letters cost no second plan.
    through = max(sunday, today + timedelta(days=LOOKAHEAD_DAYS)) if sessions_kept and monday <= today else sunday
    # Past Sunday only the letters to write matter (for the sessions): no friend is loaded for an invitation there.
    items = agenda(settings, db, monday, through, today, invitations_until=sunday)
    shown = [i for i in items if i.date <= sunday]
    plan = SessionPlan([])
    if sessions_kept:
        known = (items, through) if monday <= today else ((), None)
        plan = plan_sessions(settings, db, today, sunday, *known)
    on_hand = SupplyRepository(db).all()
    return WeekPlan(
        monday=monday,
        today=today,
        items=shown,
        sessions=[s for s in plan.sessions if monday <= s.day <= sunday],
        session_plan=plan,
        conflicts=[c for c in plan.conflicts if c.task.write_by <= sunday],
        shortfalls=shortfalls(needed(shown, settings.home_country), on_hand) if on_hand else [],
        on_this_day=on_this_day_line(db, monday),
    )
