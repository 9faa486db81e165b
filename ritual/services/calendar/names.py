"""Reading event titles: is it a birthday or an anniversary, whose, and does the title state a year?"""

from __future__ import annotations

import re

from ritual.core.model import ANNIVERSARY, BIRTHDAY
from ritual.core.text import MONTHS

_BIRTHDAY_WORDS = r"birthday|bday|b-day|geburtstag"
_ANNIVERSARY_WORDS = r"anniversary|jahrestag|hochzeitstag"
_WORDS = {BIRTHDAY: _BIRTHDAY_WORDS, ANNIVERSARY: _ANNIVERSARY_WORDS}
_MONTH_ONLY = re.compile(r"\s*\(sometime in (" + "|".join(MONTHS) + r")\)$")
_STATED_YEAR = re.compile(r"\s*[(\[]\s*(?:\*|born|b\.)?\s*(\d{4})\s*[)\]]\s*$", re.IGNORECASE)


def kind_of(title: str, categories: list[str], birthday_calendar: bool) -> str | None:
    """`birthday`, `anniversary`, or None when neither the title, the categories nor the calendar says so."""
    if re.search(rf"\b(?:{_BIRTHDAY_WORDS})\b", title, re.IGNORECASE) or "BIRTHDAY" in categories:
        return BIRTHDAY
    if re.search(rf"\b(?:{_ANNIVERSARY_WORDS})\b", title, re.IGNORECASE) or "ANNIVERSARY" in categories:
        return ANNIVERSARY
    return BIRTHDAY if birthday_calendar else None


def person_and_notes(title: str, kind: str, birthday_calendar: bool) -> tuple[str | None, int | None, bool]:
    """(whose date, a year stated in the title, month-only) from titles such as `Ana's birthday (1990)`."""
    month_only = bool(_MONTH_ONLY.search(title))
    rest = _MONTH_ONLY.sub("", title)
    stated = _STATED_YEAR.search(rest)
    rest = _STATED_YEAR.sub("", rest).strip()
    name = _person(rest, _WORDS[kind])
    if name is None and birthday_calendar and not re.search(rf"\b(?:{_WORDS[kind]})\b", rest, re.IGNORECASE):
        name = rest or None
    return name, int(stated[1]) if stated else None, month_only


def _person(text: str, words: str) -> str | None:
    patterns = (
        rf"^(?P<name>.+?)['’]s?\s+(?:{words})$",
        rf"^(?:{words})\s*(?:of|for|:|-|–|—)\s*(?P<name>.+)$",
        rf"^(?P<name>.+?)\s*(?:-|–|—|:)\s*(?:{words})$",
        rf"^(?:{words})\s+von\s+(?P<name>.+)$",
    )
    for pattern in patterns:
        match = re.match(pattern, text, re.IGNORECASE)
        if match:
            return match["name"].strip() or None
    return None
