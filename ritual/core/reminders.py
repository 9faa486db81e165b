"""Reminders derived from the planner's items: what to say, to whom, and at which local moment."""

from collections.abc import Iterable, Mapping
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from types import MappingProxyType
from typing import NamedTuple

from ritual.core.planner import KEEP_IN_TOUCH, OCCASION, POST, REPLY_OWED, WRITE, AgendaItem
from ritual.core.sessions import SESSION, LetterTask, Session, SessionPlan
from ritual.core.text import short_day

DIGEST = "digest"
# The key mark of the one keep-in-touch reminder that may follow an invitation.
AGAIN = "again"
REMINDER_KINDS = (WRITE, POST, OCCASION, KEEP_IN_TOUCH, REPLY_OWED, DIGEST)
_DIGEST_KINDS = {WRITE: "write", POST: "post", OCCASION: "the day", KEEP_IN_TOUCH: "hello", REPLY_OWED: "reply"}


class QuietHours(NamedTuple):
    """A stretch of the night (it may wrap past midnight) in which nothing is delivered."""

    start: time
    end: time

    def holds(self, moment: time) -> bool:
        """True when `moment` falls inside the quiet hours."""
        if self.start <= self.end:
            return self.start <= moment < self.end
        return moment >= self.start or moment < self.end

    def release(self, wall: datetime) -> datetime:
        """The first wall-clock moment at or after `wall` outside the quiet hours."""
        if not self.holds(wall.time()):
            return wall
        end = datetime.combine(wall.date(), self.end, wall.tzinfo)
        return end if end > wall else end + timedelta(days=1)


class ReminderRules(NamedTuple):
    """When and what to remind: times per kind, quiet hours, the digest and muted friends."""

    default_time: time = time(9, 0)
    # Read-only, so every rules object without times of its own may share the one empty mapping.
    kind_times: Mapping[str, time] = MappingProxyType({})
    quiet: QuietHours | None = QuietHours(time(22, 0), time(8, 0))
    digest_weekday: int | None = 6
    digest_time: time = time(18, 0)
    muted: frozenset[int] = frozenset()
    keep_in_touch_repeat_days: int = 30

    def time_for(self, kind: str) -> time:
        """The local time of day a reminder of `kind` fires."""
        if kind == DIGEST:
            return self.digest_time
        return self.kind_times.get(kind, self.default_time)


class Reminder(NamedTuple):
    """One reminder: a stable key, the local moment it is due, and its words."""

    key: str
    kind: str
    due: datetime
    day: date
    friend_id: int | None
    friend: str
    occasion: str | None
    occasion_date: date | None
    title: str
    body: str
    # When what it announces is over (a session's end): past it, a missed reminder is no longer worth sending.
    ends: datetime | None = None

    def as_dict(self) -> dict:
        """A JSON-ready view (for `--json` and the command hook)."""
        return {
            "key": self.key,
            "kind": self.kind,
            "due": self.due.isoformat(),
            "day": self.day.isoformat(),
            "friend_id": self.friend_id,
            "friend": self.friend or None,
            "occasion": self.occasion,
            "occasion_date": self.occasion_date.isoformat() if self.occasion_date else None,
            "title": self.title,
            "body": self.body,
        }


def reminder_key(kind: str, friend_id: int | None, occasion: str | None, day: date | None) -> str:
    """The stable identity of a reminder: kind, friend, occasion and the occasion's (or slot's) date."""
    return "/".join((kind, str(friend_id or "-"), occasion or "-", day.isoformat() if day else "-"))


def due_at(day: date, wall: time, rules: ReminderRules, zone: tzinfo) -> datetime:
    """The aware moment for a local wall-clock time on `day`, moved out of the quiet hours."""
    local = datetime.combine(day, wall)
    if rules.quiet is not None:
        local = rules.quiet.release(local)
    # The round trip through UTC settles a wall time that a spring-forward skips to a real instant.
    return local.replace(tzinfo=zone).astimezone(timezone.utc).astimezone(zone)


def derive(items: Iterable[AgendaItem], rules: ReminderRules, zone: tzinfo, first: date, last: date) -> list[Reminder]:
    """Reminders on days in [first, last]; `items` should reach a week past `last` for the digest."""
    kept = [item for item in items if item.friend_id not in rules.muted]
    found: list[Reminder] = []
    for item in kept:
        if item.kind == KEEP_IN_TOUCH:
            found.extend(_keep_in_touch(item, rules, zone, first, last))
        elif first <= item.date <= last:
            # A reply owed has no occasion: its day (the letter's arrival plus the waiting days) names it, once.
            key_day = item.date if item.kind == REPLY_OWED else item.occasion_date
            found.append(_for_item(item, item.date, key_day, rules, zone))
    found.extend(_digests(kept, rules, zone, first, last))
    found.sort(key=lambda r: (r.due, r.key))
    return found


def _for_item(item: AgendaItem, day: date, key_day: date | None, rules: ReminderRules, zone: tzinfo) -> Reminder:
    title, body = _words(item)
    return Reminder(
        key=reminder_key(item.kind, item.friend_id, item.occasion, key_day),
        kind=item.kind,
        due=due_at(day, rules.time_for(item.kind), rules, zone),
        day=day,
        friend_id=item.friend_id,
        friend=item.friend,
        occasion=item.occasion,
        occasion_date=item.occasion_date,
        title=title,
        body=body,
    )


