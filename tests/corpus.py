"""Where the shared corpus of real contact and calendar exports lives (read in place, never copied)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Beside the checkout by default; RITUAL_CORPUS points elsewhere when the checkout lives somewhere else.
ROOT = Path(os.environ.get("RITUAL_CORPUS") or Path(__file__).resolve().parents[2] / "shared" / "corpus")


def corpus_dir(kind: str) -> Path:
    """The corpus folder for `vcard`, `csv` or `ics`."""
    return ROOT / kind


def needs(kind: str) -> pytest.MarkDecorator:
    """Skip, saying where it looked, when that part of the corpus is absent."""
    folder = corpus_dir(kind)
    return pytest.mark.skipif(not folder.is_dir(), reason=f"the shared corpus is not at {folder}")
