"""Writing sessions: the weekly slots, skips and extras, and letters placed earliest deadline first."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ritual.core.planner import AgendaItem
from ritual.core.sessions import (
    EXTRA_SESSION, WRITE_EARLIER, LetterTask, Session, SessionSlot, Skip, assign, parse_slot, sessions_between, tasks_from,
)
from ritual.errors import InvalidValue

TODAY = date(2026, 11, 25)  # a Wednesday


def task(name: str, write_by: date, minutes: int = 20, friend_id: int = 1) -> LetterTask:
    return LetterTask(friend_id, name, "birthday", write_by + timedelta(days=7), write_by, minutes)


def test_parse_slot_reads_weekday_start_and_minutes():
    assert parse_slot("Sun 10:00 60") == SessionSlot(6, time(10, 0), 60)
    assert parse_slot("wednesday 19:30 45").text() == "wed 19:30 45"


@pytest.mark.parametrize("text", ["sun 10:00", "funday 10:00 60", "sun 25:00 60", "sun 10:00 0", "sun 10:00 x"])
def test_parse_slot_names_the_bad_value(text):
    with pytest.raises(InvalidValue, match="writing_sessions"):
        parse_slot(text)


def test_weekly_sessions_skips_and_extras_between_two_days():
    slots = [SessionSlot(6, time(10), 60), SessionSlot(2, time(19, 30), 45)]
    extra = Session(date(2026, 11, 28), time(15), 30, extra_id=4)
    skips = [Skip(date(2026, 12, 2))]
    found = sessions_between(slots, [extra], skips, TODAY, date(2026, 12, 6))
    assert [(s.day, s.start) for s in found] == [
        (date(2026, 11, 25), time(19, 30)), (date(2026, 11, 28), time(15)),
        (date(2026, 11, 29), time(10)), (date(2026, 12, 6), time(10)),
    ]


def test_a_skip_with_a_start_only_skips_that_session():
    slots = [SessionSlot(6, time(10), 60), SessionSlot(6, time(17), 60)]
    found = sessions_between(slots, [], [Skip(date(2026, 11, 29), time(10))], TODAY, date(2026, 11, 29))
    assert [s.start for s in found] == [time(17)]


def test_earliest_deadline_first_into_the_earliest_session_with_room():
    wed, sun = Session(TODAY, time(19), 40), Session(date(2026, 11, 29), time(10), 60)
    tasks = [task("Late", date(2026, 12, 10)), task("Soon", date(2026, 11, 26)), task("Mid", date(2026, 11, 30)),
             task("Next", date(2026, 11, 27))]
    plan = assign([wed, sun], tasks, TODAY)
    assert [t.friend for t in plan.letters_in(wed)] == ["Soon", "Next"]
    assert [t.friend for t in plan.letters_in(sun)] == ["Mid", "Late"]
    assert plan.conflicts == [] and plan.used_minutes(wed) == 40


def test_a_letter_that_fits_nowhere_is_a_conflict_with_options():
    sun = Session(date(2026, 11, 29), time(10), 30)
    plan = assign([sun], [task("Ana", date(2026, 11, 27)), task("Ben", date(2026, 12, 1), 40)], TODAY)
    assert [(c.task.friend, [o.kind for o in c.options]) for c in plan.conflicts] == [
        ("Ana", [EXTRA_SESSION, WRITE_EARLIER]), ("Ben", [EXTRA_SESSION, WRITE_EARLIER]),
    ]
    assert plan.conflicts[0].options[0].day == date(2026, 11, 27)
    assert "on or before Fri 27 Nov" in plan.conflicts[0].options[0].text()


def test_sessions_before_today_take_no_letters():
    past = Session(date(2026, 11, 22), time(10), 60)
    plan = assign([past], [task("Ana", date(2026, 11, 27))], TODAY)
    assert plan.letters_in(past) == [] and len(plan.conflicts) == 1


def test_tasks_come_from_write_items_still_ahead_with_each_friends_minutes():
    def item(kind: str, day: date, friend_id: int) -> AgendaItem:
        return AgendaItem(day, kind, friend_id, f"F{friend_id}", "birthday", day + timedelta(days=9), "")

    items = [item("write", TODAY, 1), item("post", TODAY, 1), item("write", TODAY - timedelta(days=1), 2),
             item("write", TODAY + timedelta(days=3), 3)]
    tasks = tasks_from(items, 20, {3: 45}, TODAY)
    assert [(t.friend_id, t.minutes) for t in tasks] == [(1, 20), (3, 45)]


days = st.integers(min_value=0, max_value=30).map(lambda n: TODAY + timedelta(days=n - 3))
sessions_st = st.lists(st.builds(Session, days, st.just(time(10)), st.integers(10, 90), st.integers(1, 10_000)),
                       max_size=8, unique_by=lambda s: s.extra_id)
tasks_st = st.lists(st.builds(lambda i, d, m: task(f"F{i}", d, m, i), st.integers(1, 500), days, st.integers(5, 60)),
                    max_size=25, unique_by=lambda t: t.friend_id)


@settings(max_examples=300, deadline=None)
@given(sessions_st, tasks_st)
def test_assignment_keeps_deadlines_and_capacity_and_conflicts_are_the_overflow(sessions, tasks):
    plan = assign(sessions, tasks, TODAY)
    placed = [(s, t) for s in plan.assigned for t in plan.letters_in(s)]
    for session, letter in placed:
        assert TODAY <= session.day <= letter.write_by
    for session in plan.assigned:
        assert plan.used_minutes(session) <= session.minutes
    unplaced = [c.task for c in plan.conflicts]
    assert sorted(t.friend_id for _, t in placed) == sorted(t.friend_id for t in tasks if t not in unplaced)
    assert len(placed) + len(unplaced) == len(tasks)
    for conflict in plan.conflicts:
        # Overflow: no session it could have gone to had room left for it.
        late = conflict.task
        room = {s: s.minutes - plan.used_minutes(s) for s in sessions}
        assert not any(TODAY <= s.day <= late.write_by and room[s] >= late.minutes for s in sessions)


def test_a_sitting_ends_on_the_clock_even_past_midnight():
    from ritual.core.sessions import Session

    assert Session(TODAY, time(9, 5), 70).end() == time(10, 15)
    assert Session(TODAY, time(23, 30), 45).end() == time(0, 15)
    assert Session(TODAY, time(0, 0), 59).end() == time(0, 59)
    assert Session(TODAY, time(22, 59), 61).end() == time(0, 0)


def test_one_off_sittings_on_either_end_of_the_range_count_and_sort_after_the_recurring_ones():
    from ritual.core.sessions import Session, sessions_between

    first, last = Session(TODAY, time(19), 30, 7), Session(TODAY + timedelta(days=6), time(19), 30, 8)
    after = Session(TODAY + timedelta(days=7), time(19), 30, 9)
    found = sessions_between([], [after, last, first], [], TODAY, TODAY + timedelta(days=6))
    assert found == [first, last]
    plain, kept = Session(TODAY, time(19), 30), Session(TODAY, time(19), 30, 1)
    assert sorted([kept, plain], key=Session.sort_key) == [plain, kept]


def test_a_letter_due_today_can_only_get_an_extra_sitting_and_one_due_later_can_be_written_earlier():
    from ritual.core.sessions import EXTRA_SESSION, WRITE_EARLIER, assign

    today_plan = assign([], [task("Ana", TODAY)], TODAY)
    assert [o.kind for o in today_plan.conflicts[0].options] == [EXTRA_SESSION]
    later_plan = assign([], [task("Bo", TODAY + timedelta(days=1))], TODAY)
    assert [o.kind for o in later_plan.conflicts[0].options] == [EXTRA_SESSION, WRITE_EARLIER]
    past_plan = assign([], [task("Cy", TODAY - timedelta(days=2))], TODAY)
    assert past_plan.conflicts[0].options[0].day == TODAY


def test_a_letter_goes_into_a_sitting_on_its_write_by_day_and_two_of_one_friend_both_fit():
    from ritual.core.sessions import LetterTask, Session, assign

    sitting = Session(TODAY + timedelta(days=2), time(19), 60)
    assert Session(TODAY, time(22, 0), 60).end() == time(23, 0)
    due = [LetterTask(1, "Ana", "birthday", TODAY, TODAY + timedelta(days=2), 20),
           LetterTask(1, "Ana", None, None, TODAY + timedelta(days=2), 20)]
    plan = assign([sitting], due, TODAY)
    assert not plan.conflicts and len(plan.assigned[sitting]) == 2
