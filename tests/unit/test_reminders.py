"""Deriving reminders from planner items: keys, local times, quiet hours, DST, mute, gentle hellos, digest."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from ritual.core.planner import KEEP_IN_TOUCH, OCCASION, POST, WRITE, AgendaItem
from ritual.core.reminders import (
    DIGEST, QuietHours, ReminderRules, derive, due_at, invitation_allowed, reminder_key, session_reminders,
)
from ritual.core.sessions import LetterTask, Session, SessionPlan

BERLIN = ZoneInfo("Europe/Berlin")
NO_DIGEST = ReminderRules(digest_weekday=None)


def item(kind: str, day: date, friend_id: int = 1, name: str = "Ana", occ: date | None = date(2026, 12, 3)):
    """A planner item as the planner would shape it."""
    occasion = None if kind == KEEP_IN_TOUCH else "birthday"
    return AgendaItem(day, kind, friend_id, name, occasion, None if kind == KEEP_IN_TOUCH else occ,
                      f"{kind} for {name}", post_by=date(2026, 11, 30))


def test_each_item_becomes_one_reminder_with_a_stable_key_at_nine():
    items = [item(WRITE, date(2026, 11, 28)), item(POST, date(2026, 11, 30)), item(OCCASION, date(2026, 12, 3))]
    found = derive(items, NO_DIGEST, BERLIN, date(2026, 11, 25), date(2026, 12, 5))
    assert [r.key for r in found] == [
        "write/1/birthday/2026-12-03", "post/1/birthday/2026-12-03", "occasion/1/birthday/2026-12-03",
    ]
    assert all(r.due.astimezone(BERLIN).time() == time(9, 0) for r in found)
    again = derive(list(reversed(items)), NO_DIGEST, BERLIN, date(2026, 11, 20), date(2026, 12, 31))
    assert [r.key for r in again] == [r.key for r in found]


def test_only_days_inside_the_window_are_kept():
    items = [item(WRITE, date(2026, 11, 28)), item(POST, date(2026, 11, 30))]
    found = derive(items, NO_DIGEST, BERLIN, date(2026, 11, 29), date(2026, 11, 30))
    assert [r.kind for r in found] == [POST]


def test_a_kind_can_have_its_own_time():
    rules = ReminderRules(kind_times={POST: time(8, 30)}, digest_weekday=None)
    found = derive([item(POST, date(2026, 11, 30))], rules, BERLIN, date(2026, 11, 30), date(2026, 11, 30))
    assert found[0].due == datetime(2026, 11, 30, 8, 30, tzinfo=BERLIN)


@pytest.mark.parametrize(
    ("wall", "expected"),
    [
        (time(23, 0), datetime(2026, 5, 2, 8, 0)),  # late evening waits for the next morning
        (time(6, 15), datetime(2026, 5, 1, 8, 0)),  # early morning waits for the end the same day
        (time(9, 0), datetime(2026, 5, 1, 9, 0)),
        (time(22, 0), datetime(2026, 5, 2, 8, 0)),  # the start is inside, the end is not
    ],
)
def test_quiet_hours_hold_reminders_until_they_end(wall, expected):
    assert due_at(date(2026, 5, 1), wall, ReminderRules(), BERLIN) == expected.replace(tzinfo=BERLIN)


def test_quiet_hours_within_one_day_and_none_at_all():
    afternoon = QuietHours(time(13, 0), time(15, 0))
    assert afternoon.holds(time(14, 0)) and not afternoon.holds(time(15, 0)) and not afternoon.holds(time(9, 0))
    rules = ReminderRules(quiet=None)
    assert due_at(date(2026, 5, 1), time(23, 30), rules, BERLIN).hour == 23


@pytest.mark.parametrize(
    ("zone", "day", "offsets"),
    [
        ("Europe/Berlin", date(2026, 3, 29), (1, 2)),
        ("Europe/Berlin", date(2026, 10, 25), (2, 1)),
        ("America/New_York", date(2026, 3, 8), (-5, -4)),
        ("America/New_York", date(2026, 11, 1), (-4, -5)),
        ("Australia/Sydney", date(2026, 4, 5), (11, 10)),
        ("Australia/Sydney", date(2026, 10, 4), (10, 11)),
    ],
)
def test_on_the_day_the_clocks_change_nine_is_nine_once(zone, day, offsets):
    tz = ZoneInfo(zone)
    items = [item(WRITE, day - timedelta(days=1)), item(WRITE, day, friend_id=2, occ=day + timedelta(days=5))]
    found = derive(items, NO_DIGEST, tz, day - timedelta(days=1), day)
    assert [r.due.astimezone(tz).replace(tzinfo=None) for r in found] == [
        datetime.combine(day - timedelta(days=1), time(9)), datetime.combine(day, time(9)),
    ]
    hours = [r.due.utcoffset() // timedelta(hours=1) for r in found]
    assert tuple(hours) == offsets
    assert len({r.due.astimezone(timezone.utc) for r in found}) == 2


def test_a_time_the_spring_change_skips_becomes_a_real_instant():
    due = due_at(date(2026, 3, 29), time(2, 30), ReminderRules(quiet=None), BERLIN)
    assert due.astimezone(BERLIN).hour == 3 and due.utcoffset() == timedelta(hours=2)


def test_muted_friends_get_no_reminders_and_stay_out_of_the_digest():
    items = [item(WRITE, date(2026, 11, 30)), item(WRITE, date(2026, 11, 30), friend_id=2, name="Bo")]
    rules = ReminderRules(muted=frozenset({2}))
    found = derive(items, rules, BERLIN, date(2026, 11, 29), date(2026, 11, 30))
    assert [r.friend for r in found if r.kind == WRITE] == ["Ana"]
    digest = next(r for r in found if r.kind == DIGEST)
    assert "Ana" in digest.body and "Bo" not in digest.body


def test_keep_in_touch_invites_on_the_due_day_and_once_more_after_the_repeat_days_never_weekly():
    hello = item(KEEP_IN_TOUCH, date(2026, 11, 2))
    found = derive([hello], NO_DIGEST, BERLIN, date(2026, 10, 25), date(2027, 3, 31))
    assert [r.day for r in found] == [date(2026, 11, 2), date(2026, 12, 2)]
    assert [r.key for r in found] == ["keep_in_touch/1/-/2026-11-02", "keep_in_touch/1/again/2026-11-02"]


def test_an_invitation_due_before_the_window_still_comes_once_keyed_by_its_due_day():
    hello = item(KEEP_IN_TOUCH, date(2026, 11, 2))
    found = derive([hello], NO_DIGEST, BERLIN, date(2026, 11, 10), date(2026, 11, 20))
    assert [(r.day, r.key) for r in found] == [(date(2026, 11, 10), "keep_in_touch/1/-/2026-11-02")]


def test_the_repeat_days_come_from_the_rules():
    rules = NO_DIGEST._replace(keep_in_touch_repeat_days=10)
    found = derive([item(KEEP_IN_TOUCH, date(2026, 11, 2))], rules, BERLIN, date(2026, 11, 1), date(2027, 1, 31))
    assert [r.day for r in found] == [date(2026, 11, 2), date(2026, 11, 12)]


def test_an_invitation_is_allowed_once_then_once_more_after_the_repeat_days():
    start = datetime(2026, 11, 2, 9, 0, tzinfo=BERLIN)
    assert invitation_allowed([], None, start, 30)
    assert not invitation_allowed([start], None, start + timedelta(days=29), 30)
    assert invitation_allowed([start], None, start + timedelta(days=30), 30)
    assert not invitation_allowed([start, start + timedelta(days=30)], None, start + timedelta(days=300), 30)
    # A letter since then starts afresh.
    assert invitation_allowed([start, start + timedelta(days=30)], start + timedelta(days=40), start + timedelta(days=90), 30)


def test_the_digest_comes_on_sunday_evening_with_the_week_ahead():
    items = [item(WRITE, date(2026, 11, 30)), item(OCCASION, date(2026, 12, 3)), item(POST, date(2026, 12, 14))]
    found = [r for r in derive(items, ReminderRules(), BERLIN, date(2026, 11, 23), date(2026, 11, 29)) if r.kind == DIGEST]
    assert len(found) == 1
    digest = found[0]
    assert digest.due == datetime(2026, 11, 29, 18, 0, tzinfo=BERLIN) and digest.key == "digest/-/-/2026-11-29"
    assert "Mon 30 Nov" in digest.body and "Thu 3 Dec" in digest.body and "14 Dec" not in digest.body


def test_a_quiet_week_sends_no_digest():
    assert derive([], ReminderRules(), BERLIN, date(2026, 11, 23), date(2026, 11, 29)) == []


def test_a_reply_owed_comes_once_on_its_day_keyed_by_that_day():
    from ritual.core.planner import REPLY_OWED

    owed = AgendaItem(date(2026, 11, 27), REPLY_OWED, 4, "Bo", None, None, "Bo's letter of Fri 13 Nov is waiting")
    found = derive([owed], NO_DIGEST, BERLIN, date(2026, 11, 20), date(2026, 12, 31))
    assert [r.key for r in found] == ["reply_owed/4/-/2026-11-27"]
    assert found[0].title == "Bo's letter is waiting for your reply" and found[0].day == date(2026, 11, 27)
    assert derive([owed], NO_DIGEST, BERLIN, date(2026, 11, 28), date(2026, 12, 31)) == []


def test_the_digest_names_who_might_enjoy_a_letter_once_in_the_week_they_become_due():
    items = [item(WRITE, date(2026, 11, 30)), item(KEEP_IN_TOUCH, date(2026, 12, 2), friend_id=2, name="Liam")]
    found = [r for r in derive(items, ReminderRules(), BERLIN, date(2026, 11, 23), date(2026, 12, 13))
             if r.kind == DIGEST]
    assert [r.day for r in found] == [date(2026, 11, 29)]
    assert found[0].body.splitlines()[-1] == "Might enjoy a letter: Liam."
    assert found[0].body.count("Liam") == 1


def test_quiet_hours_include_their_start_and_exclude_their_end_on_both_kinds_of_night():
    from datetime import datetime, time

    from ritual.core.reminders import QuietHours

    evening = QuietHours(time(13, 0), time(15, 0))
    assert evening.holds(time(13, 0)) and not evening.holds(time(15, 0)) and not evening.holds(time(12, 59))
    same = QuietHours(time(9, 0), time(9, 0))
    assert not same.holds(time(9, 0)) and not same.holds(time(3, 0))
    night = QuietHours(time(22, 0), time(7, 0))
    assert night.holds(time(22, 0)) and night.holds(time(6, 59)) and not night.holds(time(7, 0))
    assert night.release(datetime(2026, 3, 9, 23, 0)) == datetime(2026, 3, 10, 7, 0)
    assert night.release(datetime(2026, 3, 10, 6, 0)) == datetime(2026, 3, 10, 7, 0)


def test_as_dict_names_the_friend_and_gives_none_for_a_reminder_about_no_one():
    found = derive([item(WRITE, date(2026, 11, 30))], ReminderRules(), BERLIN, date(2026, 11, 29), date(2026, 11, 30))
    by_kind = {r.kind: r.as_dict() for r in found}
    assert by_kind[WRITE]["friend"] == "Ana" and by_kind[WRITE]["friend_id"] == 1
    assert by_kind[DIGEST]["friend"] is None and by_kind[DIGEST]["friend_id"] is None


def test_with_no_repeat_days_the_second_invitation_comes_one_day_later_never_the_same_day():
    rules = NO_DIGEST._replace(keep_in_touch_repeat_days=0)
    found = derive([item(KEEP_IN_TOUCH, date(2026, 11, 2))], rules, BERLIN, date(2026, 11, 1), date(2026, 11, 30))
    assert [(r.day, r.key) for r in found] == [
        (date(2026, 11, 2), "keep_in_touch/1/-/2026-11-02"), (date(2026, 11, 3), "keep_in_touch/1/again/2026-11-02"),
    ]


def test_an_invitation_on_the_last_day_of_the_window_is_kept():
    found = derive([item(KEEP_IN_TOUCH, date(2026, 11, 2))], NO_DIGEST, BERLIN, date(2026, 10, 20), date(2026, 11, 2))
    assert [r.day for r in found] == [date(2026, 11, 2)]


def test_an_invitation_sent_at_the_very_start_of_the_last_letters_day_counts_since_that_letter():
    letter_day = datetime(2026, 11, 2, 0, 0, tzinfo=BERLIN)
    sent = [letter_day, letter_day + timedelta(days=30)]
    assert not invitation_allowed(sent, letter_day, letter_day + timedelta(days=90), 30)
    # Only the one after the letter counts when the first came a moment before it.
    assert invitation_allowed(sent, letter_day + timedelta(seconds=1), letter_day + timedelta(days=90), 30)


def digest_days(rules: ReminderRules, first: date, last: date) -> list[date]:
    """The days digests fall on when something is planned every day from `first` to three weeks past `last`."""
    span = (last - first).days + 22
    items = [item(WRITE, first + timedelta(days=n), friend_id=n + 1) for n in range(span)]
    return [r.day for r in derive(items, rules, BERLIN, first, last) if r.kind == DIGEST]


def test_a_digest_falls_on_its_weekday_from_the_window_start_on_whatever_weekday_that_is():
    monday = ReminderRules(digest_weekday=0)
    # From a Wednesday, the next Monday: five days on, not the Monday before.
    assert digest_days(monday, date(2026, 11, 25), date(2026, 12, 13)) == [date(2026, 11, 30), date(2026, 12, 7)]
    # From a Monday, that very Monday.
    assert digest_days(monday, date(2026, 11, 30), date(2026, 12, 7)) == [date(2026, 11, 30), date(2026, 12, 7)]
    saturday = ReminderRules(digest_weekday=5)
    assert digest_days(saturday, date(2026, 12, 2), date(2026, 12, 19)) == [
        date(2026, 12, 5), date(2026, 12, 12), date(2026, 12, 19)]


def test_a_digest_covers_the_seven_days_after_its_own_day_not_the_day_itself_nor_the_eighth():
    items = [item(WRITE, date(2026, 11, 29), friend_id=1, name="Ana"),
             item(OCCASION, date(2026, 11, 30), friend_id=2, name="Bo"),
             item(POST, date(2026, 12, 6), friend_id=3, name="Cy"),
             item(WRITE, date(2026, 12, 7), friend_id=4, name="Di")]
    found = [r for r in derive(items, ReminderRules(), BERLIN, date(2026, 11, 29), date(2026, 11, 29)) if r.kind == DIGEST]
    assert [r.body.splitlines() for r in found] == [[
        "Here is what the coming week holds:",
        "Mon 30 Nov  the day: occasion for Bo",
        "Sun 6 Dec  post: post for Cy",
    ]]


def plan_of(*sessions: Session, letters: dict | None = None) -> SessionPlan:
    """A session plan holding `sessions`, with letters placed in some of them."""
    return SessionPlan(list(sessions), assigned=dict(letters or {}))


def test_a_session_reminds_on_days_in_the_window_including_both_ends():
    days = [date(2026, 11, 28), date(2026, 11, 29), date(2026, 12, 5), date(2026, 12, 6)]
    plan = plan_of(*(Session(day, time(10, 0), 60) for day in days))
    found = session_reminders(plan, ReminderRules(), BERLIN, date(2026, 11, 29), date(2026, 12, 5))
    assert [r.day for r in found] == [date(2026, 11, 29), date(2026, 12, 5)]


def test_a_session_that_starts_in_the_quiet_hours_gets_no_reminder_unless_there_are_none():
    late, morning = Session(date(2026, 11, 29), time(22, 30), 30), Session(date(2026, 11, 29), time(10, 0), 60)
    plan = plan_of(late, morning)
    quiet = session_reminders(plan, ReminderRules(), BERLIN, date(2026, 11, 29), date(2026, 11, 29))
    assert [r.due.time() for r in quiet] == [time(10, 0)]
    none = session_reminders(plan, ReminderRules(quiet=None), BERLIN, date(2026, 11, 29), date(2026, 11, 29))
    assert [r.due.time() for r in none] == [time(22, 30), time(10, 0)]


def test_a_session_reminder_is_due_at_its_start_ends_after_its_minutes_and_names_its_letters():
    session = Session(date(2026, 11, 29), time(10, 0), 45)
    task = LetterTask(1, "Ana", "birthday", date(2026, 12, 3), date(2026, 11, 30), 30)
    [found] = session_reminders(plan_of(session, letters={session: [task]}), ReminderRules(), BERLIN,
                                date(2026, 11, 29), date(2026, 11, 29))
    assert found.due == datetime(2026, 11, 29, 10, 0, tzinfo=BERLIN)
    assert found.ends == datetime(2026, 11, 29, 10, 45, tzinfo=BERLIN)
    assert found.key == "session/-/-/2026-11-29T10:00"
    assert found.body == "45 minutes set aside for letters to Ana. Begin whenever you are ready."
