"""Which friends' reminders the user has silenced."""

from __future__ import annotations

from ritual.store.database import Database


class Mutes:
    """Friends whose reminders are silenced."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def ids(self) -> frozenset[int]:
        """Every muted friend's id."""
        return frozenset(row[0] for row in self.db.query("SELECT friend_id FROM reminder_mutes"))

    def set(self, friend_id: int, muted: bool) -> None:
        """Mute or unmute one friend."""
        with self.db.transaction() as conn:
            if muted:
                conn.execute(
                    "INSERT OR IGNORE INTO reminder_mutes (friend_id, muted_at) VALUES (?, ?)",
                    (friend_id, self.db.clock.stamp()),
                )
            else:
                conn.execute("DELETE FROM reminder_mutes WHERE friend_id = ?", (friend_id,))
