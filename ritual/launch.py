"""The `ritual` command's first and last steps: load the command line, run it, and end without a teardown."""

import atexit
import gc
import os
import sys


def main() -> None:
    """Load the command line with the cycle collector paused, run it, then end as soon as its output is out."""
    # Starting creates a few hundred thousand objects (classes, functions, their code) that live to the end
    # and hold few cycles: some twenty collections would walk them again and again while they are made.
    gc.disable()
    try:
        run = _loaded(sys.argv[1:])
    finally:
        # Straight to the oldest generation: the first young collection would otherwise walk them all once more.
        gc.freeze()
        gc.unfreeze()
        gc.enable()
    try:
        run()
    except SystemExit as done:
        # Python's own exit frees every object one by one and collects once more: a tenth of `ritual week`.
        if may_end_now(done.code) and flushed():
            os._exit(done.code or 0)
        raise


def _loaded(args: list[str]):
    """What runs the call: the quick door for a plain everyday one, which needs no click, else the command line."""
    from ritual.everyday.door import everyday_call, run

    call = everyday_call(args, os.environ)
    if call is None:
        from ritual.cli import main as command_line

        return command_line
    import ritual.everyday.pages  # noqa: F401  (its modules load here, with the collector paused)

    def quick() -> None:
        raise SystemExit(run(call))

    return quick


def may_end_now(code: object) -> bool:
    """True when ending at once loses nothing: an exit number, no exit handler waiting, no other thread running."""
    if code is not None and not isinstance(code, int):
        return False  # a message Python's exit prints
    waiting = getattr(atexit, "_ncallbacks", None)
    if waiting is None or waiting():
        return False
    threading = sys.modules.get("threading")
    return threading is None or threading.active_count() == 1


def flushed() -> bool:
    """Write out what the standard streams still hold; False when one cannot take it (a pipe closed early)."""
    try:
        for stream in {id(s): s for s in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__) if s}.values():
            stream.flush()
    except (OSError, ValueError):
        return False  # Python's exit tries again and reports it, as it always did
    return True
