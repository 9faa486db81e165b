"""A quiet focus timer for the writing itself: minutes chosen by the writer, no alarms, no red."""

from __future__ import annotations

import time
from collections.abc import Callable

from rich.text import Text
from textual.message import Message
from textual.widgets import Static

DEFAULT_MINUTES = 20
STEP_MINUTES = 5
MINUTES_RANGE = (5, 120)


class FocusTimer(Static):
    """Counts down from the chosen minutes while running; says so gently when the time is up."""

    DEFAULT_CSS = """
    FocusTimer { height: auto; color: $text-muted; }
    FocusTimer.-running { color: $text; }
    """

    class Finished(Message):
        """The chosen minutes have passed."""

        def __init__(self, minutes: int) -> None:
            super().__init__()
            self.minutes = minutes

    def __init__(self, minutes: int = DEFAULT_MINUTES, *, now: Callable[[], float] = time.monotonic,
                 id: str | None = None) -> None:
        super().__init__(id=id)
        self.minutes = minutes
        self.now = now  # a parameter so tests can move time along themselves
        self.remaining = float(minutes * 60)
        self.running_since: float | None = None
        self.finished = False
        self.spent = 0.0  # seconds counted down in earlier stretches, kept with the letter

    def on_mount(self) -> None:
        """Look at the time twice a second; cheap, and the display never lags a whole second."""
        self.set_interval(0.5, self.tick)
        self.refresh_text()

    @property
    def running(self) -> bool:
        """True while counting down."""
        return self.running_since is not None

    def left(self) -> float:
        """Seconds left of the chosen minutes."""
        if self.running_since is None:
            return self.remaining
        return max(0.0, self.remaining - (self.now() - self.running_since))

    def minutes_spent(self) -> int:
        """Whole minutes the timer has counted down so far, over every start and reset."""
        running = self.remaining - self.left() if self.running else 0.0
        return int((self.spent + running) // 60)

    def toggle(self) -> None:
        """Start, pause, or after the end begin again."""
        if self.finished:
            self.reset()
        if self.running:
            self.spent += self.remaining - self.left()
            self.remaining = self.left()
            self.running_since = None
        else:
            self.running_since = self.now()
        self.refresh_text()

    def change_minutes(self, steps: int) -> None:
        """More or fewer minutes, only while the timer is not counting."""
        if self.running:
            return
        low, high = MINUTES_RANGE
        self.minutes = min(high, max(low, self.minutes + steps * STEP_MINUTES))
        self.reset()

    def reset(self) -> None:
        """Back to the full minutes, stopped (the time already counted stays counted)."""
        self.remaining = float(self.minutes * 60)
        self.running_since = None
        self.finished = False
        self.refresh_text()

    def tick(self) -> None:
        """Update the display; when the time is up, stop and say so once."""
        if self.running and self.left() <= 0:
            self.spent += self.remaining
            self.running_since = None
            self.remaining = 0.0
            self.finished = True
            self.post_message(self.Finished(self.minutes))
        self.refresh_text()

    def refresh_text(self) -> None:
        """Show the state in words."""
        self.set_class(self.running, "-running")
        self.update(self.describe())

    def describe(self) -> Text:
        """What the timer shows right now."""
        if self.finished:
            return Text(f"Your {self.minutes} minutes are up. Finish at your own pace; t starts again.")
        minutes, seconds = divmod(int(self.left() + 0.999), 60)
        if self.running:
            return Text(f"Writing time · {minutes:02d}:{seconds:02d} left · t pauses")
        if self.remaining < self.minutes * 60:
            return Text(f"Paused · {minutes:02d}:{seconds:02d} left · t goes on")
        return Text(f"Focus timer, if you like: {self.minutes} minutes · t starts · + and - change the minutes")
