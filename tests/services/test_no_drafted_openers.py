"""ritual never writes a sentence of the letter: no drafted opener in any prompt, follow-up or screen text."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import ritual
from ritual.core.sittings import FOLLOW_UP_ANY, FOLLOW_UPS
from ritual.paths import shipped_config_dir
from ritual.services.letters.decks import shipped_deck

OPENERS = re.compile(r"\bDear\b|\bI hope (this|my letter|the card) finds you\b|\bhope you are (well|keeping well)\b",
                     re.IGNORECASE)
SOURCE = Path(ritual.__file__).parent
TEXT_PACKAGES = ("text", "tui", "commands", "core", "services/letters")


def drafted(text: str) -> bool:
    """True when the text holds a letter's stock opening."""
    return OPENERS.search(text) is not None


def literals(path: Path) -> list[tuple[int, str]]:
    """Every string written in a Python module, with its line."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)]


def test_the_detector_catches_what_it_looks_for():
    assert drafted("Dear Ana, how are you?") and drafted("I hope this finds you well")
    assert not drafted("What endeared them to you?") and not drafted("What do you hope for them?")


def test_no_prompt_or_follow_up_drafts_an_opening():
    questions = [p.question for p in shipped_deck().prompts] + [*FOLLOW_UPS.values(), FOLLOW_UP_ANY]
    assert [q for q in questions if drafted(q)] == []


@pytest.mark.parametrize("package", TEXT_PACKAGES)
def test_no_screen_or_terminal_text_drafts_an_opening(package):
    found = [f"{path.relative_to(SOURCE)}:{line}" for path in sorted((SOURCE / package).rglob("*.py"))
             for line, text in literals(path) if drafted(text)]
    assert found == []


def test_no_shipped_config_text_drafts_an_opening():
    config = shipped_config_dir()
    found = [str(path) for path in config.rglob("*") if path.is_file() and path.suffix in {".toml", ".md"}
             and drafted(path.read_text(encoding="utf-8"))]
    assert found == []
