"""Writing files that hold personal data: owner-only (0600) and atomic, so a crash never leaves half a file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ritual.errors import RitualError
from ritual.paths import make_private_dir


def write_private_text(path: Path, text: str) -> Path:
    """Write `text` as UTF-8 to `path` via a private temporary file renamed into place."""
    return write_private_bytes(path, text.encode("utf-8"))


def write_private_bytes(path: Path, data: bytes) -> Path:
    """Write `data` to `path` via a private temporary file renamed into place."""
    path = path.expanduser()
    parent = path.parent
    if not parent.exists():
        make_private_dir(parent)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=parent)
    except OSError as exc:
        raise RitualError(f"{parent}: cannot write here ({exc.strerror})") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def write_output(target: str, data: bytes) -> str:
    """Write to `-` (standard output), through a symlink to its target, into a FIFO or device as a stream,
    or atomically and privately to a regular file; returns where it went."""
    import stat
    import sys

    if target == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return "standard output"
    path = Path(target).expanduser()
    try:
        mode = path.stat().st_mode if path.exists() else 0
        if path.exists() and not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
            # A FIFO or a device is written as a stream: replacing it with a file would break what reads it.
            with path.open("wb") as stream:
                stream.write(data)
            return str(path)
    except OSError as exc:
        raise RitualError(f"{path}: cannot be written ({exc.strerror})") from None
    if path.is_dir():
        raise RitualError(f"{path}: is a folder; give a file name")
    # A symlink is followed, so the file it points to is updated and the link stays.
    return str(write_private_bytes(path.resolve() if path.is_symlink() else path, data))
