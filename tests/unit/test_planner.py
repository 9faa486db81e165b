"""The planner: items, sorting, overdue, late cards, keep-in-touch, policies."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from ritual.core.dates import MAR1, PartialDate
from ritual.core.model import ANNIVERSARY, Address, Friend, Occasion
from ritual.core.planner import KEEP_IN_TOUCH, OCCASION, POST, WRITE, PlanRules, Subject, occasion_spans, plan
from ritual.core.postal import MailCalendar, TransitTable

RULES = PlanRules(
    home_country="DE",
    transit=TransitTable(domestic=2, same_region=5, world=10, regions={"eu": frozenset({"DE", "FR"})}),
    mail=MailCalendar(frozenset(range(6))),
    writing_lead_days=2,
)
TODAY = date(2026, 11, 25)


def subject(friend_id=1, name="Ana", birthday=None, country="", **kw) -> Subject:
    """A planning subject built the way the store builds it."""
    friend = Friend(
        name=name,
        id=friend_id,
        birthday=birthday,
        addresses=(Address(country=country),) if country else (),
        **kw,
    )
    return Subject.from_friend(friend)


def kinds_by_date(items):
    return [(i.date, i.kind) for i in items]


def test_a_birthday_yields_write_post_and_the_day():
    ana = subject(birthday=PartialDate(12, 10, 1990))
    items = plan([ana], RULES, date(2026, 12, 1), date(2026, 12, 31), TODAY)
    assert kinds_by_date(items) == [
        (date(2026, 12, 6), WRITE),
        (date(2026, 12, 8), POST),
        (date(2026, 12, 10), OCCASION),
    ]
    assert all(i.occasion == "birthday" and i.occasion_date == date(2026, 12, 10) for i in items)
    assert items[2].age == 36 and "birthday (36)" in items[2].reason


def test_destination_country_sets_the_transit():
    far = subject(birthday=PartialDate(12, 22), country="JP")
    items = plan([far], RULES, date(2026, 12, 1), date(2026, 12, 31), TODAY)
    post = next(i for i in items if i.kind == POST)
    # 10 mail days before Tue 22 Dec, Sundays skipped: Thu 10 Dec.
    assert post.date == date(2026, 12, 10) and post.transit_days == 10 and post.country == "JP"


def test_items_are_sorted_by_date_then_kind_then_name():
    friends = [
        subject(1, "Zoe", PartialDate(12, 10)),
        subject(2, "Bea", PartialDate(12, 10)),
        subject(3, "Cai", PartialDate(12, 12), cadence_days=30, last_sent=date(2026, 11, 10)),
    ]
    items = plan(friends, RULES, date(2026, 12, 1), date(2026, 12, 31), TODAY)
    keys = [(i.date, i.kind, i.friend) for i in items]
    assert keys == sorted(keys)
    assert [i.friend for i in items if i.kind == OCCASION] == ["Bea", "Zoe", "Cai"]


_NAMES = st.sampled_from(["Ana", "ana", "Bea", "Léa", "Zoe", "Ünal"])


@given(st.lists(st.tuples(_NAMES, st.integers(1, 12), st.integers(1, 28), st.booleans()), min_size=1, max_size=8),
       st.randoms(use_true_random=False))
@settings(max_examples=60, deadline=None)
def test_the_plan_is_in_sort_key_order_whatever_order_the_friends_come_in(rows, shuffler):
    friends = [
        subject(n, name, PartialDate(month, day), occasions=(Occasion("Abschied", PartialDate(month, day)),
                                                           Occasion("abschied", PartialDate(month, day)))
                if both else (), cadence_days=30 if both else None)
        for n, (name, month, day, both) in enumerate(rows, start=1)
    ]
    items = plan(friends, RULES, TODAY, TODAY + timedelta(days=400), TODAY)
    assert items == sorted(items, key=lambda i: i.sort_key())
    shuffler.shuffle(friends)
    assert plan(friends, RULES, TODAY, TODAY + timedelta(days=400), TODAY) == items


def test_the_range_is_inclusive_and_items_outside_are_left_out():
    ana = subject(birthday=PartialDate(12, 10))
    items = plan([ana], RULES, date(2026, 12, 8), date(2026, 12, 8), TODAY)
    assert kinds_by_date(items) == [(date(2026, 12, 8), POST)]


def test_open_items_from_before_the_range_are_overdue_while_the_day_is_ahead():
    ana = subject(birthday=PartialDate(11, 30), country="FR")
    week = plan([ana], RULES, date(2026, 11, 23), date(2026, 11, 29), TODAY)
    # 5 mail days before Mon 30 Nov: post-by Tue 24th (in the week), write-by Sun 22nd (before it).
    assert [(i.date, i.kind, i.overdue) for i in week] == [
        (date(2026, 11, 22), WRITE, True),
        (date(2026, 11, 24), POST, False),
    ]
    assert plan([ana], RULES, date(2026, 11, 23), date(2026, 11, 29), TODAY, include_overdue=False) == week[1:]
    past = plan([ana], RULES, date(2026, 12, 1), date(2026, 12, 6), date(2026, 12, 1))
    assert past == []  # the day has gone: nothing is nagged about afterwards


def test_a_card_too_late_for_the_post_is_flagged_with_its_earliest_arrival():
    ana = subject(birthday=PartialDate(11, 26), country="FR")
    items = plan([ana], RULES, date(2026, 11, 23), date(2026, 11, 29), TODAY)
    day = next(i for i in items if i.kind == OCCASION)
    assert day.late
    # Posted today (Wed 25 Nov), 5 mail days (Sunday skipped): Tue 1 Dec.
    assert day.earliest_arrival == date(2026, 12, 1)
    assert all(i.late for i in items)


def test_no_card_wanted_keeps_the_day_but_no_tasks():
    ana = subject(birthday=PartialDate(12, 10), birthday_card=False)
    items = plan([ana], RULES, date(2026, 12, 1), date(2026, 12, 31), TODAY)
    assert [i.kind for i in items] == [OCCASION]


def test_other_occasions_one_off_and_yearly():
    ana = subject(
        occasions=(
            Occasion(ANNIVERSARY, PartialDate(12, 20, 2016)),
            Occasion("graduation", PartialDate(12, 18, 2026), yearly=False),
            Occasion("graduation next year", PartialDate(12, 18, 2027), yearly=False),
        )
    )
    items = plan([ana], RULES, date(2026, 12, 1), date(2026, 12, 31), TODAY)
    days = {(i.occasion, i.date) for i in items if i.kind == OCCASION}
    assert days == {(ANNIVERSARY, date(2026, 12, 20)), ("graduation", date(2026, 12, 18))}
    anniversary = next(i for i in items if i.occasion == ANNIVERSARY and i.kind == OCCASION)
    assert "anniversary (10 years)" in anniversary.reason


def test_feb29_policy_global_and_per_friend():
    global_mar1 = PlanRules(RULES.home_country, RULES.transit, RULES.mail, 2, MAR1)
    leap = subject(birthday=PartialDate(2, 29))
    override = subject(2, "Bo", PartialDate(2, 29), feb29="feb28")
    items = plan([leap, override], global_mar1, date(2027, 2, 1), date(2027, 3, 31), TODAY, False)
    days = {i.friend: i.date for i in items if i.kind == OCCASION}
    assert days == {"Ana": date(2027, 3, 1), "Bo": date(2027, 2, 28)}


def test_keep_in_touch_due_in_range_and_overdue_before_it():
    due_soon = subject(1, "Ana", cadence_days=30, last_sent=date(2026, 10, 28))
    long_silent = subject(2, "Bo", cadence_days=60, last_received=date(2026, 6, 1))
    never = subject(3, "Cy", cadence_days=90)
    items = plan([due_soon, long_silent, never], RULES, date(2026, 11, 23), date(2026, 11, 29), TODAY)
    found = {i.friend: i for i in items}
    assert all(i.kind == KEEP_IN_TOUCH for i in items)
    assert found["Ana"].date == date(2026, 11, 27) and not found["Ana"].overdue
    assert found["Bo"].overdue
    assert found["Bo"].reason == "It has been a while since you wrote to Bo (last letter 1 Jun)"
    assert found["Cy"].date == TODAY and "no letter recorded yet" in found["Cy"].reason
    assert not any(ch.isdigit() for ch in found["Cy"].reason), "no count of silent days, ever"


def test_the_last_letter_either_way_counts():
    ana = subject(cadence_days=30, last_sent=date(2026, 1, 1), last_received=date(2026, 11, 20))
    assert plan([ana], RULES, date(2026, 11, 23), date(2026, 11, 29), TODAY) == []


@settings(max_examples=60, deadline=None)
@given(
    st.integers(1, 12),
    st.integers(1, 28),
    st.dates(min_value=date(1950, 1, 1), max_value=date(2350, 12, 31)),
    st.integers(1, 60),
)
def test_write_before_post_before_the_day_for_any_range(month, day, start, span):
    end = start + timedelta(days=span)
    ana = subject(birthday=PartialDate(month, day))
    items = plan([ana], RULES, start, end, start, include_overdue=False)
    assert all(start <= i.date <= end for i in items)
    for item in items:
        if item.kind == WRITE:
            assert item.date < item.post_by <= item.occasion_date
        assert item.date <= item.occasion_date


def test_a_month_only_birthday_is_planned_at_month_start_and_says_so():
    mia = subject(birthday=PartialDate(12))
    items = plan([mia], RULES, date(2026, 11, 23), date(2026, 12, 6), TODAY)
    day = next(i for i in items if i.kind == OCCASION)
    assert day.date == date(2026, 12, 1) and day.age is None
    assert "birthday (sometime in December)" in day.reason


def test_a_letter_waiting_for_a_reply_is_mentioned_gently_after_the_set_days():
    waiting = Subject(1, "Ana", awaiting_reply=date(2026, 11, 10))
    week = plan([waiting], RULES, date(2026, 11, 23), date(2026, 11, 29), TODAY)
    (item,) = week
    assert item.kind == "reply_owed" and item.date == date(2026, 11, 24) and not item.overdue
    assert "letter of Tue 10 Nov is waiting for your reply" in item.reason
    later = plan([waiting], RULES, date(2026, 12, 7), date(2026, 12, 13), date(2026, 12, 8))
    assert [(i.kind, i.overdue) for i in later] == [("reply_owed", True)]
    assert plan([waiting], RULES, date(2026, 11, 16), date(2026, 11, 22), TODAY, include_overdue=False) == []


@settings(max_examples=300, deadline=None)
@given(
    end=st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)),
    offset=st.integers(0, 120),
    transit=st.integers(0, 25),
    lead=st.integers(0, 10),
    weekdays=st.sets(st.integers(0, 6), min_size=1),
    holidays=st.sets(st.integers(0, 90), max_size=12),
)
def test_the_occasion_window_ends_exactly_at_the_last_occasion_due_by_its_end(
        end, offset, transit, lead, weekdays, holidays):
    from ritual.core.postal import post_by, write_by

    mail = MailCalendar(frozenset(weekdays), frozenset(end + timedelta(days=h) for h in holidays))
    rules = PlanRules(home_country="US", transit=TransitTable(domestic=transit, same_region=transit, world=transit),
                      mail=mail, writing_lead_days=lead)
    last = rules.last_occasion_due_by(end)
    occasion = end + timedelta(days=offset)
    due = write_by(post_by(occasion, transit, mail), lead)
    # Every occasion whose card must be written by `end` lies inside the window, and the window stops there.
    assert (due <= end) == (occasion <= last)


def test_a_range_years_ahead_plans_what_is_open_today_and_its_own_days_only():
    ana = subject(birthday=PartialDate(11, 30, 1990), country="FR")
    far = plan([ana], RULES, date(2199, 11, 23), date(2199, 11, 30), TODAY)
    own = plan([ana], RULES, date(2199, 11, 23), date(2199, 11, 30), TODAY, include_overdue=False)
    # Still open today: this year's card, overdue; then the range's own days, and nothing from the years between.
    assert [(i.date, i.kind) for i in far if i.overdue] == [(date(2026, 11, 22), WRITE), (date(2026, 11, 24), POST)]
    assert [i for i in far if not i.overdue] == own
    assert [(i.date, i.kind) for i in own] == [(date(2199, 11, 23), WRITE), (date(2199, 11, 25), POST), (date(2199, 11, 30), OCCASION)]
    assert occasion_spans(RULES, date(2199, 11, 23), date(2199, 11, 30), TODAY, True)[0][0] == TODAY
    assert len(occasion_spans(RULES, date(2026, 12, 1), date(2026, 12, 7), TODAY, True)) == 1


def test_a_dated_occasion_does_not_appear_before_its_own_year():
    wed = subject(occasions=(Occasion(ANNIVERSARY, PartialDate(6, 10, 2027)),), country="DE")
    assert plan([wed], RULES, date(2026, 6, 1), date(2026, 6, 30), date(2026, 6, 1)) == []
    kinds = [(i.date, i.kind) for i in plan([wed], RULES, date(2027, 6, 1), date(2027, 6, 30), date(2027, 6, 1))]
    assert (date(2027, 6, 10), OCCASION) in kinds


def test_something_due_today_is_not_overdue_in_a_later_range_but_yesterday_is():
    week_ahead = (TODAY + timedelta(days=7), TODAY + timedelta(days=13))
    due_today = subject(cadence_days=30, last_sent=TODAY - timedelta(days=30))
    assert plan([due_today], RULES, *week_ahead, TODAY) == []
    due_yesterday = subject(cadence_days=30, last_sent=TODAY - timedelta(days=31))
    [item] = plan([due_yesterday], RULES, *week_ahead, TODAY)
    assert (item.kind, item.date, item.overdue) == (KEEP_IN_TOUCH, TODAY - timedelta(days=1), True)


def test_an_occasion_today_still_shows_its_missed_write_and_post_days():
    ana = subject(birthday=PartialDate(TODAY.month, TODAY.day), country="FR")
    items = plan([ana], RULES, TODAY, TODAY + timedelta(days=6), TODAY)
    assert [(i.kind, i.overdue) for i in items] == [(WRITE, True), (POST, True), (OCCASION, False)]
    assert all(i.late for i in items)
    day_after = plan([ana], RULES, TODAY + timedelta(days=1), TODAY + timedelta(days=7), TODAY + timedelta(days=1))
    assert day_after == []


def test_a_one_off_occasion_on_the_first_day_of_the_range_is_planned():
    party = subject(occasions=(Occasion("party", PartialDate(12, 1, 2026), yearly=False, card=False),))
    first_day = plan([party], RULES, date(2026, 12, 1), date(2026, 12, 7), date(2026, 12, 1))
    assert [(i.date, i.kind) for i in first_day] == [(date(2026, 12, 1), OCCASION)]
    assert plan([party], RULES, date(2026, 12, 2), date(2026, 12, 8), date(2026, 12, 2)) == []
    last_day = plan([party], RULES, date(2026, 11, 25), date(2026, 12, 1), date(2026, 11, 25))
    assert [(i.date, i.kind) for i in last_day] == [(date(2026, 12, 1), OCCASION)]


def test_the_horizon_reaches_every_write_by_day_and_is_the_documented_bound():
    # 10 mail days at 6 mail days a week is at most 12 calendar days, plus 2 days' writing, plus 21 of slack.
    assert RULES.horizon_days() == 12 + 2 + 21
    assert PlanRules("DE", RULES.transit, MailCalendar(frozenset(range(6)))).writing_lead_days == 2
    far = subject(birthday=PartialDate(1, 1), country="JP")
    for start in (date(2026, 12, 1) + timedelta(days=n) for n in range(0, 40, 3)):
        for item in plan([far], RULES, start, start + timedelta(days=6), start, include_overdue=False):
            assert item.occasion_date - item.date <= timedelta(days=RULES.horizon_days())


def test_subjects_items_and_their_json_have_plain_defaults():
    from ritual.core.planner import AgendaItem, occasion_window

    assert Subject.from_friend(Friend("Ana")).friend_id == 0
    plain = AgendaItem(TODAY, OCCASION, 1, "Ana", None, None, "")
    assert (plain.late, plain.overdue, plain.as_dict()["country"]) == (False, False, None)
    named = plain._replace(occasion="birthday")
    assert sorted([named, plain], key=AgendaItem.sort_key) == [plain, named]
    week = (TODAY + timedelta(days=7), TODAY + timedelta(days=13))
    assert occasion_window(RULES, *week, TODAY, True)[0] == TODAY
    assert occasion_window(RULES, *week, TODAY, False)[0] == week[0]
    assert occasion_window(RULES, TODAY - timedelta(days=7), TODAY, TODAY, True)[0] == TODAY - timedelta(days=7)


def test_a_birthday_on_the_first_day_of_the_range_is_planned():
    ana = subject(birthday=PartialDate(12, 1), birthday_card=False)
    items = plan([ana], RULES, date(2026, 12, 1), date(2026, 12, 7), date(2026, 12, 1))
    assert [(i.date, i.kind) for i in items] == [(date(2026, 12, 1), OCCASION)]


def test_the_open_tasks_span_ends_where_the_range_begins_one_horizon_after_today():
    horizon = timedelta(days=RULES.horizon_days())
    assert len(occasion_spans(RULES, TODAY + horizon, TODAY + horizon + timedelta(days=6), TODAY, True)) == 1
    split = occasion_spans(RULES, TODAY + horizon + timedelta(days=1), TODAY + horizon + timedelta(days=7), TODAY, True)
    assert split[0] == (TODAY, TODAY + horizon) and len(split) == 2
    assert len(occasion_spans(RULES, TODAY + 10 * horizon, TODAY + 10 * horizon, TODAY, False)) == 1


def test_each_kind_of_item_says_what_to_do_in_its_own_words():
    one_day = PlanRules("DE", TransitTable(domestic=1, same_region=5, world=10), MailCalendar(frozenset(range(6))))
    ana = subject(birthday=PartialDate(12, 3, 1990))
    reasons = {i.kind: i.reason for i in plan([ana], one_day, date(2026, 11, 23), date(2026, 12, 6), TODAY)}
    assert reasons == {
        WRITE: "Write to Ana — birthday (36) Thu 3 Dec",
        POST: "Post the card to Ana — birthday (36) Thu 3 Dec, 1 mail day in the post",
        OCCASION: "Ana's birthday (36)",
    }
    two_days = {i.kind: i.reason for i in plan([ana], RULES, date(2026, 11, 23), date(2026, 12, 6), TODAY)}
    assert two_days[POST].endswith(", 2 mail days in the post")


def test_an_age_is_shown_from_the_first_birthday_on():
    baby = subject(birthday=PartialDate(12, 3, 2026), birthday_card=False)
    [born] = plan([baby], RULES, date(2026, 12, 1), date(2026, 12, 7), TODAY)
    assert (born.reason, born.age) == ("Ana's birthday", 0)
    [first] = plan([baby], RULES, date(2027, 12, 1), date(2027, 12, 7), TODAY)
    assert (first.reason, first.age) == ("Ana's birthday (1)", 1)


def test_a_card_whose_post_by_day_is_today_is_not_late_yet():
    ana = subject(birthday=PartialDate(11, 27), country="DE")
    post = next(i for i in plan([ana], RULES, TODAY, TODAY + timedelta(days=6), TODAY) if i.kind == POST)
    assert post.date == TODAY and not post.late and post.earliest_arrival is None
    tomorrow = TODAY + timedelta(days=1)
    late = next(i for i in plan([ana], RULES, tomorrow, tomorrow + timedelta(days=6), tomorrow) if i.kind == OCCASION)
    assert late.late and late.earliest_arrival is not None


def test_a_card_posted_after_its_post_by_day_shows_when_it_should_arrive_and_one_posted_on_it_does_not():
    from ritual.core.cards import Card

    ana = subject(birthday=PartialDate(12, 10, 1990))

    def day_item(posted_on: date):
        """The birthday's own item in a plan made on Wed 9 Dec, with Ana's card posted on `posted_on`."""
        card = Card(1, "birthday", date(2026, 12, 10), written_on=date(2026, 12, 6), posted_on=posted_on)
        items = plan([ana], RULES, date(2026, 12, 1), date(2026, 12, 31), date(2026, 12, 9), cards={card.key: card})
        [day] = [i for i in items if i.kind == OCCASION]
        return day

    # Post-by is Tue 8 Dec (two mail days before Thu 10 Dec); posted Wed 9 Dec, it arrives Fri 11 Dec.
    assert day_item(date(2026, 12, 9)).earliest_arrival == date(2026, 12, 11)
    assert day_item(date(2026, 12, 8)).earliest_arrival is None
    assert day_item(date(2026, 12, 7)).earliest_arrival is None
    assert not day_item(date(2026, 12, 9)).late


def test_the_last_occasion_due_by_a_day_is_the_last_whose_slowest_card_must_be_written_by_then():
    from ritual.core.postal import post_by, write_by

    # Mail Monday to Saturday, ten mail days at the slowest, two days to write: for Mon 30 Nov, Mon 14 Dec.
    assert RULES.last_occasion_due_by(date(2026, 11, 30)) == date(2026, 12, 14)
    for end in (date(2026, 11, 30) + timedelta(days=n) for n in range(7)):
        last = RULES.last_occasion_due_by(end)
        slowest = [write_by(post_by(day, RULES.transit.longest(), RULES.mail), RULES.writing_lead_days)
                   for day in (last, last + timedelta(days=1))]
        assert slowest[0] <= end < slowest[1], end


def test_a_dated_occasion_never_appears_before_its_own_year_even_beside_a_friend_with_the_same_day():
    ana = subject(1, "Ana", occasions=(Occasion(ANNIVERSARY, PartialDate(6, 1, 1990)),))
    bo = subject(2, "Bo", occasions=(Occasion(ANNIVERSARY, PartialDate(6, 1, 2030)),))
    # A range years ahead plans what is still open today too: Ana's card for 1 June 2026 is overdue on 31 May.
    items = plan([ana, bo], RULES, date(2199, 5, 25), date(2199, 6, 7), date(2026, 5, 31))
    days = {name: sorted({i.occasion_date for i in items if i.friend == name}) for name in ("Ana", "Bo")}
    assert days == {"Ana": [date(2026, 6, 1), date(2199, 6, 1)], "Bo": [date(2199, 6, 1)]}
    near = plan([ana, bo], RULES, date(2029, 5, 25), date(2030, 6, 7), date(2029, 5, 1))
    assert sorted({(i.friend, i.occasion_date.year) for i in near if i.kind == OCCASION}) == [
        ("Ana", 2029), ("Ana", 2030), ("Bo", 2030)]


def test_one_friends_occasions_on_one_day_come_in_the_order_of_their_names():
    ana = subject(birthday=PartialDate(6, 1), occasions=(Occasion("anniversary", PartialDate(6, 1)),))
    items = plan([ana], RULES, date(2027, 5, 1), date(2027, 6, 30), date(2027, 5, 1))
    # Tue 1 June 2027: post by Sat 29 May (two mail days), write by Thu 27 May.
    assert [(i.date, i.kind, i.occasion) for i in items] == [
        (date(2027, 5, 27), WRITE, "anniversary"), (date(2027, 5, 27), WRITE, "birthday"),
        (date(2027, 5, 29), POST, "anniversary"), (date(2027, 5, 29), POST, "birthday"),
        (date(2027, 6, 1), OCCASION, "anniversary"), (date(2027, 6, 1), OCCASION, "birthday"),
    ]


def test_each_month_only_date_is_labelled_with_its_own_month_and_a_dated_one_with_none():
    friends = [subject(1, "Ana", birthday=PartialDate(1)), subject(2, "Bo", birthday=PartialDate(6)),
               subject(3, "Cy", birthday=PartialDate(1, 15)), subject(4, "Di", birthday=PartialDate(6, 15))]
    items = plan(friends, RULES, date(2027, 1, 1), date(2027, 12, 31), date(2027, 1, 1))
    assert [i.reason for i in items if i.kind == OCCASION] == [
        "Ana's birthday (sometime in January)", "Cy's birthday", "Bo's birthday (sometime in June)", "Di's birthday"]


def test_an_invitation_is_never_late():
    quiet = subject(1, "Ana", cadence_days=30, last_sent=date(2026, 9, 1))
    items = plan([quiet], RULES, date(2026, 11, 23), date(2026, 11, 29), TODAY)
    assert [(i.kind, i.late, i.overdue) for i in items] == [(KEEP_IN_TOUCH, False, True)]
