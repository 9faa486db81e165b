"""A clock the scheduler tests move by hand."""

from __future__ import annotations

from datetime import datetime


class Moment:
    """A clock the test moves by hand."""

    def __init__(self, start: datetime) -> None:
        self.value = start

    def __call__(self) -> datetime:
        return self.value