def _keep_in_touch(item: AgendaItem, rules: ReminderRules, zone: tzinfo, first: date, last: date) -> list[Reminder]:
    # One invitation when the friend becomes due and at most one more after the repeat days; never weekly.
    # Both are keyed on the due day, so each is delivered once; a new letter starts a new due day.
    again = item.date + timedelta(days=max(rules.keep_in_touch_repeat_days, 1))
    found = []
    for day, mark in ((max(item.date, first), None), (max(again, first), AGAIN)):
        if day <= last:
            reminder = _for_item(item, day, item.date, rules, zone)
            found.append(reminder._replace(key=reminder_key(KEEP_IN_TOUCH, item.friend_id, mark, item.date)))
    return found


def invitation_allowed(earlier: Iterable[datetime], since: datetime | None, now: datetime, repeat_days: int) -> bool:
    """Whether a keep-in-touch invitation may go out now, given those already sent to this friend.

    Since the last letter (`since`), one invitation and at most one reminder, the repeat days apart.
    """
    sent = [moment for moment in earlier if since is None or moment >= since]
    if len(sent) >= 2:
        return False
    return not sent or now - max(sent) >= timedelta(days=repeat_days)


def _digests(items: list[AgendaItem], rules: ReminderRules, zone: tzinfo, first: date, last: date) -> list[Reminder]:
    if rules.digest_weekday is None:
        return []
    day = first + timedelta(days=(rules.digest_weekday - first.weekday()) % 7)
    found = []
    while day <= last:
        ahead = [i for i in items if day < i.date <= day + timedelta(days=7)]
        if ahead:
            found.append(_digest(day, ahead, rules, zone))
        day += timedelta(days=7)
    return found


def _digest(day: date, ahead: list[AgendaItem], rules: ReminderRules, zone: tzinfo) -> Reminder:
    # A friend who might enjoy a letter is named once, in the digest of the week they become due, not listed daily.
    lines = [f"{short_day(i.date)}  {_DIGEST_KINDS.get(i.kind, i.kind)}: {i.reason}"
             for i in ahead if i.kind != KEEP_IN_TOUCH]
    hellos = sorted({i.friend for i in ahead if i.kind == KEEP_IN_TOUCH}, key=str.casefold)
    if hellos:
        lines.append(f"Might enjoy a letter: {', '.join(hellos)}.")
    return Reminder(
        key=reminder_key(DIGEST, None, None, day),
        kind=DIGEST,
        due=due_at(day, rules.digest_time, rules, zone),
        day=day,
        friend_id=None,
        friend="",
        occasion=None,
        occasion_date=None,
        title="Your week of letters",
        body="\n".join(["Here is what the coming week holds:", *lines]),
    )


def with_uncertain(digest: Reminder, interrupted: list[tuple[str, datetime]]) -> Reminder:
    """The digest with the reminders whose delivery was interrupted, so nothing is lost or sent twice."""
    lines = [f"  {due:%a %d %b %H:%M}  {key}" for key, due in interrupted]
    note = "These reminders were being sent when ritual was stopped; they may not have reached you:"
    return digest._replace(body="\n".join([digest.body, "", note, *lines]))


def session_reminders(plan: SessionPlan, rules: ReminderRules, zone: tzinfo, first: date, last: date) -> list[Reminder]:
    """One reminder at the start of each session on days in [first, last]; none for a session in the quiet hours."""
    return [_session_reminder(s, plan.letters_in(s), zone) for s in plan.sessions
            if first <= s.day <= last and not (rules.quiet is not None and rules.quiet.holds(s.start))]


def _session_reminder(session: Session, letters: list[LetterTask], zone: tzinfo) -> Reminder:
    # The session's own time, not a reminder time: the user chose when to sit down.
    due = datetime.combine(session.day, session.start).replace(tzinfo=zone).astimezone(timezone.utc).astimezone(zone)
    names = ", ".join(task.friend for task in letters)
    body = (f"{session.minutes} minutes set aside for letters to {names}. Begin whenever you are ready."
            if names else f"{session.minutes} minutes set aside, and no letter due: a good time for one of your choice.")
    return Reminder(
        key=f"{SESSION}/-/-/{session.day.isoformat()}T{session.start:%H:%M}",
        kind=SESSION,
        due=due,
        day=session.day,
        friend_id=None,
        friend="",
        occasion=None,
        occasion_date=None,
        title="Your writing session is starting",
        body=body,
        ends=due + timedelta(minutes=session.minutes),
    )


def _words(item: AgendaItem) -> tuple[str, str]:
    name = item.friend
    if item.kind == WRITE:
        after = f" Post it by {short_day(item.post_by)}." if item.post_by else ""
        return f"A good day to write to {name}", item.reason + "." + after
    if item.kind == POST:
        return f"{name}'s card goes in the post today", item.reason + "."
    if item.kind == OCCASION:
        return f"Today is {name}'s day", item.reason + " is today."
    if item.kind == REPLY_OWED:
        return f"{name}'s letter is waiting for your reply", item.reason + ". No hurry; whenever you are ready."
    return f"{name} might enjoy a letter", item.reason + "."
