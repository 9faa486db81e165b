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
