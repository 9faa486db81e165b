"""The one planning engine: friends, rules and a date range in, sorted agenda items out."""

from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from operator import itemgetter
from typing import NamedTuple

from ritual.core.card_dates import occasion_days
from ritual.core.cards import Card, CardKey, state_words
from ritual.core.dates import FEB28, PartialDate
from ritual.core.model import BIRTHDAY, Friend, Occasion
from ritual.core.plan_steps import OCCASION, POST, WRITE, Timing, Window, shape_of
from ritual.core.postal import MailCalendar, TransitTable
from ritual.core.text import MONTH_NAMES, MONTHS, short_day

KEEP_IN_TOUCH = "keep_in_touch"
REPLY_OWED = "reply_owed"
KINDS = (OCCASION, WRITE, POST, KEEP_IN_TOUCH, REPLY_OWED)
# Gentle suggestions rather than deadlines: shown apart from the cards still open.
INVITATIONS = (KEEP_IN_TOUCH, REPLY_OWED)


class PlanRules(NamedTuple):
    """Everything besides the friends that decides a plan."""

    home_country: str
    transit: TransitTable
    mail: MailCalendar
    writing_lead_days: int = 2
    feb29_policy: str = FEB28
    reply_after_days: int = 14

    def horizon_days(self) -> int:
        """Calendar days between the earliest write-by and its occasion, generously bounded."""
        mail_days_per_week = len(self.mail.mail_weekdays)
        longest = -(-self.transit.longest() * 7 // mail_days_per_week)
        return longest + self.writing_lead_days + 21  # slack for holidays around the window

    def last_occasion_due_by(self, end: date) -> date:
        """The latest occasion whose write-by, for the slowest post, can fall on or before `end`.

        Writing by `end` means posting by `end` plus the writing lead; a card posted at the first mail day
        after that arrives `longest` mail days later, so every later occasion has its deadlines after `end`.
        """
        first_too_late = self.mail.first_mail_day_on_or_after(end + timedelta(days=self.writing_lead_days + 1))
        return self.mail.mail_days_after(first_too_late, self.transit.longest()) - timedelta(days=1)


class Subject(NamedTuple):
    """What the planner needs of one friend: a light view the store can load quickly (a tuple: 10,000 load fast)."""

    friend_id: int
    name: str
    country: str = ""
    feb29: str | None = None
    cadence_days: int | None = None
    last_letter: date | None = None
    occasions: tuple[Occasion, ...] = ()
    awaiting_reply: date | None = None  # when the oldest unanswered letter from them arrived

    @classmethod
    def from_friend(cls, friend: Friend) -> "Subject":
        """The planning view of a full friend record; the birthday becomes an occasion."""
        return cls(
            friend_id=friend.id or 0,
            name=friend.name,
            country=friend.country,
            feb29=friend.feb29,
            cadence_days=friend.cadence_days,
            last_letter=friend.last_letter,
            occasions=with_birthday(friend.birthday, friend.birthday_card, friend.occasions),
        )


def with_birthday(birthday: PartialDate | None, card: bool, occasions: tuple[Occasion, ...]) -> tuple[Occasion, ...]:
    """The occasions to plan: the birthday (when known) first, then the others."""
    if birthday is None:
        return occasions
    return (Occasion(BIRTHDAY, birthday, card=card), *occasions)


class AgendaItem(NamedTuple):
    """One thing to do or to know on a day, and why (a tuple: plans of 10,000 friends build fast)."""

    date: date
    kind: str
    friend_id: int
    friend: str
    occasion: str | None
    occasion_date: date | None
    reason: str
    late: bool = False
    overdue: bool = False
    earliest_arrival: date | None = None
    age: int | None = None
    write_by: date | None = None
    post_by: date | None = None
    transit_days: int | None = None
    country: str = ""
    card_id: int | None = None
    card_status: str | None = None  # None: no card is planned for it (an invitation, an occasion without a card)

    def sort_key(self) -> tuple:
        """Date, then kind, then the friend's name."""
        return (self.date, self.kind, self.friend.casefold(), self.friend_id, self.occasion or "")

    def as_dict(self) -> dict:
        """The JSON shape promised in DESIGN.md section 3, plus extra keys."""
        iso = lambda d: d.isoformat() if d else None  # noqa: E731
        return {
            "date": self.date.isoformat(),
            "kind": self.kind,
            "friend": self.friend,
            "friend_id": self.friend_id,
            "occasion": self.occasion,
            "occasion_date": iso(self.occasion_date),
            "reason": self.reason,
            "late": self.late,
            "overdue": self.overdue,
            "earliest_arrival": iso(self.earliest_arrival),
            "age": self.age,
            "write_by": iso(self.write_by),
            "post_by": iso(self.post_by),
            "transit_days": self.transit_days,
            "country": self.country or None,
            "card_id": self.card_id,
            "card_status": self.card_status,
        }


def plan(
    subjects: Iterable[Subject],
    rules: PlanRules,
    start: date,
    end: date,
    today: date,
    include_overdue: bool = True,
    cards: Mapping[CardKey, Card] | None = None,
) -> list[AgendaItem]:
    """Agenda items dated in [start, end]; with `include_overdue`, also what is still open from before.

    `cards` holds the cards that moved past planned, by key: their done steps are no longer asked for.
    """
    # Overdue means dated before both the range and today, yet still worth doing.
    window = Window(start, end, today, min(start, today) if include_overdue else date.min)
    build = _Builder(rules, window, occasion_spans(rules, start, end, today, include_overdue), cards or {})
    # Built in name order into one list per (date, kind): read in key order, they are in AgendaItem.sort_key's order.
    for subject in _in_name_order(subjects):
        build.add(subject)
    return build.sorted_items()


def _in_name_order(subjects: Iterable[Subject]) -> list[Subject]:
    """Subjects in name order regardless of case, then by id.

    Two sorts on one key each rather than one on (name, id) pairs: strings and numbers compare faster alone than
    inside tuples, and the second sort, being stable, keeps the id order among equal names.
    """
    return sorted(sorted(subjects, key=_friend_id), key=_folded_name)


_friend_id = itemgetter(0)


def _folded_name(subject: Subject) -> str:
    return subject.name.casefold()


def _occasion_name(occasion: Occasion) -> str:
    return occasion.name


def occasion_window(rules: PlanRules, start: date, end: date, today: date, include_overdue: bool) -> tuple[date, date]:
    """The occasion dates whose tasks can fall in a plan: a store may load only those friends."""
    first = min(start, today) if include_overdue else start
    return first, rules.last_occasion_due_by(end)


def occasion_spans(rules: PlanRules, start: date, end: date, today: date,
                   include_overdue: bool) -> tuple[tuple[date, date], ...]:
    """The occasion window split in two when a far-off range leaves a gap after today's open tasks.

    What is still open is due by today, so its occasions lie within one horizon of today; the years
    between that and a range far ahead hold nothing to show, and planning them would cost a year each.
    """
    first, last = occasion_window(rules, start, end, today, include_overdue)
    open_until = today + timedelta(days=rules.horizon_days())
    if not include_overdue or start <= open_until:
        return ((first, last),)
    return ((today, open_until), (start, last))


# An item is made straight from its fields: AgendaItem's generated __new__ costs as much again, 40,000 times a year.
_new_item = tuple.__new__
_UNKNOWN = object()  # a day not placed yet (None means: not shown)

class _Builder:
    """One plan's items, friend by friend, with what friends share (days, deadlines, labels) worked out once."""

    def __init__(self, rules: PlanRules, window: Window, spans: tuple[tuple[date, date], ...],
                 cards: Mapping[CardKey, Card]) -> None:
        # Each (date, kind) has its list, filled in name order: no sort of tens of thousands of items at the end.
        self._buckets: dict[tuple[date, str], list[AgendaItem]] = {}
        self.rules = rules
        self.window = window
        self.spans = spans
        self.cards = cards
        self.timing = Timing(rules, window.today, cards)
        self._days: dict[tuple, list[date]] = {}
        self._first_year = min(lo.year for lo, _ in spans)
        self._steps: dict[tuple[date, int | None], tuple[tuple, ...]] = {}
        self._carded = {friend_id for friend_id, _, _ in cards}
        self._labels: dict[tuple, str] = {}
        self._short: dict[date, str] = {}
        self._months: dict[date, str] = {}
        self._gaps: dict[int, timedelta] = {}
        self._placed: dict[date, bool | None] = {}
        self._transits: dict[str, int] = {}

    def add(self, subject: Subject) -> None:
        """Every item of one friend: their occasions' days and steps, then the gentle invitations."""
        occasions = subject.occasions
        if len(occasions) > 1:
            occasions = sorted(occasions, key=_occasion_name)
        policy = subject.feb29 or self.rules.feb29_policy
        for occasion in occasions:
            for occ_date in self._occurrences(occasion, policy):
                self._occasion(subject, occasion, occ_date)
        if subject.cadence_days:
            self._keep_in_touch(subject)
        if subject.awaiting_reply:
            self._append(_reply_owed(subject, self.window, self.rules.reply_after_days))

    def _append(self, item: AgendaItem | None) -> None:
        """Keep an invitation when there is one."""
        if item is not None:
            self._bucket(item.date, item.kind).append(item)

    def _bucket(self, day: date, kind: str) -> list[AgendaItem]:
        """The items of one kind on one day, in the order they were made."""
        found = self._buckets.get((day, kind))
        if found is None:
            found = self._buckets[(day, kind)] = []
        return found

    def sorted_items(self) -> list[AgendaItem]:
        """Every item by date, then kind, then the order friends were added in."""
        items: list[AgendaItem] = []
        for key in sorted(self._buckets):
            items += self._buckets[key]
        return items

    def _occurrences(self, occasion: Occasion, policy: str) -> list[date]:
        """The occasion's days in the plan's spans; friends born on the same day share them."""
        value = occasion.date
        # A birth year before the plan's first year changes nothing: friends born on one day share the list.
        year = value.year if not occasion.yearly or (value.year or 0) >= self._first_year else None
        key = (value.month, value.day, year, occasion.yearly, policy if value.month == 2 and value.day == 29 else "")
        found = self._days.get(key)
        if found is None:
            found = self._days[key] = [day for lo, hi in self.spans for day in occasion_days(occasion, policy, lo, hi)]
        return found

    def _occasion(self, subject: Subject, occasion: Occasion, occ_date: date) -> None:
        """The items of one occasion on one day: the day itself and the card's steps still to do."""
        friend_id = subject.friend_id
        # Most friends have no stored card: a look at their id spares building a key for every occasion.
        card = self.cards.get((friend_id, occasion.name, occ_date)) if friend_id in self._carded else None
        country = subject.country or self.rules.home_country
        transit = None
        if occasion.card or card is not None:
            transit = self._transits.get(country) or self._transit(country)
        if card is None:
            steps = self._steps.get((occ_date, transit)) or self._shared_steps(occ_date, transit)
        else:
            steps = self._card_steps(occ_date, transit, card)
        if not steps:
            return
        value = occasion.date
        # The age reached on the day: yearly occasions with a known year and day.
        age = occ_date.year - value.year if occasion.yearly and value.day is not None and value.year is not None else None
        label = self._labels.get((occasion.name, value.month if value.day is None else 0, age)) or self._label(occasion, age)
        name, occasion_name, card_id = subject.name, occasion.name, card.id if card is not None else None
        for bucket, kind, day, placed, before, between, after, late, arrival, written, posted, status in steps:
            bucket.append(_new_item(AgendaItem, (
                day, kind, friend_id, name, occasion_name, occ_date, f"{before}{name}{between}{label}{after}", late,
                placed, arrival, age, written, posted, transit, country, card_id, status)))

    def _shared_steps(self, occ_date: date, transit: int | None) -> tuple[tuple, ...]:
        """The steps shown for an occasion's day (`transit` None: no card wanted) for anyone with no stored card;
        shared by every friend with the same post."""
        self._steps[(occ_date, transit)] = found = self._card_steps(occ_date, transit, None)
        return found

    def _card_steps(self, occ_date: date, transit: int | None, card: Card | None) -> tuple[tuple, ...]:
        """Each step shown for an occasion's day, as what its item needs besides the friend: the list it goes in,
        its kind, day and placement, the words around the name and label of its reason, and the card's dates."""
        shape = shape_of(occ_date, transit, card, self.window, self.timing)
        late, arrival, written, posted, transit, status = shape[1:]
        tail = f" {self._day(occ_date)}"
        steps = []
        for kind, day, placed in shape.steps:
            if kind == WRITE:
                words = ("Write to ", " — ", tail)
            elif kind == POST:
                words = ("Post the card to ", " — ", f"{tail}, {transit} {'mail day' if transit == 1 else 'mail days'} in the post")
            else:
                state = state_words(card) if card is not None else ""
                words = ("", "'s ", f" — {state}" if state else "")
            steps.append((self._bucket(day, kind), kind, day, placed, *words, late, arrival, written, posted, status))
        return tuple(steps)

    def _transit(self, country: str) -> int:
        """Mail days to `country`, kept for the friends who live there too."""
        self._transits[country] = found = self.timing.transit(country)
        return found

    def _label(self, occasion: Occasion, age: int | None) -> str:
        """The occasion's label at `age`, kept for every friend whose occasion of that name reaches it too."""
        value = occasion.date
        self._labels[(occasion.name, value.month if value.day is None else 0, age)] = label = _occasion_label(occasion, age)
        return label

    def _keep_in_touch(self, subject: Subject) -> None:
        """The invitation to write again once a friend's rhythm has passed since the last letter (now, if none)."""
        last = subject.last_letter
        due = last + self._gap(subject.cadence_days) if last else self.window.today
        placed = self._placed.get(due, _UNKNOWN)
        if placed is _UNKNOWN:
            placed = self._placed[due] = self.window.placement(due)
        if placed is None:
            return
        name = subject.name
        # Warm words, never a count of silent days: an invitation, not a debt.
        if last is None:
            reason = f"{name} might enjoy a first letter (no letter recorded yet)"
        else:
            reason = f"It has been a while since you wrote to {name} (last letter {self._day_month(last)})"
        self._bucket(due, KEEP_IN_TOUCH).append(_invitation(subject, KEEP_IN_TOUCH, due, placed, reason))

    def _gap(self, days: int) -> timedelta:
        """A keep-in-touch rhythm as a timedelta; thousands of friends share a few rhythms."""
        gap = self._gaps.get(days)
        if gap is None:
            gap = self._gaps[days] = timedelta(days=days)
        return gap

    def _day_month(self, day: date) -> str:
        """`17 Feb` (with the year when not this year's), made once per day."""
        text = self._months.get(day)
        if text is None:
            text = self._months[day] = _day_month(day, self.window.today)
        return text

    def _day(self, day: date) -> str:
        """`Sat 14 Mar`, made once per day of the plan."""
        text = self._short.get(day)
        if text is None:
            text = self._short[day] = short_day(day)
        return text


def _day_month(day: date, today: date) -> str:
    """`17 Feb`, with the year when it is not this year's."""
    text = f"{day.day} {MONTHS[day.month - 1]}"
    return text if day.year == today.year else f"{text} {day.year}"


def _reply_owed(subject: Subject, window: Window, after_days: int) -> AgendaItem | None:
    received = subject.awaiting_reply
    due = received + timedelta(days=after_days)
    placed = window.placement(due)
    if placed is None:
        return None
    reason = f"{subject.name}'s letter of {short_day(received)} is waiting for your reply"
    return _invitation(subject, REPLY_OWED, due, placed, reason)


def _invitation(subject: Subject, kind: str, due: date, overdue: bool, reason: str) -> AgendaItem:
    """A gentle suggestion about a friend, tied to no occasion."""
    return _new_item(AgendaItem, (due, kind, subject.friend_id, subject.name, None, None, reason, False, overdue,
                                  None, None, None, None, None, subject.country, None, None))


def _occasion_label(occasion: Occasion, age: int | None) -> str:
    if occasion.date.month_only:
        return f"{occasion.name} (sometime in {MONTH_NAMES[occasion.date.month - 1]})"
    if age is None or age <= 0:
        return occasion.name
    if occasion.name == BIRTHDAY:
        return f"birthday ({age})"
    return f"{occasion.name} ({age} years)"
