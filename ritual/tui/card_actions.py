"""The card keys shared by the week and the profile: next step, skip this year, given, and one undo."""

from __future__ import annotations

from textual.binding import Binding

from ritual.core.cards import ARRIVED, LIFE, PLANNED, Card, CardKey, planned
from ritual.core.planner import AgendaItem
from ritual.errors import RitualError
from ritual.services.cards.steps import UNDO, CardChange, step_card
from ritual.text.cards import change_text

CARD_BINDINGS = [
    Binding("n", "card_step('next')", "Card: next step", show=False),
    Binding("k", "card_step('skipped')", "Card: skip this year", show=False),
    Binding("g", "card_step('given')", "Card: given by hand", show=False),
    Binding("z", "card_undo", "Card: undo the last step", show=False),
]


def card_of(screen, item: AgendaItem | None) -> Card | None:
    """The card behind an agenda item, stored or only planned; None when the item is about no card."""
    if item is None or item.card_status is None:
        return None
    key = CardKey(item.friend_id, item.occasion, item.occasion_date)
    return screen.data.stored_card(key) or planned(key, item.friend)


def next_step(card: Card) -> str | None:
    """Written after planned, posted after written, arrived after posted; nothing after that."""
    if card.ending or card.status == ARRIVED:
        return None
    return LIFE[LIFE.index(card.status) + 1]


class CardActions:
    """Mixed into a screen that can say which card is under the cursor (`chosen_card`)."""

    last_change: CardChange | None = None

    def chosen_card(self) -> Card | None:
        """The card under the cursor; screens fill this in."""
        raise NotImplementedError

    def action_card_step(self, action: str) -> None:
        """Take a step on the chosen card, say so in a few words, and keep it for one undo."""
        card = self.chosen_card()
        if card is None:
            self.notify("Choose a card in the list first (a write, post or the day itself).")
            return
        step = next_step(card) if action == "next" else action
        if step is None:
            self.notify(change_text(card, card).split(".")[0] + ": nothing more to do.", title="Card")
            return
        self._store_step(card, step)

    def action_card_undo(self) -> None:
        """Take back the last step made here, or else the last step of the chosen card."""
        change, self.last_change = self.last_change, None
        card = change.after if change is not None else self.chosen_card()
        if card is None or card.status == PLANNED:
            self.notify("No card step to undo here.")
            return
        self._store_step(card, UNDO)

    def _store_step(self, card: Card, step: str) -> None:
        try:
            change = step_card(self.data.db, card, step, self.data.today())
        except RitualError as exc:
            self.notify(exc.message, title="Not changed")
            return
        self.last_change = change if step != UNDO else None
        words = change_text(change.before, change.after, undone=step == UNDO).split(" To take it back")[0]
        self.notify(words + ("" if step == UNDO else " (z to undo)"), title="Card")
        self.app.data_changed()
