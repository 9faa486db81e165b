"""Whether the app is open on a home: it keeps a small file with its process id there while it runs."""

from __future__ import annotations

import os
from pathlib import Path

PRESENCE_FILE = "app.pid"


def mark_app_open(state_dir: Path) -> Path:
    """Write this process's id into the home's state folder; returns the file to remove on closing."""
    state_dir.mkdir(parents=True, exist_ok=True)
    marker = state_dir / PRESENCE_FILE
    marker.write_text(f"{os.getpid()}\n", encoding="utf-8")
    return marker


def mark_app_closed(marker: Path) -> None:
    """Remove the file, if it is still ours."""
    if app_open_pid(marker.parent) == os.getpid():
        marker.unlink(missing_ok=True)


def app_open_pid(state_dir: Path) -> int | None:
    """The id of the app process open on this home, or None (no file, or its process has ended)."""
    try:
        pid = int((state_dir / PRESENCE_FILE).read_text(encoding="utf-8").strip())
        os.kill(pid, 0)
    except (OSError, ValueError):
        return None
    return pid


def toast_status(status: list[tuple[str, str | None]], state_dir: Path) -> list[tuple[str, str | None]]:
    """The notifier status as seen from outside the app: the toast works when the app is open on this home."""
    if app_open_pid(state_dir) is None:
        return status
    return [(name, None if name == "toast" else problem) for name, problem in status]
