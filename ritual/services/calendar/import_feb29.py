"""A 29 February anniversary from a calendar rule, and the friend's own 29 February choice.

ritual keeps one choice per friend (28 February or 1 March in common years) that all their Feb-29 dates follow.
A rule such as `RSCALE=GREGORIAN;SKIP=FORWARD` (1 March) becomes that choice when the friend has none yet and
no Feb-29 birthday of theirs would move with it; otherwise the friend's choice decides, and the summary says so.
"""

from __future__ import annotations


from ritual.core.dates import FEB28, MAR1
from ritual.core.model import Friend
from ritual.services.calendar.read import Found

POLICY_WORDS = {FEB28: "28 February", MAR1: "1 March"}


def with_anniversary_policy(friend: Friend, found: Found) -> Friend:
    """The friend with the rule's 29 February choice, when it may be taken as theirs."""
    return friend._replace(feb29=found.feb29) if _may_take(friend, found) else friend


def feb29_note(before: Friend, after: Friend, found: Found | None) -> str:
    """A few words on which 29 February choice a Feb-29 anniversary follows; empty for any other date."""
    if found is None or not found.date.is_feb29 or found.feb29 is None:
        return ""
    rule = POLICY_WORDS[found.feb29]
    if before.feb29 is None and after.feb29 == found.feb29:
        return f"on {rule} in common years, as the file's rule says; now {before.name}'s 29 February choice"
    if before.feb29 == found.feb29:
        return f"on {rule} in common years, as {before.name}'s 29 February choice says"
    own = POLICY_WORDS.get(before.feb29 or "", "the one in settings")
    why = ", which their 29 February birthday follows too" if before.feb29 is None else ""
    return f"the file says {rule} in common years; {before.name}'s own choice ({own}) decides{why}"


def _may_take(friend: Friend, found: Found) -> bool:
    if not found.date.is_feb29 or found.feb29 is None or friend.feb29 is not None:
        return False
    return not (friend.birthday and friend.birthday.is_feb29)
