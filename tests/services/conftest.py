"""Fixtures shared by the service tests."""

from __future__ import annotations

import pytest

from tests.services.ics_homes import hard_friends, open_home


@pytest.fixture
def hard_home(tmp_path):
    """The hard dates under the default Feb-29 policy."""
    home = open_home(tmp_path / "home", friends=hard_friends())
    yield home
    home.db.close()
