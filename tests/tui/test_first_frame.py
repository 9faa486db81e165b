"""The first frame needs only the week: other screens and the heavy libraries load later, when first used."""

from __future__ import annotations

import json
import os
import subprocess
import sys

HEAVY = ("icalendar", "holidays", "apscheduler", "vobject")
# Runs the real app headless. Just after the first frame the reminders start and the week's plan begins: the
# first of the two notes what is loaded by then, and the app closes.
PROBE = (
    "import json, sys\n"
    "from ritual.tui.app import RitualApp\n"
    "from ritual.tui.screens.week import WeekScreen\n"
    "def note(app):\n"
    "    loaded = sorted(m for m in sys.modules if m.split('.')[0] in %r or m.startswith('ritual.tui.screens.'))\n"
    "    print(json.dumps({'loaded': loaded, 'screen': type(app.screen).__name__}), file=sys.stderr)\n"
    "    app.exit()\n"
    "RitualApp.start_reminders = note\n"
    "WeekScreen._plan = lambda screen, monday: note(screen.app)\n"
    "RitualApp.run = lambda self: RitualApp.__bases__[0].run(self, headless=True, size=(80, 24))\n"
    "import ritual.tui\n"
    "from ritual.context import RitualContext\n"
    "from ritual.clock import Clock\n"
    "from ritual.paths import Paths\n"
    "from pathlib import Path\n"
    "from datetime import date\n"
    "ritual.tui.run_app(RitualContext(Paths.under(Path(sys.argv[1])), Clock(date(2026, 3, 9))))\n"
) % (HEAVY,)


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
