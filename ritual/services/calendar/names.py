"""Reading event titles: is it a birthday or an anniversary, whose, and does the title state a year?"""

from __future__ import annotations

import re

from ritual.core.model import ANNIVERSARY, BIRTHDAY
from ritual.core.text import MONTHS

_BIRTHDAY_WORDS = r"birthday|bday|b-day|geburtstag"
_ANNIVERSARY_WORDS = r"anniversary|jahrestag|hochzeitstag"
_WORDS = {BIRTHDAY: _BIRTHDAY_WORDS, ANNIVERSARY: _ANNIVERSARY_WORDS}
_MONTH_ONLY = re.compile(r"\s*\(sometime in (" + "|".join(MONTHS) + r")\)$")
# A birth year at the end ("Ana (1990)", "Ana [*1990]", "Ana, 1990", "Ana 1990") or at the start ("1826 Bernhard
# Riemann", as Apple's birthday calendar writes it).
_STATED_YEAR = re.compile(r"[\s,]*[(\[]?\s*(?:\*|born|b\.)?\s*(1[0-9]\d\d|20\d\d)\s*[)\]]?\s*$", re.IGNORECASE)
_LEADING_YEAR = re.compile(r"^\s*(1[0-9]\d\d|20\d\d)\s*[:\-–—]?\s+(?=\D)")
# Holiday calendars: their "birthdays" are a sovereign's or a prophet's, never a friend's.
_HOLIDAY_CALENDAR = re.compile(r"holiday|feiertag|festivos|f[ée]ri[ée]s|feestdag|helgdag|festivit|祝日|节假日", re.IGNORECASE)
_HOLIDAY_NOTE = re.compile(r"^\s*(?:public holiday|observance|national holiday|bank holiday|gesetzlicher feiertag)",
                           re.IGNORECASE)
_HOLIDAY_PERSONS = re.compile(
    r"^(?:the\s+)?(?:queen|king|emperor|empress|sovereign|monarch|kaiser|k[öo]nig(?:in)?|prince|princess|"
    r"grand duke|grand duchess|prophet(?: muhammad)?|buddha|lord buddha|guru \w+(?: \w+)?|jesus|christ|"
    r"washington|lincoln|martin luther king(?:,? jr\.?)?|mlk|jos[ée] rizal|sun yat-sen)$", re.IGNORECASE)


def kind_of(title: str, categories: list[str], birthday_calendar: bool) -> str | None:
    """`birthday`, `anniversary`, or None when neither the title, the categories nor the calendar says so."""
    if re.search(rf"\b(?:{_BIRTHDAY_WORDS})\b", title, re.IGNORECASE) or "BIRTHDAY" in categories:
        return BIRTHDAY
    if re.search(rf"\b(?:{_ANNIVERSARY_WORDS})\b", title, re.IGNORECASE) or "ANNIVERSARY" in categories:
        return ANNIVERSARY
    return BIRTHDAY if birthday_calendar else None


def holiday_reason(title: str, description: str, categories: list[str], calendar_name: str) -> str | None:
    """Why an event is a public holiday rather than someone's day ("Queen's Birthday"), or None."""
    if _HOLIDAY_CALENDAR.search(calendar_name) and "birthday" not in calendar_name.lower():
        return f"a public holiday (the calendar is {calendar_name!r}), not a friend's day"
    if {"HOLIDAY", "HOLIDAYS", "PUBLIC HOLIDAY"} & set(categories) or _HOLIDAY_NOTE.search(description):
        return "a public holiday, not a friend's day"
    name = _person(_STATED_YEAR.sub("", title).strip(), _BIRTHDAY_WORDS)
    if name and _HOLIDAY_PERSONS.match(name):
        return "a public holiday named after a sovereign or a founder, not a friend's birthday"
    return None


def person_and_notes(title: str, kind: str, birthday_calendar: bool) -> tuple[str | None, int | None, bool]:
    """(whose date, a year stated in the title, month-only) from titles such as `Ana's birthday (1990)`."""
    month_only = bool(_MONTH_ONLY.search(title))
    rest = _MONTH_ONLY.sub("", title)
    stated = _STATED_YEAR.search(rest) or _LEADING_YEAR.search(rest)
    rest = _LEADING_YEAR.sub("", _STATED_YEAR.sub("", rest)).strip()
    name = _person(rest, _WORDS[kind])
    # "Birthdays" (plural) is a calendar's or a list's title, never a person's name.
    if name is None and birthday_calendar and not re.search(rf"\b(?:{_WORDS[kind]})s?\b", rest, re.IGNORECASE):
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
