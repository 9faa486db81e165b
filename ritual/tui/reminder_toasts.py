"""Reminders inside the app, calmly: those arriving together become one summary, and toasts never pile up."""

from __future__ import annotations

from dataclasses import dataclass, field

# Reminders arriving within this many seconds of each other are told as one.
GATHER_SECONDS = 0.4
# More than this many at once become a single summary toast.
SHOWN_ONE_BY_ONE = 2
# The most toasts on screen at any time; the oldest gives way to a new one.
MOST_TOASTS = 3
SUMMARY_NAMED = 3


@dataclass
class GatheredReminders:
    """(title, body) pairs waiting to be shown together."""

    waiting: list[tuple[str, str]] = field(default_factory=list)

    def add(self, title: str, body: str) -> bool:
        """Keep one; True when it is the first of a new gathering (the caller starts the timer)."""
        self.waiting.append((title, body))
        return len(self.waiting) == 1

    def take(self) -> list[tuple[str, str]]:
        """The toasts to show now: each one, or one summary when many came together."""
        waiting, self.waiting = self.waiting, []
        if len(waiting) <= SHOWN_ONE_BY_ONE:
            return waiting
        return [summary(waiting)]


def summary(reminders: list[tuple[str, str]]) -> tuple[str, str]:
    """One calm toast for many reminders: how many, the first few titles, where to see the rest."""
    named = [title for title, _ in reminders[:SUMMARY_NAMED]]
    rest = len(reminders) - len(named)
    lines = [*named, f"and {rest} more: the week shows them all" if rest else "The week shows them all."]
    return f"{len(reminders)} reminders", "\n".join(lines)
