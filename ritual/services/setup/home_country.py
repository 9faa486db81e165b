"""The country the user posts from: a guess from the locale, and keeping the answer in the user's config.toml."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path

from ritual.errors import InvalidValue
from ritual.paths import Paths
from ritual.private_files import write_private_text
from ritual.services.contacts.countries import country_code, country_name

# The environment variables that name the locale, in the order the C library reads them.
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")
# "de_DE.UTF-8", "pt_BR", "en_GB@euro": the territory is the two capitals after the underscore.
_TERRITORY = re.compile(r"^[a-z]{2,3}_([A-Z]{2})(?:[.@]|$)")
_HOME_LINE = re.compile(r"^\s*home_country\s*=.*$", re.MULTILINE)


def guess_from_locale(environ: Mapping[str, str] | None = None) -> str | None:
    """The ISO code of the locale's territory ("de_DE.UTF-8" gives "DE"), or None for C, POSIX or unset."""
    values = os.environ if environ is None else environ
    for name in LOCALE_VARIABLES:
        value = values.get(name, "")
        if value:
            found = _TERRITORY.match(value)
            return found.group(1) if found else None
    return None


def describe(code: str) -> str:
    """`Germany (DE)`."""
    name = country_name(code)
    return f"{name} ({code})" if name != code else code


def parse_answer(text: str) -> str:
    """A code or a country name typed by the user, as an ISO code; raises naming the value."""
    code = country_code(text, "where you post from")
    if not code:
        raise InvalidValue("where you post from", text, "needs a country code such as DE or a name such as Germany")
    return code


def save_home_country(paths: Paths, code: str) -> Path:
    """Write `home_country = "XX"` into config.toml, keeping every other line; returns the file."""
    # Through a symlink to its target: a config.toml kept in a dotfiles folder stays a link.
    target = paths.config_file.resolve()
    text = target.read_text(encoding="utf-8") if target.exists() else ""
    line = f'home_country = "{code}"'
    if _HOME_LINE.search(text):
        text = _HOME_LINE.sub(line, text, count=1)
    else:
        # At the top: a key written after a [table] header would belong to that table.
        text = f"# Where you post from (ritual setup).\n{line}\n" + (f"\n{text}" if text else "")
    write_private_text(target, text)
    return target


def suggestion(settings) -> tuple[str, str]:
    """What the welcome fills in for where you post from, and a line saying where it came from."""
    if settings.home_country_chosen:
        return settings.home_country, "Where you said you post from; change it here if you moved."
    guess = guess_from_locale()
    if guess:
        return guess, f"Guessed from your locale ({describe(guess)}); change it if you post from elsewhere."
    return settings.home_country, (f"Your locale names no country: {settings.home_country} is only a starting "
                                   "point. Type where you post from (a code or a name).")


def choose_home_country(settings, paths: Paths | None, text: str):
    """The settings with the typed country as home, saved in config.toml when there is a home folder."""
    code = parse_answer(text)
    if paths is not None:
        save_home_country(paths, code)
    return settings._replace(home_country=code, home_country_chosen=True)
