"""Where a stored card belongs once its occasion's date changed: the nearest day the occasion now falls on."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from ritual.core.cards import ARRIVED, ENDINGS, LIFE, Card
from ritual.core.dates import occurrences_between
from ritual.core.model import Occasion

# A yearly occasion falls within half a year of any day; a year each side always finds the nearest one.
REACH = timedelta(days=366)


def occasion_days(occasion: Occasion, policy: str, first: date, last: date) -> list[date]:
    """The days in [first, last] the occasion falls on (a one-off on its own day only)."""
    if not occasion.yearly:
        day = occasion.date.as_date()
        return [day] if first <= day <= last else []
    return occurrences_between(occasion.date, first, last, policy)


def days_now(card: Card, occasions: Iterable[Occasion], policy: str) -> list[date]:
    """Every day near the card's day its occasion now falls on (a one-off: its day, however far)."""
    named = [o for o in occasions if o.name == card.occasion]
    found: set[date] = set()
    for occasion in named:
        if occasion.yearly:
            found.update(occasion_days(occasion, policy, card.day - REACH, card.day + REACH))
        else:
            found.add(occasion.date.as_date())
    return sorted(found)


def new_day(card: Card, days: list[date]) -> date | None:
    """The day the card moves to, or None when it stays (its day still holds, or the occasion is gone)."""
    if not days or card.day in days:
        return None
    # The nearest: the card of this year's occasion follows this year's new date. On a tie, the same year.
    return min(days, key=lambda d: (abs((d - card.day).days), d.year != card.day.year, d))


def further_along(first: Card, second: Card) -> Card:
    """Of two cards that now name the same occasion, the one whose story went further (it stays)."""
    return max((first, second), key=_progress)


def _progress(card: Card) -> tuple[int, int, int]:
    """Done beats open; then the later step; the older row wins a tie, so letters keep the card they knew."""
    status = card.status
    rank = LIFE.index(ARRIVED) + 1 if status in ENDINGS else LIFE.index(status)
    return (int(card.is_done), rank, -(card.id or 0))
