"""The `ritual` command loads its modules with the cycle collector paused, and runs each command with it on."""

from __future__ import annotations

import json
import subprocess
import sys

# Notes whether the collector was on when the command line's module began to load, and when the command ran.
PROBE = (
    "import gc, json, sys\n"
    "seen = {}\n"
    "class Watch:\n"
    "    def find_spec(self, name, path=None, target=None):\n"
    "        if name == 'ritual.cli':\n"
    "            seen['loading'] = gc.isenabled()\n"
    "        return None\n"
    "sys.meta_path.insert(0, Watch())\n"
    "import ritual.__main__ as entry\n"
    "import ritual.commands.agenda as agenda\n"
    "shown = agenda.show_home\n"
    "def show_home(context):\n"
    "    seen['running'] = gc.isenabled()\n"
    "    shown(context)\n"
    "agenda.show_home = show_home\n"
    "sys.argv = ['ritual', '--home', sys.argv[1]]\n"
    "try:\n"
    "    entry.main()\n"
    "except SystemExit:\n"
    "    pass\n"
    "print(json.dumps(seen), file=sys.stderr)\n"
)


def test_the_command_line_loads_without_the_collector_and_runs_with_it(tmp_path):
    done = subprocess.run([sys.executable, "-c", PROBE, str(tmp_path / "home")], capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=120)
    seen = json.loads(done.stderr.strip().splitlines()[-1])
    assert seen == {"loading": False, "running": True}
    assert "No friends yet" in done.stdout
