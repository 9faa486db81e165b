"""Mutation testing of `ritual/core`, run by hand (not in CI): does some unit test fail for each small change?

    .venv/bin/python tests/mutation.py                    # every core module
    .venv/bin/python tests/mutation.py dates planner      # some modules
    .venv/bin/python tests/mutation.py --list planner     # the mutants only, nothing run

Each mutant changes one thing in one module (a comparison, + and -, a whole-number constant, and/or, a `not`,
True/False, min/max; never a decorator's arguments or an annotation) inside a copy of the project in a
temporary folder, so the working tree is never touched.
The module's own unit tests (OWN_TESTS) run with `-x -q`, example tests before property tests and at most
EXAMPLES examples each, in a forked child of a process that has already imported pytest and its plugins
(so a mutant costs its tests, not an interpreter start), under a per-mutant timeout.
It prints each surviving mutant with its line and a score per module; a timeout counts as killed.
Surviving mutants that cannot change behaviour are listed, with the reason, in tests/mutation_equivalents.txt;
a survivor listed there is printed as `equivalent` and the score is taken over the other mutants.
"""

from __future__ import annotations

import argparse
import ast
import os
import shutil
import signal
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORE = ROOT / "ritual" / "core"
EQUIVALENTS = ROOT / "tests" / "mutation_equivalents.txt"
TIMEOUT = 120.0
# Property tests run this many examples per mutant: enough to catch a changed rule, light on a shared machine
# (the rules they guard also have example tests, which run first).
EXAMPLES = 10
# Which unit tests speak for each module; a module not named here is checked by the whole of tests/unit.
OWN_TESTS = {
    "dates": ["test_dates.py", "test_planner.py", "test_ranges.py"],
    "planner": ["test_planner.py"],
    "plan_steps": ["test_planner.py", "test_cards.py"],  # a card's steps and deadlines, as plans show them
    "postal": ["test_postal.py", "test_planner.py"],
    "prompts": ["test_prompts.py", "test_prompt_choice.py"],  # the second reads gaps, names and conditions
    "ranges": ["test_ranges.py"],
    "reminders": ["test_reminders.py"],
    "sessions": ["test_sessions.py"],
    "supplies": ["test_supplies.py"],
    "model": ["test_model.py", "test_ranges.py", "test_planner.py"],  # test_model.py: the model's own rules
    "letters": ["test_letters.py", "test_ranges.py"],
    "text": ["test_text.py", "test_planner.py", "test_reminders.py"],
    "cards": ["test_cards.py"],
    "prompt_choice": ["test_prompt_choice.py", "test_prompts.py"],
    "remembering": ["test_remembering.py"],
    "catch_up": ["test_catch_up.py"],
    "fields": ["test_fields.py"],
    "sittings": ["test_sittings.py"],
    "date_words": ["test_date_words.py", "test_dates.py"],
    "card_dates": ["test_card_dates.py", "test_planner.py"],
}
_SWAPS = {
    ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt, ast.Eq: ast.NotEq, ast.NotEq: ast.Eq,
    ast.Is: ast.IsNot, ast.IsNot: ast.Is, ast.In: ast.NotIn, ast.NotIn: ast.In,
    ast.Add: ast.Sub, ast.Sub: ast.Add, ast.FloorDiv: ast.Mult, ast.Mod: ast.FloorDiv,
    ast.And: ast.Or, ast.Or: ast.And,
}


@dataclass(frozen=True)
class Mutant:
    """One change: which module, the how-many-th candidate node, its line, and what it does."""

    module: str
    index: int
    line: int
    what: str


