"""The `ritual` command loads its command line with no cycle collection on the way, and collects again after."""

import subprocess
import sys

# Counts the collections that start once `watching` is set and before the command line has its `main`, and how
# the collector stands when the process ends.
WATCH = (
    "import atexit, gc, sys\n"
    "loading, watching = [], []\n"
    "def seen(phase, info):\n"
    "    if phase == 'start' and watching and not hasattr(sys.modules.get('ritual.cli'), 'main'):\n"
    "        loading.append(info['generation'])\n"
    "gc.callbacks.append(seen)\n"
    "atexit.register(lambda: print(len(loading), gc.isenabled(), gc.get_freeze_count()))\n"
    "sys.argv = ['ritual', '--version']\n"
)


def outcome(start: str) -> list[str]:
    done = subprocess.run([sys.executable, "-c", WATCH + start], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1].split()


def test_the_command_line_loads_without_a_collection_and_collects_again_after():
    assert outcome("from ritual.launch import main\nwatching.append(1)\nmain()\n") == ["0", "True", "0"]


def test_loading_the_command_line_with_the_collector_on_collects_on_the_way():
    # The check above would pass for nothing if loading never collected in the first place.
    collections, enabled, frozen = outcome("watching.append(1)\nfrom ritual.cli import main\nmain()\n")
    assert int(collections) > 0 and enabled == "True" and frozen == "0"
