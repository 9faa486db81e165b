"""What the friend list and the profile both do to one friend: edit, add an occasion, remove after asking."""

from __future__ import annotations

from collections.abc import Callable

from textual.screen import Screen

from ritual.core.model import Friend
from ritual.tui.messages import FriendDeleted
from ritual.tui.screens.confirm import ConfirmScreen
from ritual.tui.screens.friend_form import FriendFormScreen
from ritual.tui.screens.occasion_form import OccasionFormScreen


def edit_friend(screen: Screen, data, friend: Friend) -> None:
    """Open the friend form on this friend."""
    screen.app.push_screen(FriendFormScreen(data, friend))


def add_occasion(screen: Screen, data, friend_id: int) -> None:
    """Open the occasion form for a new date of this friend."""
    screen.app.push_screen(OccasionFormScreen(data, friend_id))


def delete_friend(screen: Screen, data, friend: Friend, after: Callable[[], None] | None = None) -> None:
    """Ask, then remove the friend, tell the app, and run `after` (the profile closes itself)."""
    def answered(yes: bool | None) -> None:
        if not yes:
            return
        point = data.delete_friend(friend.id)
        screen.post_message(FriendDeleted(friend.id, friend.name, point))
        if after is not None:
            after()

    screen.app.push_screen(ConfirmScreen(removal_question(friend), "Remove"), answered)


def removal_question(friend: Friend) -> str:
    """`Remove Ana Souza, with their birthday and 1 other occasion, from ritual?`, counted right."""
    count = len(friend.occasions)
    dates = ["their birthday"] if friend.birthday else []
    if count:
        other = "other " if friend.birthday else ""
        dates.append(f"{count} {other}occasion{'s' if count != 1 else ''}" if dates else
                     f"their {count} occasion{'s' if count != 1 else ''}")
    extra = f", with {' and '.join(dates)}," if dates else ""
    return f"Remove {friend.name}{extra} from ritual?\nz takes it back for a few seconds."
