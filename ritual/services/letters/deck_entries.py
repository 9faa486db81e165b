"""One deck entry checked and turned into data: a `[[prompt]]` table, or the `[aliases]` of relationships."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ritual.core.model import RELATIONSHIPS
from ritual.core.prompts import ARCS, CONDITIONS, PLACEHOLDERS, TONE_NAMES, Prompt, occasion_key, relationship_key

ID = re.compile(r"^[a-z0-9][a-z0-9.-]*$")
_LISTS = ("categories", "occasions", "relationships", "tones", "avoid_occasions", "when")
_WORDS = ("group", "arc")
_NUMBERS = ("step", "min_age", "max_age")
PROMPT_KEYS = frozenset({"id", "question", *_LISTS, *_WORDS, *_NUMBERS})
_BRACES = re.compile(r"\{[^{}]*\}")
Fail = Callable[[str | None, str], Exception]


def prompt_from(entry: dict[str, Any], fail: Fail) -> Prompt:
    """A `[[prompt]]` table as a Prompt; `fail(key, problem)` builds the error naming the key's line."""
    for key in entry:
        if key not in PROMPT_KEYS:
            raise fail(key, f"unknown key {key!r} in a prompt (known: {', '.join(sorted(PROMPT_KEYS))})")
    prompt_id, question = entry.get("id"), entry.get("question")
    if not isinstance(prompt_id, str) or not ID.match(prompt_id):
        raise fail("id" if "id" in entry else None, f"prompt id {prompt_id!r} must be lowercase letters, digits, dots or dashes")
    if not isinstance(question, str) or not question.strip():
        raise fail("question" if "question" in entry else None, f"prompt {prompt_id!r} needs a question")
    values = {key: _text_list(entry.get(key, []), key, prompt_id, fail) for key in _LISTS}
    if not values["categories"]:
        raise fail("categories" if "categories" in entry else None, f"prompt {prompt_id!r} needs at least one category")
    _check_members(values["tones"], TONE_NAMES, "tones", prompt_id, fail)
    _check_members(values["when"], CONDITIONS, "when", prompt_id, fail)
    relationships = tuple(relationship_key(r) for r in values["relationships"])
    _check_members(relationships, RELATIONSHIPS, "relationships", prompt_id, fail)
    words = {key: _word(entry.get(key, ""), key, prompt_id, fail) for key in _WORDS}
    if words["arc"] and words["arc"] not in ARCS:
        raise fail("arc", f"prompt {prompt_id!r}: arc {words['arc']!r} is not one of {', '.join(ARCS)}")
    numbers = {key: _number(entry.get(key), key, prompt_id, fail) for key in _NUMBERS}
    _check_placeholders(question, values["when"], prompt_id, fail)
    return Prompt(
        id=prompt_id,
        question=" ".join(question.split()),
        categories=tuple(c.strip().lower() for c in values["categories"]),
        occasions=tuple(occasion_key(o) for o in values["occasions"]),
        relationships=relationships,
        tones=tuple(t.strip().lower() for t in values["tones"]),
        avoid_occasions=tuple(occasion_key(o) for o in values["avoid_occasions"]),
        group=words["group"],
        arc=words["arc"],
        step=numbers["step"] or 0,
        when=tuple(values["when"]),
        min_age=numbers["min_age"],
        max_age=numbers["max_age"],
    )


def aliases_from(table: Any, fail: Fail) -> dict[str, str]:
    """`[aliases]`: each relationship with the words that mean it (`family = ["grandparent", "sibling"]`)."""
    if not isinstance(table, dict):
        raise fail("aliases", "aliases must be a table: [aliases] with lines such as family = [\"sibling\"]")
    found: dict[str, str] = {}
    for target, words in table.items():
        if relationship_key(target) not in RELATIONSHIPS:
            raise fail(target, f"aliases: {target!r} is not one of {', '.join(RELATIONSHIPS)}")
        if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
            raise fail(target, f"aliases for {target!r} must be a list of words in quotes")
        for word in words:
            alias = relationship_key(word)
            if alias in RELATIONSHIPS:
                raise fail(target, f"aliases: {word!r} is already a relationship of its own")
            if found.get(alias, relationship_key(target)) != relationship_key(target):
                raise fail(target, f"aliases: {word!r} is given to both {found[alias]} and {target}")
            found[alias] = relationship_key(target)
    return found


def _text_list(value: Any, key: str, prompt_id: str, fail: Fail) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise fail(key, f"{key} of prompt {prompt_id!r} must be a list of words in quotes, such as [\"memory\"]")
    return tuple(v.strip().lower() for v in value)


def _word(value: Any, key: str, prompt_id: str, fail: Fail) -> str:
    if not isinstance(value, str) or (value and not ID.match(value.strip().lower())):
        raise fail(key, f"{key} of prompt {prompt_id!r} must be one word in quotes (letters, digits, dots, dashes)")
    return value.strip().lower()


def _number(value: Any, key: str, prompt_id: str, fail: Fail) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value < 130:
        raise fail(key, f"{key} of prompt {prompt_id!r} must be a whole number from 1 to 129, not {value!r}")
    return value


def _check_members(values: tuple[str, ...], allowed: tuple[str, ...], key: str, prompt_id: str, fail: Fail) -> None:
    for value in values:
        if value not in allowed:
            raise fail(key, f"prompt {prompt_id!r}: {value!r} is not one of {', '.join(allowed)}")


def _check_placeholders(question: str, when: tuple[str, ...], prompt_id: str, fail: Fail) -> None:
    for found in _BRACES.findall(question):
        if found not in PLACEHOLDERS:
            raise fail("question", f"prompt {prompt_id!r}: {found} is not a placeholder ({' or '.join(PLACEHOLDERS)})")
    if "{gap}" in question and "long-gap" not in when:
        raise fail("question", f"prompt {prompt_id!r} uses {{gap}}, so it needs when = [\"long-gap\"]")
