"""Turning what a person typed into friend fields, with errors that name the field and the value."""

from __future__ import annotations

from datetime import date

from ritual.core import ranges
from ritual.core.date_words import parse_partial_words, parse_past_day
from ritual.core.dates import PartialDate, check_policy, parse_day
from ritual.core.model import Address, Friend
from ritual.services.contacts.countries import country_code

CLEAR_WORDS = ("", "none", "off", "-")


def parse_birthday(text: str | None, field: str = "birthday") -> PartialDate | None:
    """`YYYY-MM-DD`, `MM-DD`, `--MM`, `8 jan`, `8 jan 1990`, `june`, or none/empty to clear."""
    if text is None or text.strip().lower() in CLEAR_WORDS:
        return None
    value = parse_partial_words(text, field)
    ranges.check_year(value.year, field, text)
    return value


def parse_feb29(text: str | None) -> str | None:
    """`feb28`, `mar1`, or none/default for the global setting."""
    if text is None or text.strip().lower() in (*CLEAR_WORDS, "default"):
        return None
    return check_policy(text.strip().lower(), "feb29")


def parse_cadence(text: str | int | None, field: str = "keep-in-touch") -> int | None:
    """Days between letters: a positive whole number, or none/off to stop."""
    if text is None or str(text).strip().lower() in CLEAR_WORDS:
        return None
    return ranges.CADENCE_DAYS.parse(text, field)


def parse_optional_day(text: str | None, field: str, today: date | None = None) -> date | None:
    """A full date, or none/empty to clear; given `today` (a person typing), day words too and never a day ahead."""
    if text is None or text.strip().lower() in CLEAR_WORDS:
        return None
    return parse_day(text, field) if today is None else parse_past_day(text, today, field)


def parse_tags(values: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """Tags from repeated options or comma lists, trimmed, de-duplicated, order kept."""
    found: list[str] = []
    for value in values:
        for tag in value.split(","):
            tag = tag.strip()
            if tag and tag not in found:
                found.append(tag)
    return tuple(found)


def build_address(
    lines: tuple[str, ...] = (),
    city: str = "",
    region: str = "",
    postal_code: str = "",
    country: str = "",
    label: str = "",
) -> Address:
    """An Address with the country turned into its ISO code."""
    return Address(
        lines=tuple(line.strip() for line in lines if line.strip()),
        city=city.strip(),
        region=region.strip(),
        postal_code=postal_code.strip(),
        country=country_code(country, "country"),
        label=label.strip(),
    )


def with_primary_address(friend: Friend, **changes: object) -> Friend:
    """The friend with their first address changed (or created) by the given fields."""
    current = friend.addresses[0] if friend.addresses else Address()
    if "country" in changes:
        changes["country"] = country_code(str(changes["country"]), "country")
    updated = current._replace(**changes)
    return friend._replace(addresses=(updated, *friend.addresses[1:]))
