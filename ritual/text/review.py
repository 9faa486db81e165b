"""The weekly review as terminal text: each step's heading, its lines, and the questions it asks."""

from __future__ import annotations

from ritual.core.cards import POSTED, SKIPPED, WRITTEN
from ritual.core.planner import WRITE
from ritual.core.supplies import counted
from ritual.core.text import short_day
from ritual.services.review.weekly import ReviewCard, WeeklyReview
from ritual.text.output import Styler, clean
from ritual.text.render import WIDTH, labelled

MARK_QUESTION = "w written · p posted · s skip this year · Enter leaves it · q next step"
PRINT_QUESTION = "e envelopes · l labels · Enter skips"
DONE_WORDS = {WRITTEN: "marked written", POSTED: "marked posted", SKIPPED: "skipped this year"}


def heading(review: WeeklyReview, style: Styler) -> str:
    """The review's first line."""
    plan = review.plan
    return style.heading(f"Your weekly review · {short_day(review.today)} · "
                         f"the week to {short_day(plan.sunday)}")


def card_line(card: ReviewCard, width: int = WIDTH) -> str:
    """`Write to Ana — birthday Thu 3 Dec (was due Mon 30 Nov)`, wrapped to `width`."""
    item = card.item
    text = clean(item.reason)
    if item.overdue:
        text += f" (was due {short_day(item.date)})"
    if item.late and item.earliest_arrival:
        text += f" — arrives {short_day(item.earliest_arrival)} at the earliest"
    return labelled(item.kind, text, str, width)


def still_open_lines(review: WeeklyReview, style: Styler) -> list[str]:
    """Step 1's heading and what it holds."""
    head = ["", style.heading("1. Still open from before")]
    if not review.still_open:
        return head + ["  Nothing is waiting from the past days."]
    return head


def coming_lines(review: WeeklyReview, style: Styler, width: int = WIDTH) -> list[str]:
    """Step 2: the coming week's cards, each with the session that holds it, wrapped to `width`."""
    lines = ["", style.heading("2. The coming week")]
    if not review.coming:
        lines.append("  No card is due to be written or posted in these days.")
    for card in review.coming:
        lines.append(card_line(card, width))
        if card.waits_for == WRITE:
            session = review.sessions.get(card.key)
            where = (f"in your writing session {short_day(session.day)} {session.start:%H:%M}" if session
                     else "no writing session holds it")
            lines.append(style.muted(f"           {where}"))
    empty = [s for s in review.plan.sessions if not review.plan.letters_in(s) and s.day >= review.today]
    lines += [style.muted(f"  session  {short_day(s.day)} {s.start:%H:%M}: free for a letter of your choice")
              for s in empty]
    return lines


def supplies_lines(review: WeeklyReview, style: Styler, width: int = WIDTH) -> list[str]:
    """Step 3: what the week needs against what is on hand, wrapped to `width`."""
    lines = ["", style.heading("3. Stamps and cards")]
    if not review.need:
        return lines + ["  The week needs no stamps or cards."]
    for kind, count in sorted(review.need.items()):
        have = review.on_hand.get(kind)
        if have is None:
            state = f"not counted (`ritual supplies set {kind} N` to keep count)"
        elif have >= count:
            state = f"{have} on hand"
        else:
            state = f"{have} on hand: {count - have} more to buy"
        lines.append(labelled("need", f"{counted(count, kind)}; {state}", str, width))
    return lines


def post_lines(review: WeeklyReview, names: list[str], style: Styler, width: int = WIDTH) -> list[str]:
    """Step 4's heading and whose cards go in the post, wrapped to `width`."""
    lines = ["", style.heading("4. Envelopes or labels")]
    if not names:
        return lines + ["  No card goes in the post this week."]
    return lines + [labelled("post", f"The cards to {', '.join(clean(n) for n in names)}.", str, width)]

