"""The architecture rules that keep ritual fast and its core pure, checked in code."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FORBIDDEN_IN_CORE = {"textual", "click", "apscheduler", "icalendar", "vobject", "sqlite3", "holidays", "caldav"}
HEAVY = ["textual", "apscheduler", "icalendar", "vobject", "holidays", "recurring_ical_events", "caldav"]


def imported_roots(path: Path) -> set[str]:
    """Top-level package names a module imports (anywhere in the file)."""
    roots = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def test_core_imports_no_ui_storage_or_format_library():
    offenders = {
        str(path.relative_to(ROOT)): sorted(imported_roots(path) & FORBIDDEN_IN_CORE)
        for path in (ROOT / "ritual" / "core").rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_core_does_not_read_the_clock():
    for path in (ROOT / "ritual" / "core").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "date.today()" not in text and "datetime.now(" not in text, path


def modules_after(args: list[str], home: Path) -> tuple[set[str], subprocess.CompletedProcess]:
    script = (
        "import sys, json\n"
        "from ritual.cli import cli\n"
        "try:\n"
        f"    cli({args!r}, prog_name='ritual')\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(json.dumps(sorted(sys.modules)), file=sys.stderr)\n"
    )
    env = {**os.environ, "RITUAL_HOME": str(home), "RITUAL_TODAY": "2026-11-25"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=False)
    return set(json.loads(done.stderr.strip().splitlines()[-1])), done


@pytest.mark.parametrize(
    "args", [["--help"], ["week"], ["week", "--json"], ["upcoming", "--days", "30"], ["friend", "list"]]
)
def test_fast_commands_import_no_heavy_library(args, tmp_path):
    # The demo plans around today, so it is the first plan: it fills the holiday cache; later ones read it.
    first, _ = modules_after(["demo", "--friends", "30"], tmp_path)
    assert "holidays" in first
    loaded, done = modules_after(args, tmp_path)
    assert done.returncode == 0 or "--help" in args, done.stderr
    assert sorted(m for m in HEAVY if m in loaded) == []


def test_the_week_loads_only_its_own_command_module(tmp_path):
    modules_after(["week"], tmp_path)
    loaded, done = modules_after(["week"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert sorted(m for m in loaded if m.startswith("ritual.commands.")) == ["ritual.commands.agenda"]


def test_every_default_lives_in_the_shipped_settings_file():
    # A default written in code as well as in config/settings.toml would drift apart from it.
    from ritual.settings.calendars import ExportSettings
    from ritual.settings.contacts import ContactSyncSettings
    from ritual.settings.reminders import ReminderSettings, SmtpSettings
    from ritual.settings.load import Settings

    for record in (Settings, ReminderSettings, SmtpSettings, ExportSettings, ContactSyncSettings):
        assert record._field_defaults == {}, record.__name__


def test_every_key_of_the_shipped_settings_file_is_read(tmp_path, monkeypatch):
    from ritual.settings import load as settings_module
    from ritual.paths import Paths

    read_keys: set[str] = set()

    class Tracking(dict):
        def __getitem__(self, key):
            read_keys.add(key)
            return super().__getitem__(key)

    from ritual.settings.toml_files import TomlFiles

    original = TomlFiles.read
    monkeypatch.setattr(TomlFiles, "read", lambda self, path: Tracking(original(self, path)))
    settings_module.load_settings(Paths.under(tmp_path))
    shipped = original(TomlFiles(None), settings_module.shipped_config_dir() / "settings.toml")
    assert sorted(set(shipped) - read_keys) == []


def test_services_are_grouped_by_capability():
    # A flat room of modules hides the shape of the house: every service lives in its capability's package.
    services = ROOT / "ritual" / "services"
    assert sorted(p.name for p in services.glob("*.py")) == ["__init__.py"]


def test_every_package_says_its_job_in_one_line():
    for init in (ROOT / "ritual").rglob("__init__.py"):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc and "\n" not in doc.strip(), init


def test_textual_is_imported_only_by_the_app():
    outside = [
        str(path.relative_to(ROOT)) for path in (ROOT / "ritual").rglob("*.py")
        if "textual" in imported_roots(path) and "tui" not in path.relative_to(ROOT).parts
    ]
    assert outside == []


def test_screens_folder_holds_screen_modules_only():
    for path in (ROOT / "ritual" / "tui" / "screens").glob("*.py"):
        if path.name == "__init__.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        classes = [n for n in tree.body if isinstance(n, ast.ClassDef)]
        assert any(c.name.endswith(("Screen", "Modal", "Dialog")) or
                   any("Screen" in ast.unparse(b) for b in c.bases) for c in classes), path


SQL_START = ("SELECT ", "INSERT ", "UPDATE ", "DELETE ", "PRAGMA ", "CREATE ", "WITH ", "REPLACE ")


def sql_strings(path: Path) -> list[str]:
    """String constants in a module that read as SQL statements."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [node.value.strip()[:40] for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and node.value.lstrip().startswith(SQL_START)]


