"""Free-text countries from address books ("Deutschland", "Perú", "USA") to ISO codes, never raising."""

from __future__ import annotations

import struct
import unicodedata
from functools import lru_cache
from pathlib import Path

from ritual.errors import InvalidValue
from ritual.services.contacts.countries import country_code

_MO_MAGIC = 0x950412DE


def country_from_text(text: str) -> str | None:
    """The ISO alpha-2 code for a country as people write it, in any language pycountry knows; else None."""
    raw = " ".join(text.split())
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
    """The (original, translation) pairs of a GNU gettext catalogue."""
    data = path.read_bytes()
    if len(data) < 20:
        return []
    order = "<" if struct.unpack("<I", data[:4])[0] == _MO_MAGIC else ">"
    count, originals, translations = struct.unpack(order + "3I", data[8:20])
    pairs = []
    for index in range(count):
        o_len, o_at = struct.unpack(order + "2I", data[originals + 8 * index : originals + 8 * index + 8])
        t_len, t_at = struct.unpack(order + "2I", data[translations + 8 * index : translations + 8 * index + 8])
        original = data[o_at : o_at + o_len].decode("utf-8", "replace")
        pairs.append((original, data[t_at : t_at + t_len].decode("utf-8", "replace")))
    return pairs
