"""What `ritual setup` and the plan say about where the user posts from."""

from __future__ import annotations

from pathlib import Path

QUESTION = "Where do you post from? A country code or name"


def unchosen_hint(code: str) -> str:
    """The note under the plan while nobody has said where they post from (no country names: kept fast)."""
    text = (f"Transit times and public holidays assume you post from {code}, which you have not chosen yet: "
            "`ritual setup` asks where you post from.")
    import textwrap  # only while no country is chosen: every plan imports this module

    return textwrap.fill(text, width=78)


def guess_line(current: str | None, guessed: str | None) -> str:
    """What Enter would keep, said before the question: the country chosen before, else the locale's."""
    if current is not None:
        return f"You post from {current} now; press Enter to keep it."
    if guessed is None:
        return "Your locale does not name a country, so ritual cannot guess where you post from."
    return f"Your locale suggests {guessed}; press Enter to take it."


def saved_line(described: str, config: Path) -> str:
    """The confirmation after saving."""
    return (f"You post from {described}: transit times and public holidays follow from it.\n"
            f"Saved in {config}. Change it any time with `ritual setup --country CC`.")
