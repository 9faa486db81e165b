"""Run ritual with `python -m ritual`."""

from ritual.cli import main

if __name__ == "__main__":
    main()
