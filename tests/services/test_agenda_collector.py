"""A plan's objects skip the young collection that would walk them all once more after the plan."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

RITUAL = str(Path(sys.executable).with_name("ritual"))

# Runs in a process of its own, so the cycle collector starts as in a fresh `ritual upcoming`. Each collection
# started during the plan is noted with how many objects it walks (the generations it collects).
_CHECK = """
import gc, sys
from datetime import date
from ritual.paths import Paths
from ritual.services.planning.agenda import agenda
from ritual.settings.load import load_settings
from ritual.store.database import open_database

paths = Paths.resolve(sys.argv[1])
db, settings = open_database(paths.database), load_settings(paths)
if sys.argv[2] == "frozen":
    gc.freeze()
frozen = gc.get_freeze_count()
walked = []
def watch(phase, info):
    if phase == "start":
        walked.append(sum(len(gc.get_objects(generation=g)) for g in range(info["generation"] + 1)))
gc.callbacks.append(watch)
items = agenda(settings, db, date(2026, 11, 30), date(2027, 11, 29), date(2026, 11, 30))
gc.callbacks.remove(watch)
print(len(items), max(walked, default=0), gc.get_freeze_count() - frozen, gc.isenabled())
"""


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> Path:
    """A home of 1,000 demo friends: a year of them plans a few thousand items."""
    path = tmp_path_factory.mktemp("collector")
    subprocess.run([RITUAL, "--home", str(path), "demo", "--friends", "1000"], capture_output=True, check=True)
    return path


def _plan(home: Path, mode: str) -> tuple[int, int, int, str]:
    done = subprocess.run([sys.executable, "-c", _CHECK, str(home), mode], capture_output=True, text=True, check=True)
    items, walked, newly_frozen, enabled = done.stdout.split()
    return int(items), int(walked), int(newly_frozen), enabled


def test_no_collection_walks_a_plans_items(home):
    items, walked, newly_frozen, enabled = _plan(home, "fresh")
    assert items > 3000
    assert walked < items
    assert newly_frozen == 0 and enabled == "True"


def test_objects_frozen_before_the_plan_stay_frozen(home):
    items, _, newly_frozen, enabled = _plan(home, "frozen")
    assert items > 3000
    assert newly_frozen == 0 and enabled == "True"


_COUNTED = """
import gc, sys
from datetime import date
from ritual.paths import Paths
from ritual.services.planning import agenda as planning
from ritual.settings.load import load_settings
from ritual.store.database import open_database

paths = Paths.resolve(sys.argv[1])
db, settings = open_database(paths.database), load_settings(paths)
counted = []
count = gc.get_freeze_count
planning.gc.get_freeze_count = lambda: counted.append(1) or count()
gc.freeze()
for _ in range(3):
    planning.agenda(settings, db, date(2026, 11, 30), date(2026, 12, 6), date(2026, 11, 30))
print(len(counted))
"""


def test_once_objects_are_frozen_they_are_not_counted_again_at_each_plan(home):
    done = subprocess.run([sys.executable, "-c", _COUNTED, str(home)], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["1"]
