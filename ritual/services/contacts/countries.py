"""Country codes and names through pycountry: "de", "DEU", "Germany" all become "DE"."""

from __future__ import annotations

from ritual.errors import InvalidValue

# Names people write that the ISO tables spell differently.
_COMMON_NAMES = {
    "usa": "US",
    "u.s.a.": "US",
    "united states of america": "US",
    "uk": "GB",
    "u.k.": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "northern ireland": "GB",
    "great britain": "GB",
    "russia": "RU",
    "south korea": "KR",
    "korea": "KR",
    "turkey": "TR",
    "türkiye": "TR",
    "czech republic": "CZ",
    "holland": "NL",
    "the netherlands": "NL",
    "vietnam": "VN",
    "iran": "IR",
}


def country_code(text: str, field: str = "country") -> str:
    """The ISO 3166 alpha-2 code for a code or a country name; raises naming the field and value."""
    raw = text.strip()
    if not raw:
        return ""
    import pycountry

    if raw.casefold() in _COMMON_NAMES:
        return _COMMON_NAMES[raw.casefold()]
    try:
        found = pycountry.countries.lookup(raw)
    except LookupError:
        found = _fuzzy(pycountry, raw)
    if found is None:
        raise InvalidValue(field, text, "is not a known country code or country name")
    return found.alpha_2


def country_name(code: str) -> str:
    """The common English name of an ISO code, or the code itself when unknown."""
    import pycountry

    found = pycountry.countries.get(alpha_2=code.upper()) if code else None
    if found is None:
        return code
    return getattr(found, "common_name", None) or found.name


def _fuzzy(pycountry, raw: str):
    if len(raw) <= 3:
        return None
    try:
        matches = pycountry.countries.search_fuzzy(raw)
    except LookupError:
        return None
    return matches[0] if len(matches) == 1 else None
