"""Immutable records that check their own fields: named tuples whose every making runs the check, copies too."""

from __future__ import annotations

from typing import Any


class Checked:
    """Put before a NamedTuple of fields: `_check` runs for each record made, `_replace` copies included.

    A named tuple costs each start a fraction of what a frozen dataclass's generated methods cost.
    """

    __slots__ = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._check()

    def _check(self) -> None:
        """Raise InvalidValue naming the field that does not fit."""

    @classmethod
    def from_fields(cls, fields: tuple) -> Any:
        """A record from every one of its fields in order, checked as any other.

        For the store's thousands of rows: the generated `__new__`, which sorts out keywords and defaults, costs
        as much again as the record itself.
        """
        record = tuple.__new__(cls, fields)
        if len(record) != len(cls._fields):  # type: ignore[attr-defined]
            raise TypeError(f"{cls.__name__} takes {len(cls._fields)} fields, not {len(record)}")  # type: ignore[attr-defined]
        record._check()
        return record

    def _replace(self, **changes: Any) -> Any:
        """A copy with `changes`, checked as a new record is."""
        return type(self)(**{**self._asdict(), **changes})  # type: ignore[attr-defined]
