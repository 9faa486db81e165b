"""Many reminders at once become one calm summary: when, what it counts, what it lists."""

from __future__ import annotations

from datetime import date, datetime

from ritual.core.catch_up import SUMMARY, SUMMARY_AFTER, counts_line, needs_summary, summarise
from ritual.core.planner import KEEP_IN_TOUCH, OCCASION, POST, WRITE
from ritual.core.reminders import DIGEST, Reminder

NOW = datetime(2026, 3, 9, 8, 0)


def _reminder(kind: str, n: int = 0, body: str = "Write to Ana\nmore", title: str = "Title") -> Reminder:
    return Reminder(f"{kind}/{n}", kind, NOW, date(2026, 3, 9 + n % 5), n, "Ana", "birthday", None, title, body)


def test_a_summary_only_after_more_than_the_threshold():
    assert not needs_summary([_reminder(WRITE, n) for n in range(SUMMARY_AFTER)])
    assert needs_summary([_reminder(WRITE, n) for n in range(SUMMARY_AFTER + 1)])


def test_counts_use_one_and_many_words_in_a_fixed_order_and_count_the_rest():
    reminders = [_reminder(POST), _reminder(WRITE, 1), _reminder(WRITE, 2), _reminder(OCCASION, 3),
                 _reminder("something_new", 4), _reminder("another", 5)]
    assert counts_line(reminders) == "2 cards to write, 1 to post, 1 day to remember, 2 more"
    assert counts_line([_reminder(KEEP_IN_TOUCH)]) == "1 friend who might enjoy a letter"
    assert counts_line([]) == ""


def test_the_summary_lists_twelve_and_counts_the_others():
    reminders = [_reminder(WRITE, n) for n in range(14)]
    summary = summarise(reminders, NOW, away=True)
    lines = summary.body.splitlines()
    assert summary.kind == SUMMARY and summary.due == NOW and summary.day == NOW.date()
    assert summary.key == "summary/-/-/2026-03-09T08:00:00" and summary.friend_id is None
    assert summary.title == "While you were away: 14 cards to write"
    assert len(lines) == 1 + 12 + 1 and lines[-1] == "and 2 more: `ritual week` shows them all"
    assert lines[1] == "Mon 9 Mar  Write to Ana"


def test_twelve_are_listed_with_no_count_line():
    summary = summarise([_reminder(WRITE, n) for n in range(12)], NOW, away=False)
    assert summary.title.startswith("Waiting for you: ") and len(summary.body.splitlines()) == 13


def test_each_kind_is_listed_in_words_that_still_read_right_later():
    occasion, digest = _reminder(OCCASION), _reminder(DIGEST, title="Your week")
    bare = _reminder(WRITE, body="", title="Write to Ben")
    body = summarise([occasion, digest, bare, _reminder(POST)], NOW, away=False).body.splitlines()
    assert body[1:] == ["Mon 9 Mar  Ana's birthday", "Mon 9 Mar  Your week", "Mon 9 Mar  Write to Ben",
                        "Mon 9 Mar  Write to Ana"]
