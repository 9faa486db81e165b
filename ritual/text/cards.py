"""Cards as terminal text: one line per card, and what a step just did."""

from __future__ import annotations

from ritual.core.cards import Card, state_words
from ritual.core.text import short_day
from ritual.text.output import clean


def card_row(card: Card) -> str:
    """One line of `ritual card list`."""
    state = state_words(card) or "to write"
    number = f"#{card.id}" if card.id else "  "
    return f"{number:>6}  {card.day.isoformat()}  {clean(card.friend)[:26]:<26}  {clean(card.occasion)[:16]:<16}  {clean(state)}"


def change_text(before: Card, after: Card, undone: bool = False) -> str:
    """A short confirmation naming the card and where it went, with the way back."""
    what = f"{clean(after.friend)}'s {clean(after.occasion)} card ({short_day(after.day)} {after.day.year})"
    if undone:
        return f"{what} is {after.status} again (was {before.status})."
    return f"{what}: {clean(state_words(after))}. To take it back: ritual card undo {_quoted(after)}"


def _quoted(card: Card) -> str:
    name = card.friend if card.friend.isalnum() else f'"{card.friend}"'
    return f"{clean(name)} {clean(card.occasion)} --date {card.day.isoformat()}"


def card_note(card: Card | None) -> str:
    """What logging or moving a letter did to its card, as a short second sentence (nothing without a card)."""
    if card is None:
        return ""
    return f" It is {clean(card.friend)}'s {clean(card.occasion)} card of {short_day(card.day)}: {clean(state_words(card))}."