def test_sql_lives_only_in_the_store():
    outside = {
        str(path.relative_to(ROOT)): sql_strings(path) for path in (ROOT / "ritual").rglob("*.py")
        if "store" not in path.relative_to(ROOT).parts
    }
    assert {k: v for k, v in outside.items() if v} == {}


def test_the_clock_is_read_only_in_clock_py():
    # Time comes in as an argument (a clock, a date or a moment), so tests and demos can fix it.
    reads = ("date.today()", "datetime.now(", "datetime.utcnow(", "time.time()")
    offenders = [
        str(path.relative_to(ROOT)) for path in (ROOT / "ritual").rglob("*.py")
        if path.name != "clock.py" and any(r in path.read_text(encoding="utf-8") for r in reads)
    ]
    assert offenders == []


def test_commands_print_only_through_the_safe_door():
    """Every command writes text through `ritual.text.safe`, so no control character from data slips past."""
    offenders = []
    for path in [*(ROOT / "ritual" / "commands").glob("*.py"), ROOT / "ritual" / "cli.py"]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                if node.func.attr in ("echo", "secho") and getattr(node.func.value, "id", "") == "click":
                    offenders.append(f"{path.name}:{node.lineno}")
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "print":
                offenders.append(f"{path.name}:{node.lineno}")
    assert offenders == []


def test_screens_reach_the_store_only_through_the_facade():
    # RitualData is the one door from the app to the store: a screen never builds a repository itself.
    opened = [
        str(path.relative_to(ROOT)) for path in (ROOT / "ritual" / "tui").rglob("*.py")
        if path.name != "data.py" and ("Repository(" in path.read_text(encoding="utf-8")
                                       or "open_database(" in path.read_text(encoding="utf-8"))
    ]
    assert opened == []


def test_every_screen_names_the_facade_it_is_given():
    untyped = [
        f"{path.name}:{node.lineno}" for path in (ROOT / "ritual" / "tui" / "screens").glob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.FunctionDef) and node.name == "__init__"
        for arg in node.args.args if arg.arg == "data" and arg.annotation is None
    ]
    assert untyped == []


def test_settings_depend_on_no_service():
    # Services read settings; an arrow back from settings to a service would tie the layers in a knot.
    back = {
        str(path.relative_to(ROOT)) for path in (ROOT / "ritual" / "settings").rglob("*.py")
        if "ritual.services" in path.read_text(encoding="utf-8")
    }
    assert back == set()


def test_named_tuples_outside_the_app_are_made_from_real_types():
    # Under `from __future__ import annotations` every field's type is a string, and typing compiles each one
    # when the class is made: some 250 compiles on every `ritual week`, about a twentieth of its time.
    offenders = []
    for path in (ROOT / "ritual").rglob("*.py"):
        if "tui" in path.relative_to(ROOT / "ritual").parts:
            continue  # the app's start is dominated by Textual's own
        tree = ast.parse(path.read_text(encoding="utf-8"))
        future = any(isinstance(n, ast.ImportFrom) and n.module == "__future__" for n in tree.body)
        named = any(isinstance(n, ast.ClassDef) and any(getattr(b, "id", "") == "NamedTuple" for b in n.bases)
                    for n in tree.body)
        if future and named:
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_the_installed_command_compiles_no_annotation_of_its_own(tmp_path):
    script = (
        "import builtins, sys, os\n"
        "seen = []\n"
        "real = builtins.compile\n"
        "def compile(source, filename, mode, *args, **kwargs):\n"
        "    frame = sys._getframe(1)\n"
        "    while frame.f_code.co_filename.endswith('typing.py'):\n"
        "        frame = frame.f_back\n"
        "    seen.append(frame.f_code.co_filename)\n"
        "    return real(source, filename, mode, *args, **kwargs)\n"
        "builtins.compile = compile\n"
        "end = os._exit\n"
        "os._exit = lambda code: (print(repr(seen), file=sys.stderr), sys.stderr.flush(), end(code))\n"
        "from ritual.launch import main\n"
        "sys.argv = ['ritual', 'week']\n"
        "main()\n"
    )
    env = {**os.environ, "RITUAL_HOME": str(tmp_path / "home"), "RITUAL_TODAY": "2026-11-25"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stderr
    # The files whose classes asked typing to compile a type: only the standard library's own (tomllib) are left.
    callers = eval(done.stderr.strip().splitlines()[-1])
    assert callers and [c for c in callers if os.sep + "ritual" + os.sep in c] == []
