"""Prompt decks from TOML: the shipped ones, then the user's own, which add prompts or switch some off."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ritual.core.model import RELATIONSHIPS
from ritual.core.prompts import TONE_NAMES, Prompt, occasion_key, relationship_key
from ritual.errors import RitualError
from ritual.paths import Paths, shipped_config_dir

PROMPTS_FOLDER = "prompts"
_ID = re.compile(r"^[a-z0-9][a-z0-9.-]*$")
_HEADER = re.compile(r"^\s*\[\[\s*prompt\s*\]\]")
_TOML_POSITION = re.compile(r"^(?P<problem>.*) \(at line (?P<line>\d+), column \d+\)$")
_TOP_KEYS = {"deck", "prompt", "disable"}
_LISTS = ("categories", "occasions", "relationships", "tones", "avoid_occasions")
_PROMPT_KEYS = {"id", "question", *_LISTS}


class DeckError(RitualError):
    """A prompt deck ritual cannot read; the message names the file, the line and the problem."""

    def __init__(self, path: Path, line: int | None, problem: str) -> None:
        where = f"{path}, line {line}" if line else str(path)
        super().__init__(f"{where}: {problem}")
        self.path = path
        self.line = line
        self.problem = problem


@dataclass
class DeckFile:
    """What one deck file holds, each entry with the line it starts on."""

    path: Path
    prompts: list[tuple[Prompt, int]] = field(default_factory=list)
    disabled: list[tuple[str, int]] = field(default_factory=list)


def load_prompts(paths: Paths) -> tuple[Prompt, ...]:
    """The deck in use: shipped prompts, minus those switched off, plus (or replaced by) the user's."""
    merged: dict[str, Prompt] = {}
    origin: dict[str, tuple[Path, int]] = {}
    for deck in read_folder(shipped_config_dir() / PROMPTS_FOLDER):
        _add_unique(merged, origin, deck)
    user = read_folder(paths.config_dir / PROMPTS_FOLDER)
    for deck in user:
        for prompt_id, line in deck.disabled:
            if prompt_id not in merged:
                raise DeckError(deck.path, line, f"disable names {prompt_id!r}, which no deck has")
            del merged[prompt_id]
    for deck in user:
        # The user's prompt with a shipped id replaces it: a way to reword a question to taste.
        merged.update((prompt.id, prompt) for prompt, _ in deck.prompts)
    return tuple(merged.values())


def read_folder(folder: Path) -> list[DeckFile]:
    """Every `*.toml` deck in a folder, in file-name order; none when the folder does not exist."""
    if not folder.is_dir():
        return []
    return [read_deck(path) for path in sorted(folder.glob("*.toml"))]


def read_deck(path: Path) -> DeckFile:
    """Read and check one deck file."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DeckError(path, None, f"cannot be read ({exc})") from None
    return parse_deck(text, path)


def parse_deck(text: str, path: Path) -> DeckFile:
    """Check a deck's text: syntax, known keys, ids, tones and relationships."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = _TOML_POSITION.match(str(exc))
        if found:
            raise DeckError(path, int(found["line"]), found["problem"]) from None
        raise DeckError(path, None, str(exc)) from None
    lines = text.splitlines()
    for key in data:
        if key not in _TOP_KEYS:
            raise DeckError(path, _key_line(lines, 0, key), f"unknown key {key!r} (a deck has [deck], [[prompt]] and disable)")
    deck = DeckFile(path)
    starts = [n for n, line in enumerate(lines, 1) if _HEADER.match(line)]
    entries = data.get("prompt", [])
    if not isinstance(entries, list):
        raise DeckError(path, _key_line(lines, 0, "prompt"), "prompt must be written as [[prompt]] tables")
    for index, entry in enumerate(entries):
        start = starts[index] if index < len(starts) else 1
        deck.prompts.append((_prompt(entry, path, lines, start), start))
    deck.disabled = _disabled(data.get("disable", []), path, lines)
    _refuse_duplicates(deck)
    return deck


