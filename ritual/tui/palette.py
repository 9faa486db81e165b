"""Command palette entries "Ritual for NAME": sit down to write to anyone from wherever you are."""

from __future__ import annotations

import asyncio

from textual.command import Hit, Hits, Provider

from ritual.tui.friend_rows import FriendRow
from ritual.tui.messages import RitualRequested


class RitualCommands(Provider):
    """One palette command per friend, found by name."""

    async def startup(self) -> None:
        """Read the names once per palette opening, off the event loop."""
        self.rows: list[FriendRow] = await asyncio.to_thread(self.app.data.friend_rows)

    async def search(self, query: str) -> Hits:
        """Friends whose "Ritual for NAME" matches what was typed."""
        matcher = self.matcher(query)
        for row in self.rows:
            command = f"Ritual for {row.name}"
            score = matcher.match(command)
            if score > 0:
                yield Hit(score, matcher.highlight(command), self._opener(row.id),
                          help="a briefing, a few questions, and notes to write from")

    def _opener(self, friend_id: int):
        return lambda: self.app.post_message(RitualRequested(friend_id))
