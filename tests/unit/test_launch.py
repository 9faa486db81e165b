"""The `ritual` command: no cycle collection while it loads, and an end without teardown that loses nothing."""

import json
import os
import subprocess
import sys
from pathlib import Path

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


def python(code: str, *args: str, home: Path | None = None) -> subprocess.CompletedProcess:
    # Buffered streams, as a user's are: with PYTHONUNBUFFERED every write would be out at once.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    env.update({"RITUAL_TODAY": "2026-11-25", **({"RITUAL_HOME": str(home)} if home else {})})
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=False, env=env)


def test_a_process_may_end_at_once_only_with_an_exit_number_and_nothing_waiting():
    checks = "from ritual.launch import may_end_now\nprint(may_end_now(None), may_end_now(2), may_end_now('bad'))\n"
    assert python(checks).stdout.split() == ["True", "True", "False"]
    handler = "import atexit\natexit.register(print, 'bye')\n"
    assert python(handler + checks).stdout.split() == ["False", "False", "False", "bye"]
    thread = "import threading, time\nthreading.Thread(target=time.sleep, args=(0.5,)).start()\n"
    assert python(thread + checks).stdout.split() == ["False", "False", "False"]


def test_a_stream_that_cannot_take_its_output_is_left_to_the_normal_exit():
    closed = ("import os, sys\nread, write = os.pipe()\nos.close(read)\nsys.stdout = os.fdopen(write, 'w')\n"
              "print('lost')\nfrom ritual.launch import flushed\nprint(flushed(), file=sys.stderr)\n")
    assert python(closed).stderr.splitlines()[0] == "False"
    assert python("from ritual.launch import flushed\nprint(flushed())\n").stdout == "True\n"


def test_an_exit_handler_still_runs_after_the_command(tmp_path):
    run = "import atexit, sys\natexit.register(print, 'handler ran')\nsys.argv = ['ritual', '--version']\n"
    done = python(run + "from ritual.launch import main\nmain()\n")
    assert done.returncode == 0 and done.stdout.splitlines()[-1] == "handler ran"


def test_the_command_ending_at_once_leaves_its_whole_output_and_its_exit_code(tmp_path):
    launch = "import sys\nsys.argv[0] = 'ritual'\nfrom ritual.launch import main\nmain()\n"
    assert python(launch, "demo", "--friends", "200", home=tmp_path).returncode == 0
    week = python(launch, "week", "--json", home=tmp_path)
    assert week.returncode == 0 and len(json.loads(week.stdout)) > 20
    bad = python(launch, "week", "--date", "2026-13-01", home=tmp_path)
    assert bad.returncode == 2 and "2026-13-01" in bad.stderr and bad.stdout == ""


def test_what_a_stream_still_holds_is_written_before_the_end(tmp_path):
    # Piped, stdout keeps text in its buffer; a failing command writes only to stderr, so only a last flush writes it.
    held = "import sys\nsys.stdout.write('still held')\nsys.argv = ['ritual', 'week', '--date', '2026-13-01']\n"
    done = python(held + "from ritual.launch import main\nmain()\n", home=tmp_path)
    assert done.returncode == 2 and done.stdout == "still held"
