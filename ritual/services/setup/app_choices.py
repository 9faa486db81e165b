"""Choices the app keeps across restarts (theme, friend sort) in the home's state folder, owner-only."""

from __future__ import annotations

import json
from pathlib import Path

from ritual.private_files import write_private_text

CHOICES_FILE = "app-choices.json"
# Only these keys are kept, each a short word; anything else in the file is ignored.
KEPT = ("theme", "friend_sort")
LONGEST = 64


def choices_path(state_dir: Path) -> Path:
    """Where the choices live."""
    return state_dir / CHOICES_FILE


def load_choices(state_dir: Path) -> dict[str, str]:
    """The kept choices; a missing, unreadable or foreign file counts as none kept."""
    try:
        found = json.loads(choices_path(state_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(found, dict):
        return {}
    return {k: v for k, v in found.items() if k in KEPT and isinstance(v, str) and 0 < len(v) <= LONGEST}


def keep_choice(state_dir: Path, key: str, value: str) -> dict[str, str]:
    """Keep one choice beside the others, written owner-only; returns every choice kept."""
    choices = {**load_choices(state_dir), key: value}
    state_dir.mkdir(parents=True, exist_ok=True)
    write_private_text(choices_path(state_dir), json.dumps(choices, indent=1, sort_keys=True) + "\n", "app choices")
    return choices
