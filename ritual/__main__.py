"""The `ritual` command (also `python -m ritual`): the command line, loaded with the cycle collector paused."""

import gc


def main() -> None:
    """Load the command line, then run it with the collector on as usual."""
    # Loading allocates tens of thousands of objects that stay for the whole run (modules, classes, commands):
    # a collection on the way walks them all and frees next to nothing.
    gc.disable()
    try:
        from ritual.cli import main as command_line
    finally:
        gc.enable()
    command_line()


if __name__ == "__main__":
    main()
