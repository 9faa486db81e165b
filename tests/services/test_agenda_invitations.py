"""A plan asked for invitations only up to a day loads no friend for a later one, and keeps everything else."""

from __future__ import annotations

from datetime import date, timedelta

from ritual.core.dates import PartialDate
from ritual.core.model import Friend
from ritual.core.planner import KEEP_IN_TOUCH
from ritual.paths import Paths
from ritual.services.planning.agenda import agenda
from ritual.settings.load import load_settings
from ritual.store.database import open_database
from ritual.store.friends import FriendRepository

TODAY = date(2026, 11, 30)
SUNDAY = date(2026, 12, 6)
END = date(2026, 12, 14)


def _home(tmp_path):
    paths = Paths.under(tmp_path)
    db = open_database(paths.database)
    FriendRepository(db).add_many([
        # Due on Thursday, inside the days asked for.
        Friend("Ana", cadence_days=30, last_sent=SUNDAY - timedelta(days=33)),
        # Due on 10 December: after them, and nothing else brings her in.
        Friend("Bea", cadence_days=30, last_sent=END - timedelta(days=34)),
        # Overdue since October: still open, so always asked for.
        Friend("Cy", cadence_days=30, last_sent=date(2026, 9, 1)),
        # A birthday on 14 December to write for, and an invitation due on 11 December.
        Friend("Dee", birthday=PartialDate(12, 14, 1990), cadence_days=60, last_sent=END - timedelta(days=63)),
    ])
    return load_settings(paths), db


def test_invitations_after_the_day_asked_for_are_left_out(tmp_path):
    settings, db = _home(tmp_path)
    full = agenda(settings, db, TODAY, END, TODAY)
    limited = agenda(settings, db, TODAY, END, TODAY, invitations_until=SUNDAY)
    hellos = lambda items: {i.friend for i in items if i.kind == KEEP_IN_TOUCH}  # noqa: E731
    assert hellos(full) == {"Ana", "Bea", "Cy", "Dee"}
    assert "Bea" not in hellos(limited) and {"Ana", "Cy"} <= hellos(limited)


def test_everything_up_to_that_day_and_every_letter_to_write_stay(tmp_path):
    settings, db = _home(tmp_path)
    full = agenda(settings, db, TODAY, END, TODAY)
    limited = agenda(settings, db, TODAY, END, TODAY, invitations_until=SUNDAY)
    assert [i for i in limited if i.date <= SUNDAY] == [i for i in full if i.date <= SUNDAY]
    assert [i for i in limited if i.kind != KEEP_IN_TOUCH] == [i for i in full if i.kind != KEEP_IN_TOUCH]
    assert any(i.friend == "Dee" and i.kind == "write" for i in limited)