class _Candidates(ast.NodeVisitor):
    """Walks a module in a fixed order, listing (or, given `target`, applying) each possible change."""

    def __init__(self, target: int | None = None) -> None:
        self.found: list[tuple[int, str]] = []
        self.target = target

    def _offer(self, node: ast.AST, what: str, apply) -> None:
        if self.target == len(self.found):
            apply()
        self.found.append((getattr(node, "lineno", 0), what))

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        # Annotations are not behaviour; only the value is mutated.
        if node.value is not None:
            self.visit(node.value)

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        # Decorator arguments (`frozen=True, slots=True`) shape the class, not the domain rules under test.
        for statement in node.body:
            self.visit(statement)

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        for default in node.args.defaults + [d for d in node.args.kw_defaults if d is not None]:
            self.visit(default)
        for statement in node.body:
            self.visit(statement)

    def visit_Compare(self, node: ast.Compare) -> None:
        for i, op in enumerate(node.ops):
            swap = _SWAPS.get(type(op))
            if swap:
                self._offer(node, f"{type(op).__name__} -> {swap.__name__}", lambda i=i, s=swap: node.ops.__setitem__(i, s()))
        self.generic_visit(node)

    def visit_BinOp(self, node: ast.BinOp) -> None:
        swap = _SWAPS.get(type(node.op))
        if swap:
            self._offer(node, f"{type(node.op).__name__} -> {swap.__name__}", lambda: setattr(node, "op", swap()))
        self.generic_visit(node)

    def visit_BoolOp(self, node: ast.BoolOp) -> None:
        swap = _SWAPS[type(node.op)]
        self._offer(node, f"{type(node.op).__name__} -> {swap.__name__}", lambda: setattr(node, "op", swap()))
        self.generic_visit(node)

    def visit_UnaryOp(self, node: ast.UnaryOp) -> None:
        if isinstance(node.op, ast.Not):
            self._offer(node, "not x -> x", lambda: setattr(node, "op", ast.UAdd()) or setattr(node, "operand", ast.Call(
                ast.Name("bool", ast.Load()), [node.operand], [])))
        self.generic_visit(node)

    def visit_Constant(self, node: ast.Constant) -> None:
        if isinstance(node.value, bool):
            self._offer(node, f"{node.value} -> {not node.value}", lambda: setattr(node, "value", not node.value))
        elif isinstance(node.value, int):
            self._offer(node, f"{node.value} -> {node.value + 1}", lambda: setattr(node, "value", node.value + 1))

    def visit_Call(self, node: ast.Call) -> None:
        if isinstance(node.func, ast.Name) and node.func.id in ("min", "max"):
            other = "max" if node.func.id == "min" else "min"
            self._offer(node, f"{node.func.id} -> {other}", lambda: setattr(node.func, "id", other))
        self.generic_visit(node)

    def visit_Expr(self, node: ast.Expr) -> None:
        # Docstrings and other bare strings are not behaviour.
        if not isinstance(node.value, ast.Constant):
            self.generic_visit(node)


def mutants(module: str, core: Path = CORE) -> list[Mutant]:
    """Every mutant of one core module (of the project copy when `core` points into it)."""
    walker = _Candidates()
    walker.visit(ast.parse((core / f"{module}.py").read_text()))
    return [Mutant(module, i, line, what) for i, (line, what) in enumerate(walker.found)]


def mutated_source(mutant: Mutant, original: str) -> str:
    """The module's source with the mutant's one change."""
    tree = ast.parse(original)
    _Candidates(mutant.index).visit(tree)
    return ast.unparse(ast.fix_missing_locations(tree))


def _copy_project(into: Path) -> Path:
    """The code and tests in a folder of their own, without byte-code caches."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "__snapshots__", "bench")
    for name in ("ritual", "tests", "config"):
        shutil.copytree(ROOT / name, into / name, ignore=ignore)
    shutil.copy(ROOT / "pyproject.toml", into / "pyproject.toml")
    return into


def _test_args(module: str, copy: Path) -> list[str]:
    """The pytest arguments for one module's own tests (all of tests/unit for a module not in OWN_TESTS)."""
    own = [f"tests/unit/{name}" for name in OWN_TESTS.get(module, []) if (copy / "tests" / "unit" / name).exists()]
    # Plain asserts skip re-writing every test module per mutant; the unraisable-exception check would run five
    # full garbage collections per mutant. Neither changes whether a test passes.
    return ["-x", "-q", "--no-header", "-o", "addopts=-p no:cacheprovider", "--assert=plain",
            "-p", "no:unraisableexception", *(own or ["tests/unit"])]


class _PropertiesLast:
    """Runs the example tests before the property tests, so with `-x` most mutants fall to a cheap test."""

    @staticmethod
    def pytest_collection_modifyitems(items: list) -> None:
        """Stable sort: a test is a property test when hypothesis wraps it."""
        items.sort(key=lambda item: bool(getattr(getattr(item, "obj", None), "is_hypothesis_test", False)))


def _cap_examples() -> None:
    """Make every property test, whatever its own settings say, try at most EXAMPLES examples."""
    import hypothesis

    original = hypothesis.settings.__init__

    def capped(self, parent=None, **kwargs):
        kwargs["max_examples"] = min(kwargs.get("max_examples", EXAMPLES), EXAMPLES)
        kwargs.setdefault("deadline", None)
        original(self, parent, **kwargs)

    hypothesis.settings.__init__ = capped
    hypothesis.settings.register_profile("mutation", max_examples=EXAMPLES, deadline=None)
    hypothesis.settings.load_profile("mutation")


def _run_child(copy: Path, args: list[str], timeout: float = TIMEOUT) -> int:
    """Run pytest in a forked child; its exit status, or -1 when it outlived the timeout."""
    pid = os.fork()
    if pid == 0:
        sys.dont_write_bytecode = True
        os.chdir(copy)
        sys.path.insert(0, str(copy))
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        os.dup2(null, 2)
        _cap_examples()
        import gc

        import pytest

        # The parent's objects never become garbage here; frozen, each collection skips them.
        gc.freeze()
        os._exit(int(pytest.main(args, plugins=[_PropertiesLast()])))
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status)
        time.sleep(0.05)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    return -1


