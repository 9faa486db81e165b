"""The first frame needs only the week: other screens and the heavy libraries load later, when first used."""

from __future__ import annotations

import json
import os
import subprocess
import sys

HEAVY = ("icalendar", "holidays", "apscheduler", "vobject")
# How each probe ends: the real app run headless at 80x24 on the home given as the first argument.
RUN_HEADLESS = (
    "RitualApp.run = lambda self: App.run(self, headless=True, size=(80, 24))\n"
    "import ritual.tui\n"
    "from ritual.context import RitualContext\n"
    "from ritual.clock import Clock\n"
    "from ritual.paths import Paths\n"
    "from pathlib import Path\n"
    "from datetime import date\n"
    "ritual.tui.run_app(RitualContext(Paths.under(Path(sys.argv[1])), Clock(date(2026, 3, 9))))\n"
)
# Runs the real app headless. Just after the first frame the reminders start and the week's plan begins: the
# first of the two notes what is loaded by then, and the app closes.
PROBE = (
    "import json, sys\n"
    "from textual.app import App\n"
    "from ritual.tui.app import RitualApp\n"
    "from ritual.tui.screens.week import WeekScreen\n"
    "def note(app):\n"
    "    loaded = sorted(m for m in sys.modules if m.split('.')[0] in %r or m.startswith('ritual.tui.screens.'))\n"
    "    print(json.dumps({'loaded': loaded, 'screen': type(app.screen).__name__}), file=sys.stderr)\n"
    "    app.exit()\n"
    "RitualApp.start_reminders = note\n"
    "WeekScreen._plan = lambda screen, monday: note(screen.app)\n"
) % (HEAVY,) + RUN_HEADLESS


def test_the_first_frame_loads_the_week_alone_and_no_heavy_library(tmp_path):
    home = tmp_path / "home"
    env = {**os.environ, "RITUAL_TODAY": "2026-03-09"}
    subprocess.run([sys.executable, "-m", "ritual", "--home", str(home), "friend", "add", "Ana Souza",
                    "--birthday", "1990-03-14"], env=env, check=True, capture_output=True)
    done = subprocess.run([sys.executable, "-c", PROBE, str(home)], env=env, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=120)
    noted = json.loads(next(line for line in done.stderr.splitlines() if line.startswith("{")))
    assert noted["screen"] == "WeekScreen"
    assert noted["loaded"] == ["ritual.tui.screens.base", "ritual.tui.screens.week"]


async def test_after_the_first_frame_the_startup_objects_are_set_aside_from_garbage_collection(app):
    import gc

    from ritual.tui.memory import YOUNG_THRESHOLD
    from tests.tui.conftest import settle

    gc.unfreeze()
    gc.set_threshold(700, 10, 10)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            assert gc.get_threshold()[0] == YOUNG_THRESHOLD
            assert gc.get_freeze_count() > 10_000  # the modules, styles and widgets of the start
    finally:
        gc.unfreeze()


# Runs the real app headless and notes the collector's state as the app settles after its first frame.
COLLECTOR_PROBE = (
    "import gc, json, sys\n"
    "from textual._context import active_app\n"
    "from textual.app import App\n"
    "import ritual.tui.app as app_module\n"
    "from ritual.tui.app import RitualApp\n"
    "settle = app_module.settle_after_start\n"
    "seen = {}\n"
    "def settled():\n"
    "    seen['until the first frame'] = gc.isenabled()\n"
    "    settle()\n"
    "    seen['after it'] = gc.isenabled()\n"
    "    active_app.get().exit()\n"
    "app_module.settle_after_start = settled\n"
    + RUN_HEADLESS
    + "print(json.dumps(seen), file=sys.stderr)\n"
)


def test_the_app_starts_without_pausing_for_collections_and_collects_once_it_has_drawn(tmp_path):
    done = subprocess.run([sys.executable, "-c", COLLECTOR_PROBE, str(tmp_path / "home")], capture_output=True,
                          text=True, stdin=subprocess.DEVNULL, timeout=120)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    seen = json.loads(done.stderr.strip().splitlines()[-1])
    assert seen == {"until the first frame": False, "after it": True}
