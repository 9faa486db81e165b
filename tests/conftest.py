"""Shared fixtures: a private ritual home per test and a CLI runner bound to it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from ritual.cli import cli

TODAY = date(2026, 11, 25)  # a Wednesday


@dataclass
class RitualRunner:
    """Runs `ritual --home HOME --today TODAY ...` in-process and returns click's result."""

    home: Path
    today: date = TODAY

    def __call__(self, *args: str, input: str | None = None, env: dict | None = None) -> Result:
        runner = CliRunner()
        full = ["--home", str(self.home), "--today", self.today.isoformat(), *args]
        return runner.invoke(cli, full, input=input, env=env, catch_exceptions=False)

    def on(self, day: str) -> RitualRunner:
        """The same home on another day: a step is logged on or after the day it happened."""
        return RitualRunner(self.home, date.fromisoformat(day))

    def ok(self, *args: str, input: str | None = None) -> str:
        """Run and insist on exit code 0; return stdout."""
        result = self(*args, input=input)
        assert result.exit_code == 0, (result.exit_code, result.output, result.stderr)
        return result.stdout

    def json(self, *args: str):
        """Run a --json command and parse its output."""
        return json.loads(self.ok(*args, "--json"))


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """An empty ritual home."""
    return tmp_path / "home"


@pytest.fixture
def ritual(home: Path) -> RitualRunner:
    """The CLI bound to a private home and a fixed today."""
    return RitualRunner(home)


@pytest.fixture(autouse=True)
def backups_follow_the_published_schema(tmp_path: Path):
    """Every backup a test writes (by hand, by `ritual backup`, or a rolling one) validates against the schema."""
    yield
    from ritual.services.backup.schema_check import check_backup_document

    for path in tmp_path.rglob("*.json"):
        if not path.is_file() or path.is_symlink() or b'"format": "ritual-backup"' not in path.read_bytes()[:4096]:
            continue
        text = path.read_text(encoding="utf-8")
        document = json.loads(text)
        # Only what ritual itself wrote (its exact layout): tests that hand-craft broken backups are left alone.
        if text == json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n":
            check_backup_document(document, path)



_CHECKOUT = Path(__file__).resolve().parents[1]
# What running the suite may leave at the top of a checkout (caches, the snapshot report, coverage).
_LEFT_BY_TOOLS = {".hypothesis", "snapshot_report.html", ".pytest_cache", ".coverage"}


@pytest.fixture(scope="session", autouse=True)
def nothing_is_written_into_the_checkout():
    """Tests write only inside their own temporary folders: a file left at the top of the checkout fails."""
    before = {p.name for p in _CHECKOUT.iterdir()}
    yield
    left = {p.name for p in _CHECKOUT.iterdir()} - before - _LEFT_BY_TOOLS
    assert not left, f"tests wrote into the checkout: {sorted(left)}"
