"""Gentle by construction, on a real database and the hand-moved clock: one summary for a flood, few hellos."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from ritual.core.dates import PartialDate
from ritual.core.model import Friend
from ritual.paths import Paths
from ritual.services.reminders.engine import ReminderEngine
from ritual.services.reminders.notifiers import NotifierChain, TerminalNotifier, ToastNotifier
from ritual.settings.load import load_settings
from ritual.store.database import open_database
from ritual.store.friends import FriendRepository
from tests.services.clocks import Moment

BERLIN = ZoneInfo("Europe/Berlin")


def make_home(tmp_path, friends: list[Friend]):
    """A home holding `friends`, with settings that send no weekly digest."""
    paths = Paths.under(tmp_path / "home")
    db = open_database(paths.database)
    FriendRepository(db).add_many(friends)
    db.close()
    settings = load_settings(paths)
    return paths, settings._replace(reminders=settings.reminders._replace(digest_weekday=None))


def engine(home, clock, received: list) -> ReminderEngine:
    paths, settings = home
    chain = NotifierChain([ToastNotifier(lambda r, late: received.append((r, late)))])
    return ReminderEngine(settings, paths.database, chain, now=clock, zone=BERLIN)


def recorded(home) -> list[tuple[str, str, int]]:
    """(key, state, attempts) of every row in the delivery record."""
    db = open_database(home[0].database)
    try:
        return [(r["key"], r["state"], r["attempts"]) for r in db.query("SELECT * FROM reminder_deliveries")]
    finally:
        db.close()


def fifty_due_on_return(tmp_path):
    """16 friends with a card (write, post, the day) and 2 without one: 50 reminders in early December."""
    with_card = [Friend(name=f"Card {i:02}", birthday=PartialDate(12, 10, 1990)) for i in range(16)]
    no_card = [Friend(name=f"Day {i}", birthday=PartialDate(12, 10), birthday_card=False) for i in range(2)]
    return make_home(tmp_path, with_card + no_card)


def test_a_catch_up_of_fifty_due_reminders_delivers_one_summary_and_records_each_once(tmp_path):
    home = fifty_due_on_return(tmp_path)
    clock = Moment(datetime(2026, 11, 20, 12, 0, tzinfo=BERLIN))
    received = []
    assert engine(home, clock, received).deliver_due() == [], "the engine ran, then the laptop was shut"
    clock.value = datetime(2026, 12, 11, 10, 0, tzinfo=BERLIN)
    outcomes = engine(home, clock, received).deliver_due()
    assert len(outcomes) == 50 and all(o.notifier == "toast" for o in outcomes)
    assert len(received) == 1
    summary, late = received[0]
    assert summary.kind == "summary" and not late
    assert summary.title == "While you were away: 16 cards to write, 16 to post, 18 days to remember"
    assert "and 38 more" in summary.body
    rows = recorded(home)
    assert len(rows) == 50 and {state for _, state, _ in rows} == {"delivered"} and {a for *_, a in rows} == {1}
    assert {o.reminder.key for o in outcomes} == {key for key, _, _ in rows}
    clock.value += timedelta(hours=1)
    assert engine(home, clock, received).deliver_due() == [] and len(received) == 1


def test_three_at_once_still_come_one_by_one(tmp_path):
    home = make_home(tmp_path, [Friend(name="Ana", birthday=PartialDate(12, 10, 1990))])
    received = []
    clock = Moment(datetime(2026, 11, 20, 12, 0, tzinfo=BERLIN))
    engine(home, clock, received).deliver_due()
    clock.value = datetime(2026, 12, 11, 10, 0, tzinfo=BERLIN)
    engine(home, clock, received).deliver_due()
    assert [(r.kind, late) for r, late in received] == [("write", True), ("post", True), ("occasion", True)]


def test_the_first_run_after_adding_many_friends_is_one_summary_and_nothing_in_it_is_late(tmp_path):
    home = fifty_due_on_return(tmp_path)
    received = []
    outcomes = engine(home, Moment(datetime(2026, 12, 11, 10, 0, tzinfo=BERLIN)), received).deliver_due()
    assert len(outcomes) == 50 and not any(o.late for o in outcomes)
    assert [r.title.split(":")[0] for r, _ in received] == ["Waiting for you"]


def test_the_summary_reaches_the_terminal_as_one_message(tmp_path, capsys):
    paths, settings = fifty_due_on_return(tmp_path)
    chain = NotifierChain([TerminalNotifier()])
    clock = Moment(datetime(2026, 12, 11, 10, 0, tzinfo=BERLIN))
    ReminderEngine(settings, paths.database, chain, now=clock, zone=BERLIN).deliver_due()
    printed = capsys.readouterr().out
    assert printed.count("Waiting for you") == 1 and printed.count("A good day to write") == 0


def test_keep_in_touch_for_one_friend_comes_at_most_twice_in_sixty_days(tmp_path):
    liam = Friend(name="Liam", cadence_days=30, last_sent=date(2026, 10, 1))
    never = Friend(name="Noor", cadence_days=30)  # no letter yet: due every day the plan is asked
    home = make_home(tmp_path, [liam, never])
    clock = Moment(datetime(2026, 10, 25, 12, 0, tzinfo=BERLIN))
    received = []
    for _ in range(60 * 4):  # every six hours for sixty days, like a heartbeat across sleeps
        engine(home, clock, received).deliver_due()
        clock.value += timedelta(hours=6)
    hellos = [(r.friend, r.due) for r, _ in received if r.kind == "keep_in_touch"]
    assert Counter(name for name, _ in hellos) == {"Liam": 2, "Noor": 2}
    for name in ("Liam", "Noor"):
        first, again = [due for who, due in hellos if who == name]
        assert again - first >= timedelta(days=30), name
    liam_days = [due.date() for who, due in hellos if who == "Liam"]
    assert liam_days[0] == date(2026, 10, 31), "invited on the day Liam became due"


def test_a_letter_since_the_last_hello_starts_afresh(tmp_path):
    home = make_home(tmp_path, [Friend(name="Liam", cadence_days=30, last_sent=date(2026, 10, 1))])
    received = []
    clock = Moment(datetime(2026, 10, 31, 10, 0, tzinfo=BERLIN))
    engine(home, clock, received).deliver_due()
    db = open_database(home[0].database)
    repo = FriendRepository(db)
    repo.update(repo.find("Liam")._replace(last_sent=date(2026, 11, 2)))
    db.close()
    clock.value = datetime(2026, 12, 2, 10, 0, tzinfo=BERLIN)
    engine(home, clock, received).deliver_due()
    assert [r.key for r, _ in received] == ["keep_in_touch/1/-/2026-10-31", "keep_in_touch/1/-/2026-12-02"]
