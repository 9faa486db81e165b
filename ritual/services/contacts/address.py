"""Postal addresses from address-book fields: lines, free-text countries to ISO codes, labels."""

from __future__ import annotations

from dataclasses import dataclass

from ritual.core.model import Address
from ritual.services.contacts.country_names import country_from_text, country_hint

KNOWN_LABELS = ("home", "work", "other")


@dataclass(frozen=True, slots=True)
class AddressParts:
    """The pieces of an address as an address book stores them (any of them may be empty)."""

    street: str = ""
    extended: str = ""
    po_box: str = ""
    city: str = ""
    region: str = ""
    postal_code: str = ""
    country: str = ""
    label: str = ""
    country_hint: str = ""


def build(parts: AddressParts) -> tuple[Address | None, str | None]:
    """The Address (None when every field is empty) and a warning when the country was not recognised."""
    lines = [line for text in (parts.po_box, parts.extended, parts.street) for line in _lines(text)]
    city, region, postal = (" ".join(v.split()) for v in (parts.city, parts.region, parts.postal_code))
    country_text = " ".join(parts.country.split())
    if not (lines or city or region or postal or country_text):
        return None, None
    code, warning = _country(country_text, parts.country_hint)
    if country_text and not code:
        lines.append(country_text)
    elif not country_text and not code and len(lines) > 1:
        code = _trailing_country(lines)
    address = Address(tuple(lines), city, region, postal, code or "", parts.label)
    return address, warning


def label_from(types: frozenset[str] | set[str], custom: str = "") -> str:
    """home / work / other from TYPE values, else an address book's own label."""
    for label in KNOWN_LABELS:
        if label in types:
            return label
    return custom.strip()


def _lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.replace("\r", "\n").split("\n") if line.strip()]


def _country(text: str, hint: str) -> tuple[str | None, str | None]:
    if text:
        code = country_from_text(text)
        if code:
            return code, None
    hinted = country_hint(hint) if hint else None
    if hinted:
        return hinted, None
    if text:
        return None, f"country {text!r} was not recognised; kept as an address line"
    return None, None


def _trailing_country(lines: list[str]) -> str | None:
    """A last line that is exactly a country's name (Google puts the whole address in one field)."""
    last = lines[-1]
    if any(ch.isdigit() for ch in last):
        return None
    import pycountry

    try:
        found = pycountry.countries.lookup(last)
    except LookupError:
        return None
    lines.pop()
    return found.alpha_2
