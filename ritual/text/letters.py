"""A logged letter in words: the stamp it used and where its card now stands."""

from __future__ import annotations

from ritual.services.letters.posting import LetterLogged
from ritual.text.cards import card_note


def stamp_note(logged: LetterLogged) -> str:
    """` One international stamp used; 3 left.`, or nothing when stamps are not counted."""
    if logged.stamp is None:
        return ""
    return f" One {logged.stamp} stamp used; {logged.stamps_left} left."


def logged_note(logged: LetterLogged) -> str:
    """The stamp and the card, as the end of a sentence about the letter."""
    return stamp_note(logged) + card_note(logged.card)