def _prompt(entry: Any, path: Path, lines: list[str], start: int) -> Prompt:
    def fail(key: str | None, problem: str) -> DeckError:
        return DeckError(path, _key_line(lines, start, key) if key else start, problem)

    if not isinstance(entry, dict):
        raise fail(None, "a prompt must be a [[prompt]] table")
    for key in entry:
        if key not in _PROMPT_KEYS:
            raise fail(key, f"unknown key {key!r} in a prompt (known: {', '.join(sorted(_PROMPT_KEYS))})")
    prompt_id, question = entry.get("id"), entry.get("question")
    if not isinstance(prompt_id, str) or not _ID.match(prompt_id):
        raise fail("id" if "id" in entry else None, f"prompt id {prompt_id!r} must be lowercase letters, digits, dots or dashes")
    if not isinstance(question, str) or not question.strip():
        raise fail("question" if "question" in entry else None, f"prompt {prompt_id!r} needs a question")
    values = {key: _text_list(entry.get(key, []), key, prompt_id, fail) for key in _LISTS}
    if not values["categories"]:
        raise fail("categories" if "categories" in entry else None, f"prompt {prompt_id!r} needs at least one category")
    _check_members(values["tones"], TONE_NAMES, "tone", prompt_id, fail)
    relationships = tuple(relationship_key(r) for r in values["relationships"])
    _check_members(relationships, RELATIONSHIPS, "relationships", prompt_id, fail)
    return Prompt(
        id=prompt_id,
        question=" ".join(question.split()),
        categories=tuple(c.strip().lower() for c in values["categories"]),
        occasions=tuple(occasion_key(o) for o in values["occasions"]),
        relationships=relationships,
        tones=tuple(t.strip().lower() for t in values["tones"]),
        avoid_occasions=tuple(occasion_key(o) for o in values["avoid_occasions"]),
    )


def _text_list(value: Any, key: str, prompt_id: str, fail) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise fail(key, f"{key} of prompt {prompt_id!r} must be a list of words in quotes, such as [\"memory\"]")
    return tuple(value)


def _check_members(values: tuple[str, ...], allowed: tuple[str, ...], key: str, prompt_id: str, fail) -> None:
    for value in values:
        if value.strip().lower() not in allowed:
            field = "tones" if key == "tone" else key
            raise fail(field, f"prompt {prompt_id!r}: {value!r} is not one of {', '.join(allowed)}")


def _disabled(value: Any, path: Path, lines: list[str]) -> list[tuple[str, int]]:
    line = _key_line(lines, 0, "disable")
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DeckError(path, line, "disable must be a list of prompt ids in quotes")
    return [(v.strip(), _value_line(lines, v.strip()) or line) for v in value]


def _refuse_duplicates(deck: DeckFile) -> None:
    seen: set[str] = set()
    for prompt, line in deck.prompts:
        if prompt.id in seen:
            raise DeckError(deck.path, line, f"prompt id {prompt.id!r} is used twice")
        seen.add(prompt.id)


def _add_unique(merged: dict[str, Prompt], origin: dict[str, tuple[Path, int]], deck: DeckFile) -> None:
    for prompt, line in deck.prompts:
        if prompt.id in origin:
            first, first_line = origin[prompt.id]
            raise DeckError(deck.path, line, f"prompt id {prompt.id!r} is already used in {first.name}, line {first_line}")
        merged[prompt.id] = prompt
        origin[prompt.id] = (deck.path, line)


def _key_line(lines: list[str], start: int, key: str | None) -> int:
    """The line where `key = ...` is written at or after line `start` (1-based), else `start`."""
    pattern = re.compile(rf"^\s*{re.escape(key or '')}\s*=")
    for number in range(max(start, 1), len(lines) + 1):
        if number > start and _HEADER.match(lines[number - 1]):
            break
        if key and pattern.match(lines[number - 1]):
            return number
    return max(start, 1)


def _value_line(lines: list[str], value: str) -> int | None:
    quoted = (f'"{value}"', f"'{value}'")
    return next((n for n, line in enumerate(lines, 1) if any(q in line for q in quoted)), None)
