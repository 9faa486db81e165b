"""The store's narrowing of friends for a plan never changes the plan itself."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ritual.core.dates import PartialDate
from ritual.core.model import Friend, Occasion
from ritual.core.planner import PlanRules, occasion_window, plan
from ritual.core.postal import MailCalendar, TransitTable
from ritual.services.demo.build import demo_friends
from ritual.store.database import open_database
from ritual.store.friends import FriendRepository

RULES = PlanRules(
    home_country="US",
    transit=TransitTable(domestic=2, same_region=5, world=10, overrides={"BR": 15}),
    mail=MailCalendar(frozenset(range(6)), frozenset({date(2026, 12, 25), date(2027, 1, 1)})),
    writing_lead_days=2,
)


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    db = open_database(tmp_path_factory.mktemp("filter") / "ritual.db")
    repo = FriendRepository(db)
    repo.add_many(demo_friends(400, 11, date(2026, 11, 25)))
    repo.add_many(
        [
            Friend(name="Leap mar1", birthday=PartialDate(2, 29), feb29="mar1"),
            Friend(name="Leap feb28", birthday=PartialDate(2, 29, 1996)),
            Friend(name="New Year", birthday=PartialDate(1, 1), occasions=(Occasion("party", PartialDate(12, 31)),)),
            Friend(name="Once", occasions=(Occasion("move", PartialDate(3, 2, 2027), yearly=False),)),
        ]
    )
    from ritual.core.letters import Letter
    from ritual.store.letters import LetterRepository

    letters = LetterRepository(db)
    for friend_id, day in ((3, date(2026, 10, 30)), (50, date(2027, 2, 20)), (51, date(2025, 12, 28))):
        letters.add(Letter(friend_id, "received", day))
    yield repo
    db.close()


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.dates(min_value=date(2025, 1, 1), max_value=date(2028, 12, 31)),
    st.integers(0, 400),
    st.integers(-60, 60),
    st.booleans(),
)
@example(start=date(2027, 1, 18), span=0, today_offset=0, include_overdue=False)  # window ends on Feb 28
@example(start=date(2027, 3, 1), span=0, today_offset=0, include_overdue=False)  # window starts on Mar 1
@example(start=date(2026, 12, 20), span=20, today_offset=0, include_overdue=True)  # across the new year
def test_narrowed_subjects_give_the_same_plan(repo, start, span, today_offset, include_overdue):
    end = start + timedelta(days=span)
    today = start + timedelta(days=today_offset)
    window = occasion_window(RULES, start, end, today, include_overdue)
    everyone = plan(repo.subjects(), RULES, start, end, today, include_overdue)
    narrowed = plan(repo.subjects(window, due_by=end), RULES, start, end, today, include_overdue)
    assert narrowed == everyone


def test_a_week_loads_only_a_fraction_of_the_friends(repo):
    start, today = date(2026, 11, 23), date(2026, 11, 25)
    end = start + timedelta(days=6)
    window = occasion_window(RULES, start, end, today, True)
    assert len(repo.subjects(window, due_by=end)) < len(repo.subjects()) / 2
