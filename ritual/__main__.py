"""Run ritual with `python -m ritual`."""

from ritual.launch import main

if __name__ == "__main__":
    main()
