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
