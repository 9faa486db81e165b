"""What stored cards cost the plan: `ritual week` and `upcoming --days 365` on 10,000 friends, 0 vs 3,000 cards."""

from __future__ import annotations

import os
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from ritual.core.cards import Card, move
from ritual.paths import Paths
from ritual.store.cards import CardRepository
from ritual.store.database import open_database
from tests.bench.conftest import demo_home, median_wall, print_medians

RITUAL = str(Path(sys.executable).with_name("ritual"))
TODAY = date(2026, 11, 25)


def _post_cards(home: Path, count: int) -> None:
    """Mark the first `count` cards of the coming year posted, straight in the store."""
    db = open_database(Paths.under(home).database)
    try:
        rows = db.query("SELECT id, birth_month, birth_day FROM friends WHERE birth_day IS NOT NULL LIMIT ?", (count,))
        with db.transaction() as conn:
            for row in rows:
                day = date(2026, row["birth_month"], min(row["birth_day"], 28))
                day = day if day >= TODAY else date(2027, day.month, day.day)
                CardRepository(db).save_in(conn, move(Card(row["id"], "birthday", day), "posted", TODAY - timedelta(days=1)))
    finally:
        db.close()


@pytest.mark.bench
def test_stored_cards_cost_the_plan_little(tmp_path):
    env = {**os.environ, "RITUAL_TODAY": TODAY.isoformat()}
    floor = median_wall([sys.executable, "-c", "pass"], env=env)
    home = tmp_path / "home"
    demo_home(RITUAL, home, 10_000, env)
    rows, results = [("python -c pass", "-", floor)], {}
    for cards in (0, 3_000):
        if cards:
            _post_cards(home, cards)
        for label, args in (("week", ["week"]), ("upcoming 365", ["upcoming", "--days", "365"])):
            seconds = median_wall([RITUAL, "--home", str(home), *args], env=env, runs=7)
            rows.append((f"ritual {label}, {cards:,} cards", "10,000", seconds))
            results[(label, cards)] = seconds
    print_medians(rows, floor)
    for label in ("week", "upcoming 365"):
        assert results[(label, 3_000)] < 1.5 * results[(label, 0)], label
