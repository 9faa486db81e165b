"""Prompt decks from TOML: the shipped ones, then the user's own, which add prompts or switch some off."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ritual.core.prompts import CLOSING, Prompt
from ritual.errors import RitualError
from ritual.paths import Paths, shipped_config_dir
from ritual.services.letters.deck_entries import aliases_from, prompt_from

PROMPTS_FOLDER = "prompts"
_HEADER = re.compile(r"^\s*\[\[\s*prompt\s*\]\]")
_ALIASES = re.compile(r"^\s*\[\s*aliases\s*\]")
_TOML_POSITION = re.compile(r"^(?P<problem>.*) \(at line (?P<line>\d+), column \d+\)$")
_TOP_KEYS = {"deck", "prompt", "disable", "aliases"}
# Decks read, by file, with the text they had then: parsing the shipped decks takes a sixth of a second and every
# ritual reads them as it opens, so a file whose text is unchanged is not parsed again (reading it is quick).
_read: dict[Path, tuple[str, DeckFile]] = {}


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
    aliases: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Deck:
    """The deck in use: its prompts, and the relationship words that mean one of ritual's relationships."""

    prompts: tuple[Prompt, ...]
    aliases: dict[str, str]


def load_deck(paths: Paths) -> Deck:
    """Shipped prompts and aliases, minus what the user switched off, plus (or replaced by) the user's."""
    shipped = read_folder(shipped_config_dir() / PROMPTS_FOLDER)
    user = read_folder(paths.config_dir / PROMPTS_FOLDER)
    aliases = {alias: target for deck in [*shipped, *user] for alias, target in deck.aliases.items()}
    return Deck(_merged_prompts(shipped, user), aliases)


def shipped_deck() -> Deck:
    """The shipped prompts and aliases alone."""
    shipped = read_folder(shipped_config_dir() / PROMPTS_FOLDER)
    return Deck(_merged_prompts(shipped, []), {a: t for deck in shipped for a, t in deck.aliases.items()})


def load_prompts(paths: Paths) -> tuple[Prompt, ...]:
    """The prompts in use (see `load_deck`)."""
    return load_deck(paths).prompts


def _merged_prompts(shipped: list[DeckFile], user: list[DeckFile]) -> tuple[Prompt, ...]:
    merged: dict[str, Prompt] = {}
    origin: dict[str, tuple[Path, int]] = {}
    for deck in shipped:
        _add_unique(merged, origin, deck)
    for deck in user:
        for prompt_id, line in deck.disabled:
            if prompt_id not in merged:
                raise DeckError(deck.path, line, f"disable names {prompt_id!r}, which no deck has")
            del merged[prompt_id]
    for deck in user:
        # The user's prompt with a shipped id replaces it: a way to reword a question to taste.
        merged.update((prompt.id, prompt) for prompt, _ in deck.prompts)
        origin.update((prompt.id, (deck.path, line)) for prompt, line in deck.prompts)
    _check_groups(merged, origin)
    return tuple(merged.values())


def _check_groups(merged: dict[str, Prompt], origin: dict[str, tuple[Path, int]]) -> None:
    """A group is one question for no-repeat: never named like a prompt, never half closing question."""
    closing_of: dict[str, bool] = {}
    for prompt in merged.values():
        if not prompt.group:
            continue
        path, line = origin[prompt.id]
        if prompt.group in merged:
            raise DeckError(path, line, f"group {prompt.group!r} of prompt {prompt.id!r} is also a prompt id")
        closing = prompt.stage == CLOSING
        if closing_of.setdefault(prompt.group, closing) != closing:
            raise DeckError(path, line, f"group {prompt.group!r} mixes closing questions with others")


def read_folder(folder: Path) -> list[DeckFile]:
    """Every `*.toml` deck in a folder, in file-name order; none when the folder does not exist."""
    if not folder.is_dir():
        return []
    return [read_deck(path) for path in sorted(folder.glob("*.toml"))]


def read_deck(path: Path) -> DeckFile:
    """Read and check one deck file; one unchanged since it was last read is not parsed again."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DeckError(path, None, f"cannot be read ({exc})") from None
    kept = _read.get(path)
    if kept is None or kept[0] != text:
        kept = _read[path] = (text, parse_deck(text, path))
    return kept[1]


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
            raise DeckError(path, _key_line(lines, 0, key), f"unknown key {key!r} (a deck has [deck], [aliases], [[prompt]] and disable)")
    deck = DeckFile(path)
    starts = [n for n, line in enumerate(lines, 1) if _HEADER.match(line)]
    entries = data.get("prompt", [])
    if not isinstance(entries, list):
        raise DeckError(path, _key_line(lines, 0, "prompt"), "prompt must be written as [[prompt]] tables")
    for index, entry in enumerate(entries):
        start = starts[index] if index < len(starts) else 1
        deck.prompts.append((_prompt(entry, path, lines, start), start))
    deck.disabled = _disabled(data.get("disable", []), path, lines)
    deck.aliases = _aliases(data.get("aliases", {}), path, lines)
    _refuse_duplicates(deck)
    return deck


def _prompt(entry: Any, path: Path, lines: list[str], start: int) -> Prompt:
    def fail(key: str | None, problem: str) -> DeckError:
        return DeckError(path, _key_line(lines, start, key) if key else start, problem)

    if not isinstance(entry, dict):
        raise fail(None, "a prompt must be a [[prompt]] table")
    return prompt_from(entry, fail)


def _aliases(table: Any, path: Path, lines: list[str]) -> dict[str, str]:
    start = next((n for n, line in enumerate(lines, 1) if _ALIASES.match(line)), 0)

    def fail(key: str | None, problem: str) -> DeckError:
        return DeckError(path, _key_line(lines, start, key), problem)

    return aliases_from(table, fail)


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
