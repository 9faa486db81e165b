"""The checks of single backup values: each raises InvalidValue(field, value, problem), as input does."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable
from datetime import datetime, time

from ritual.core.dates import parse_day
from ritual.core.fields import CONTROL, NOTE_CONTROL, check_text, is_multi_line
from ritual.errors import InvalidValue
from ritual.services.contacts.friend_fields import parse_cadence, parse_feb29

INT64 = (-(2**63), 2**63 - 1)
_PLAIN = frozenset({type(None), int, float, str})
BLOB = "$base64"
Check = Callable[[object, str], None]


def encodable(text: str) -> bool:
    """True for text SQLite can store as UTF-8 (no lone surrogates from a JSON escape)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def any_value(value: object, field: str) -> None:
    """What any stored cell may be: null, a whole number SQLite holds, a real, UTF-8 text or a base64 blob."""
    if value is None or isinstance(value, float):
        return
    if isinstance(value, bool) or (isinstance(value, int) and not INT64[0] <= value <= INT64[1]):
        raise InvalidValue(field, value, "is not a number SQLite can hold")
    if isinstance(value, str) and not encodable(value):
        raise InvalidValue(field, value, "is not valid text (a lone surrogate)")
    if isinstance(value, dict):
        blob(value, field)
    elif not isinstance(value, (int, str)):
        raise InvalidValue(field, value, "is not a value a table can hold")


def blob(value: dict, field: str) -> None:
    """A blob as the backup writes it: {"$base64": text} holding valid base64."""
    if set(value) != {BLOB} or not isinstance(value[BLOB], str):
        raise InvalidValue(field, value, "is not a value a table can hold")
    try:
        base64.b64decode(value[BLOB], validate=True)
    except (binascii.Error, ValueError):
        raise InvalidValue(field, value, "is not valid base64") from None


def whole(low: int | None = None, optional: bool = False) -> Check:
    """A whole number, at least `low` when given; None allowed when optional."""
    def check(value: object, field: str) -> None:
        if value is None and optional:
            return
        if not isinstance(value, int) or isinstance(value, bool):
            raise InvalidValue(field, value, "must be a whole number")
        if low is not None and value < low:
            raise InvalidValue(field, value, f"must be {low} or more")

    def many(values: list) -> bool:
        numbers = [v for v in values if v is not None] if optional else values
        if not all(type(v) is int for v in numbers):
            return False
        return not numbers or ((low is None or min(numbers) >= low) and min(numbers) >= INT64[0]
                               and max(numbers) <= INT64[1])

    check.many = many
    return check


def text(field_name: str, optional: bool = False) -> Check:
    """Text of a field input knows, refusing what input refuses (control characters)."""
    def check(value: object, field: str) -> None:
        if value is None and optional:
            return
        if not isinstance(value, str):
            raise InvalidValue(field, value, "must be text")
        check_text(field_name, value)

    pattern = NOTE_CONTROL if is_multi_line(field_name) else CONTROL

    def many(values: list) -> bool:
        # A whole column of text at once: one search for a control character, one encoding.
        texts = [v for v in values if v is not None] if optional else values
        if not all(type(v) is str for v in texts):
            return False
        joined = "".join(texts)
        return encodable(joined) and pattern.search(joined) is None

    check.many = many
    return check


def sound_cells(values: list) -> bool:
    """True when every value of a column is surely a storable cell (null, a number SQLite holds, UTF-8 text)."""
    if not all(type(v) in _PLAIN for v in values):
        return False
    numbers = [v for v in values if type(v) is int]
    texts = [v for v in values if type(v) is str]
    return (not numbers or INT64[0] <= min(numbers) and max(numbers) <= INT64[1]) and encodable("".join(texts))


def day(optional: bool = True) -> Check:
    """A date as input takes it (YYYY-MM-DD), through the same parser."""
    def check(value: object, field: str) -> None:
        if value is None and optional:
            return
        if not isinstance(value, str):
            raise InvalidValue(field, value, "must be a date (YYYY-MM-DD)")
        parse_day(value, field)
    return check


def stamp(optional: bool = False) -> Check:
    """An ISO 8601 date and time, as ritual writes its own timestamps."""
    def check(value: object, field: str) -> None:
        if value is None and optional:
            return
        try:
            datetime.fromisoformat(value)
        except (TypeError, ValueError):
            raise InvalidValue(field, value, "must be a date and time (ISO 8601)") from None
    return check


def clock_time(value: object, field: str) -> None:
    """A time of day (HH:MM) or None."""
    if value is None:
        return
    try:
        time.fromisoformat(value)
    except (TypeError, ValueError):
        raise InvalidValue(field, value, "must be a time of day (HH:MM)") from None


def cadence(value: object, field: str) -> None:
    """A keep-in-touch cadence, through the same parser as `--keep-in-touch`."""
    if value is not None:
        whole()(value, field)
        parse_cadence(value, field)


def feb29(value: object, field: str) -> None:
    """The Feb-29 policy, through the same parser as `--feb29`."""
    if value is not None:
        text("feb29")(value, field)
        if parse_feb29(value) != value:
            raise InvalidValue(field, value, "must be feb28, mar1 or null")


def one_of(*allowed: object) -> Check:
    """One of a few allowed values."""
    def check(value: object, field: str) -> None:
        if value not in allowed:
            raise InvalidValue(field, value, "must be one of " + ", ".join(repr(a) for a in allowed))
    return check
