"""Free-text countries from address books ("Deutschland", "Perú", "USA") to ISO codes, never raising."""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path

from ritual.errors import InvalidValue
from ritual.services.contacts.countries import country_code

def country_from_text(text: str) -> str | None:
    """The ISO alpha-2 code for a country as people write it, in any language pycountry knows; else None."""
    return _country_from_words(" ".join(text.split()))


# An address book names the same few countries thousands of times: each spelling is looked up once.
@lru_cache(maxsize=4096)
def _country_from_words(raw: str) -> str | None:
    if not raw:
        return None
    try:
        return country_code(raw)
    except InvalidValue:
        pass
    return _localized_names().get(_fold(raw))


def country_hint(code: str) -> str | None:
    """A two-letter code hint (Apple's X-ABADR) when it names a real country."""
    raw = code.strip()
    if len(raw) != 2 or not raw.isalpha():
        return None
    import pycountry

    found = pycountry.countries.get(alpha_2=raw.upper())
    return found.alpha_2 if found else None


def _fold(text: str) -> str:
    """Case- and accent-insensitive form, so "Perú" and "PERU" meet."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def _localized_names() -> dict[str, str]:
    """Every translated country name shipped with pycountry, mapped to its code (ambiguous names dropped)."""
    import pycountry

    by_english: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            if hasattr(country, attr):
                by_english[getattr(country, attr)] = country.alpha_2
    found: dict[str, str] = {_fold(name): code for name, code in by_english.items()}
    clashes: set[str] = set()
    for mo_file in sorted(Path(pycountry.LOCALES_DIR).glob("*/LC_MESSAGES/iso3166-1.mo")):
        for english, translated in _read_mo(mo_file):
            code = by_english.get(english)
            key = _fold(translated)
            if code is None or not key:
                continue
            if found.setdefault(key, code) != code:
                clashes.add(key)
    for key in clashes:
        found.pop(key, None)
    return found


def _read_mo(path: Path) -> list[tuple[str, str]]:
    """The (original, translation) pairs of a GNU gettext catalogue (an unreadable one gives none)."""
    import gettext

    try:
        with path.open("rb") as catalogue:
            # The catalogue's own plural forms and header are not needed; only its message pairs are.
            messages = gettext.GNUTranslations(catalogue)._catalog
    except (OSError, gettext.error, UnicodeDecodeError, ValueError):
        return []
    return [(str(k), v) for k, v in messages.items() if isinstance(k, str) and k]
