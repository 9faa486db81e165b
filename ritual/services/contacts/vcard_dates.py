"""Birthdays and other dates from a vCard, in every form producers write them."""

from __future__ import annotations

from ritual.core.dates import PartialDate
from ritual.core.model import ANNIVERSARY, Occasion
from ritual.errors import InvalidValue
from ritual.services.contacts.record import contact_date
from ritual.services.contacts.vcard_text import RawCard, components, unescape

OTHER = "other"
# ritual's own property for a month-only birthday, which vCard 3.0 cannot write as BDAY.
MONTH_ONLY_PROPERTY = "X-RITUAL-BDAY"
# Properties that several producers use for a wedding anniversary (vobject turns "_" into "-").
ANNIVERSARY_PROPERTIES = frozenset({
    "ANNIVERSARY", "X-ANNIVERSARY", "X-EVOLUTION-ANNIVERSARY", "X-MS-ANNIVERSARY",
    "X-WAB-WEDDING-ANNIVERSARY", "X-KADDRESSBOOK-X-ANNIVERSARY",
})
_ANDROID_EVENT = "vnd.android.cursor.item/contact_event"
_ANDROID_TYPES = {"1": ANNIVERSARY, "2": OTHER, "3": "birthday"}
_FULLCONTACT_DATES = "X-FC-OtherDates:"


def birthday(card: RawCard, warnings: list[tuple[int, str]]) -> tuple[PartialDate | None, str]:
    """The birthday (first usable BDAY, ALTID twins ignored) and any text-only birthday to keep as a note."""
    text_only = ""
    for prop in card.all("BDAY"):
        value = unescape(prop.value).strip()
        omit = prop.param("X-APPLE-OMIT-YEAR")
        found = _date(value, "birthday", prop.line, warnings, int(omit) if omit.isdigit() else None)
        if found:
            return found, ""
        text_only = text_only or value
    for prop in card.all(MONTH_ONLY_PROPERTY):
        found = _date(unescape(prop.value), "birthday", prop.line, warnings)
        if found:
            return found, ""
    android = _android_events(card, warnings).get("birthday")
    return (android[0][1], "") if android else (None, text_only)


def occasions(card: RawCard, warnings: list[tuple[int, str]]) -> tuple[Occasion, ...]:
    """Anniversaries and other dates from ANNIVERSARY, vendor properties, X-ABDATE, Android and FullContact."""
    found: list[tuple[str, PartialDate]] = []
    for prop in card.props:
        if prop.name in ANNIVERSARY_PROPERTIES:
            found.append((ANNIVERSARY, _date(unescape(prop.value), "anniversary", prop.line, warnings)))
        elif prop.name == "X-ABDATE":
            label = card.in_group(prop.group, "X-ABLABEL")
            name = apple_label(label.value) if label else OTHER
            found.append((_occasion_name(name), _date(unescape(prop.value), name, prop.line, warnings)))
        elif prop.name.startswith("X-FCENCODED-"):
            found.extend(_fullcontact(prop.name, prop.value, prop.line, warnings))
    for name, dated in _android_events(card, warnings).items():
        if name != "birthday":
            found.extend(dated)
    return _unique(found)


def apple_label(text: str) -> str:
    """Apple's `_$!<Anniversary>!$_` wrapper removed; custom labels as written."""
    label = unescape(text).strip()
    if label.startswith("_$!<") and label.endswith(">!$_"):
        label = label[4:-4]
    return label


def _occasion_name(label: str) -> str:
    lowered = label.casefold()
    return lowered if lowered in (ANNIVERSARY, OTHER) else (label or OTHER)


def _date(text: str, field: str, line: int, warnings: list[tuple[int, str]], omit: int | None = None) -> PartialDate | None:
    try:
        return contact_date(text, field, omit)
    except InvalidValue as exc:
        warnings.append((line, f"{exc.message}; left out"))
        return None


def _android_events(card: RawCard, warnings: list[tuple[int, str]]) -> dict[str, list[tuple[str, PartialDate | None]]]:
    events: dict[str, list[tuple[str, PartialDate | None]]] = {}
    for prop in card.all("X-ANDROID-CUSTOM"):
        parts = components(prop.value) + ["", "", ""]
        if parts[0] != _ANDROID_EVENT:
            continue
        name = _ANDROID_TYPES.get(parts[2].strip()) or parts[3].strip() or OTHER
        events.setdefault(name, []).append((name, _date(parts[1], name, prop.line, warnings)))
    return events


def _fullcontact(name: str, value: str, line: int, warnings: list[tuple[int, str]]) -> list[tuple[str, PartialDate | None]]:
    # FullContact hides the property's real name in hex: X-FCENCODED-<hex of "X-FC-OtherDates:Anniversary">.
    try:
        decoded = bytes.fromhex(name.removeprefix("X-FCENCODED-")).decode("utf-8")
    except ValueError:
        return []
    if not decoded.startswith(_FULLCONTACT_DATES):
        return []
    label = _occasion_name(decoded.removeprefix(_FULLCONTACT_DATES))
    return [(label, _date(unescape(value), label, line, warnings))]


def _unique(found: list[tuple[str, PartialDate | None]]) -> tuple[Occasion, ...]:
    seen: set[tuple[str, PartialDate]] = set()
    result = []
    for name, dated in found:
        if dated is None or (name.casefold(), dated) in seen:
            continue
        seen.add((name.casefold(), dated))
        result.append(Occasion(name, dated, yearly=True, card=name != OTHER))
    return tuple(result)