def equivalents(path: Path = EQUIVALENTS) -> list[str]:
    """The lines of the equivalents list that name a mutant, each `module.py:line  mutation  why`."""
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]


def _listed(survivor: str, listed: list[str]) -> str | None:
    """The listed line that names this survivor (same place, same mutation), if any."""
    return next((line for line in listed if line.startswith(survivor + " ")), None)


def stale_equivalents(listed: list[str], modules: list[str], core: Path = CORE) -> list[str]:
    """The listed lines of `modules` that name no mutant of today's code (the code moved under them)."""
    names = {_survivor(m) for module in modules for m in mutants(module, core)}
    return [line for line in listed if line.split(".py:")[0] in modules
            and not any(line.startswith(name + " ") for name in names)]


def _survivor(mutant: Mutant) -> str:
    """How a mutant is named in the output and in the equivalents list: `module.py:line  mutation`."""
    return f"{mutant.module}.py:{mutant.line}  {mutant.what}"


def _run_module(copy: Path, module: str, listed: list[str]) -> tuple[int, int, int]:
    """Run one module's mutants; print each survivor; (killed, listed as equivalent, total)."""
    target = copy / "ritual" / "core" / f"{module}.py"
    original = target.read_text()
    # Mutants come from the copy, so editing the working tree meanwhile changes nothing in this run.
    killed = equivalent = 0
    found = mutants(module, target.parent)
    for mutant in found:
        target.write_text(mutated_source(mutant, original))
        try:
            code = _run_child(copy, _test_args(module, copy))
        finally:
            target.write_text(original)
        if code != 0:
            killed += 1
        elif (entry := _listed(_survivor(mutant), listed)) is not None:
            # Each listed line stands for one mutant, so two alike on one line need two lines.
            listed.remove(entry)
            equivalent += 1
            print(f"equivalent {_survivor(mutant)}", flush=True)
        else:
            print(f"survived  {_survivor(mutant)}", flush=True)
    return killed, equivalent, len(found)


def _score(killed: int, equivalent: int, total: int) -> str:
    """Killed of all, how many are listed equivalent, and the share killed of the others."""
    return f"{killed:4d} / {total:4d} killed, {equivalent} equivalent ({killed / max(total - equivalent, 1):.1%} of the rest)"


def run(modules: list[str]) -> int:
    """Run every mutant of `modules`; print survivors and scores; 0 when at least 90 % of the others were killed."""
    import pytest  # noqa: F401 - imported once here so each forked child starts with it loaded
    import hypothesis  # noqa: F401
    import pytest_textual_snapshot  # noqa: F401

    # Stopped by a signal, the run still removes its copy of the project.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    started, listed = time.monotonic(), equivalents()
    killed_all = equivalent_all = total_all = 0
    with tempfile.TemporaryDirectory(prefix="ritual-mutation-") as folder:
        copy = _copy_project(Path(folder))
        for line in stale_equivalents(listed, modules, copy / "ritual" / "core"):
            print(f"stale equivalent (no such mutant now): {line.split('  ')[0]}", flush=True)
        # The whole of tests/unit, unmutated, may take far longer than one module's tests on a busy machine.
        baseline = _run_child(copy, _test_args("", copy), timeout=10 * TIMEOUT)
        if baseline != 0:
            print(f"the unit tests fail before any mutation (exit {baseline}); fix them first")
            return 2
        for module in modules:
            begun = time.monotonic()
            killed, equivalent, total = _run_module(copy, module, listed)
            print(f"{module:<13} {_score(killed, equivalent, total)}  {time.monotonic() - begun:.0f} s", flush=True)
            killed_all, equivalent_all, total_all = killed_all + killed, equivalent_all + equivalent, total_all + total
    print(f"{'all':<13} {_score(killed_all, equivalent_all, total_all)}  {time.monotonic() - started:.0f} s")
    return 0 if killed_all / max(total_all - equivalent_all, 1) >= 0.9 else 1


def main() -> int:
    """Parse the command line and run (or list) the mutants."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", help="core modules, by name (default: all)")
    parser.add_argument("--list", action="store_true", help="list the mutants, run nothing")
    options = parser.parse_args()
    names = options.modules or sorted(p.stem for p in CORE.glob("*.py") if p.stem != "__init__")
    if options.list:
        for module in names:
            for mutant in mutants(module):
                print(f"{module}.py:{mutant.line}  {mutant.what}")
        return 0
    return run(names)


if __name__ == "__main__":
    sys.exit(main())
