"""What each undoable change touches, captured before it runs; undo puts it all back exactly."""

from __future__ import annotations

from ritual.store.database import Database
from ritual.store.letters import LetterRepository
from ritual.store.restore_points import RestorePoint, Scope, capture, restore, tables_with_column


def before_friend_removal(db: Database, friend_id: int) -> RestorePoint:
    """The friend and every row hanging on them (occasions, letters, cards, answers, project places…)."""
    hanging = [Scope(t, "friend_id = ?", (friend_id,)) for t in tables_with_column(db, "friend_id") if t != "friends"]
    return capture(db, [Scope("friends", "id = ?", (friend_id,)), *hanging])


def before_letter_change(db: Database, letter_id: int) -> RestorePoint:
    """A letter, its friend's cards and last dates, and the supplies (posting takes a stamp)."""
    friend_id = LetterRepository(db).get(letter_id).friend_id
    return capture(db, [Scope("friends", "id = ?", (friend_id,)), Scope("cards", "friend_id = ?", (friend_id,)),
                        Scope("letters", "id = ?", (letter_id,)), Scope("supplies", "1")])


def before_project_change(db: Database, project_id: int, friend_ids: list[int]) -> RestorePoint:
    """The project's people and the cards of the friends whose status is about to move."""
    marks = ", ".join("?" * len(friend_ids)) or "NULL"
    return capture(db, [Scope("cards", f"friend_id IN ({marks})", tuple(friend_ids)),
                        Scope("project_members", "project_id = ?", (project_id,))])


def undo(db: Database, point: RestorePoint) -> None:
    """Put back everything the change touched, as it was."""
    restore(db, point)
