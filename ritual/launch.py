"""The `ritual` command's first step: load the command line with the cycle collector paused, then run it."""

import gc


def main() -> None:
    """Import the command line without collecting its start-up objects on the way, then run it."""
    # Starting creates a few hundred thousand objects (classes, functions, their code) that live to the end
    # and hold few cycles: some twenty collections would walk them again and again while they are made.
    gc.disable()
    try:
        from ritual.cli import main as run
    finally:
        # Straight to the oldest generation: the first young collection would otherwise walk them all once more.
        gc.freeze()
        gc.unfreeze()
        gc.enable()
    run()
