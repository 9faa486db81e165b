"""`ritual import ics`: birthdays and anniversaries from a calendar file into friends, all or nothing."""

from __future__ import annotations

import sys
from collections import defaultdict
from contextlib import nullcontext
from dataclasses import replace
from pathlib import Path

from ritual.core.dates import MAR1, PartialDate
from ritual.core.model import ANNIVERSARY, BIRTHDAY, Friend, Occasion
from ritual.errors import RitualError
from ritual.services.calendar.import_feb29 import feb29_note, with_anniversary_policy
from ritual.services.calendar.read import Found, Skipped, read_calendar
from ritual.services.calendar.summary import CREATED, SKIPPED, UNCHANGED, UPDATED, ImportSummary, Outcome
from ritual.store.database import Database
from ritual.store.friends import FriendRepository


def read_source(file: str) -> bytes:
    """The bytes of FILE, or of standard input for `-`."""
    if file == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(file).expanduser().read_bytes()
    except OSError as exc:
        raise RitualError(f"{file}: cannot be read ({exc.strerror})") from None


def import_calendar(db: Database, data: bytes, source: str, dry_run: bool = False,
                    for_name: str | None = None) -> ImportSummary:
    """Apply every date found in the file in one transaction (none when `dry_run`) and say what happened.

    Anniversaries that name nobody ("Our anniversary") go to the friend `for_name` names; without it they are skipped.
    """
    notes: list[str] = []
    found, skipped = read_calendar(data, source, notes)
    repo = FriendRepository(db)
    owner = repo.find(for_name) if for_name else None
    found, unclaimed = _claimed(found, owner)
    people, conflicts = merge(found)
    skips = skipped + unclaimed + conflicts
    summary = ImportSummary([Outcome(SKIPPED, s.title, f"line {s.line}: {s.reason}") for s in skips], notes)
    # Repository writes nest inside this one transaction: the file imports whole or not at all.
    with nullcontext() if dry_run else db.transaction():
        index = _index(repo.all())
        if owner is not None:
            index[owner.name.casefold()] = [owner]
        for name, dates in people.items():
            summary.outcomes.append(_apply(repo, index.get(name.casefold(), []), name, dates, dry_run))
    return summary


def _claimed(found: list[Found], owner: Friend | None) -> tuple[list[Found], list[Skipped]]:
    """Dates naming nobody given to `owner`, or skipped with a hint how to give them to someone."""
    named = [f for f in found if f.name]
    nameless = [f for f in found if not f.name]
    if owner is not None:
        return named + [replace(f, name=owner.name) for f in nameless], []
    hint = "that names no person; add --for NAME to give it to a friend"
    return named, [Skipped(f.title, f.line, f"an {f.kind} on {f.date.words()} {hint}") for f in nameless]


def merge(found: list[Found]) -> tuple[dict[str, dict[str, Found]], list[Skipped]]:
    """One date per person and kind: yearly rules beat single days, a stated year beats none; conflicts skip."""
    groups: dict[tuple[str, str], list[Found]] = defaultdict(list)
    for item in found:
        groups[(item.name.casefold(), item.kind)].append(item)
    people: dict[str, dict[str, Found]] = {}
    conflicts = []
    for items in groups.values():
        best = max(items, key=lambda f: (f.from_rule, f.date.year is not None))
        rivals = {(f.date.month, f.date.day) for f in items if f.from_rule == best.from_rule}
        if len(rivals) > 1:
            conflicts.append(Skipped(best.name, best.line, f"the file gives {len(rivals)} different {best.kind} dates"))
            continue
        people.setdefault(best.name, {})[best.kind] = _with_mar1_instances(best, items)
    return people, conflicts


def _with_mar1_instances(best: Found, items: list[Found]) -> Found:
    """A Feb-29 yearly rule beside single Mar-1 days is ritual's own way of writing the `mar1` policy."""
    if best.from_rule and best.date.is_feb29 and best.feb29 is None:
        if any(not f.from_rule and (f.date.month, f.date.day) == (3, 1) for f in items):
            return replace(best, feb29=MAR1)
    return best


def _apply(repo: FriendRepository, matches: list[Friend], name: str, dates: dict[str, Found], dry_run: bool) -> Outcome:
    what = ", ".join(f"{kind} {found.date.words()}" for kind, found in sorted(dates.items()))
    if len(matches) > 1:
        return Outcome(SKIPPED, name, f"{what}: the name matches {len(matches)} friends; add it by hand")
    if not matches:
        if not dry_run:
            repo.add(_new_friend(name, dates))
        return Outcome(CREATED, name, what)
    friend = matches[0]
    changed, problem = _merged(friend, dates)
    if problem:
        return Outcome(SKIPPED, friend.name, problem)
    what = "; ".join(p for p in (what, feb29_note(friend, changed, dates.get(ANNIVERSARY))) if p)
    if changed == friend:
        return Outcome(UNCHANGED, friend.name, what)
    if not dry_run:
        repo.update(changed)
    return Outcome(UPDATED, friend.name, what)


def _new_friend(name: str, dates: dict[str, Found]) -> Friend:
    birthday, anniversary = dates.get(BIRTHDAY), dates.get(ANNIVERSARY)
    occasions = (Occasion(ANNIVERSARY, anniversary.date),) if anniversary else ()
    feb29 = birthday.feb29 if birthday else anniversary.feb29 if anniversary and anniversary.date.is_feb29 else None
    return Friend(name=name, birthday=birthday.date if birthday else None, feb29=feb29, occasions=occasions)


def _merged(friend: Friend, dates: dict[str, Found]) -> tuple[Friend, str | None]:
    """The friend with the file's dates added where they fill a gap; a problem text where they contradict."""
    if BIRTHDAY in dates:
        new, known = dates[BIRTHDAY].date, friend.birthday
        if known is not None and not _same_day(known, new):
            return friend, f"already has birthday {known.words()}; the file says {new.words()}, so it was left as it is"
        if known is None or (known.year is None and new.year is not None):
            friend = friend._replace(birthday=new, feb29=friend.feb29 or dates[BIRTHDAY].feb29)
    if ANNIVERSARY in dates:
        new = dates[ANNIVERSARY].date
        same = [o for o in friend.occasions if o.name.casefold() == ANNIVERSARY and _same_day(o.date, new)]
        if not same:
            friend = friend._replace(occasions=(*friend.occasions, Occasion(ANNIVERSARY, new)))
        elif same[0].date.year is None and new.year is not None:
            kept = tuple(o._replace(date=new) if o is same[0] else o for o in friend.occasions)
            friend = friend._replace(occasions=kept)
        friend = with_anniversary_policy(friend, dates[ANNIVERSARY])
    return friend, None


def _same_day(one: PartialDate, other: PartialDate) -> bool:
    return (one.month, one.day) == (other.month, other.day)


def _index(friends: list[Friend]) -> dict[str, list[Friend]]:
    index: dict[str, list[Friend]] = defaultdict(list)
    for friend in friends:
        for key in {friend.name.casefold(), friend.nickname.casefold()} - {""}:
            index[key].append(friend)
    return index
