"""Writing files that hold personal data: owner-only (0600), atomic for regular files, and written through.

An output path may be a symlink (its target is written, the link kept), a FIFO or a character device (written
straight into, as a stream); a special file is never replaced by a regular one. `-` is standard output.
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from pathlib import Path

from ritual.errors import RitualError
from ritual.paths import make_private_dir

STDOUT = "-"
# The longest file name most file systems take (ext4, APFS, NTFS count 255 bytes or units).
_NAME_BYTES = 255


class OutputPathError(RitualError):
    """An output path that cannot be written as given (empty, too long, a folder, a special file)."""


def is_stdout(path: Path | str | None) -> bool:
    """True when the path is `-`, which means standard output for every exporting command."""
    return path is not None and str(path) == STDOUT


def checked_path(path: Path | str, field: str = "--out") -> Path:
    """The path as a Path, or OutputPathError naming the field when it is empty or a name in it is too long."""
    text = str(path)
    if not text.strip():
        raise OutputPathError(f"{field}: an empty path; give a file name")
    for part in Path(text).parts:
        if len(os.fsencode(part)) > _NAME_BYTES:
            raise OutputPathError(f"{field}: {part[:40]!r}... is longer than {_NAME_BYTES} bytes, too long for a file name")
    return Path(text).expanduser()


def write_private_text(path: Path, text: str, field: str = "--out") -> Path:
    """Write `text` as UTF-8 to `path` (see write_private_bytes)."""
    return write_private_bytes(path, text.encode("utf-8"), field)


def write_private_bytes(path: Path, data: bytes, field: str = "--out") -> Path:
    """Write `data` to `path`: standard output for `-`, a stream for a FIFO or device, else atomically at 0600."""
    if is_stdout(path):
        _write_stdout(data)
        return Path(STDOUT)
    path = checked_path(path, field)
    real = _real_path(path)
    mode = _existing_mode(real)
    if mode is not None and (stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)):
        _write_stream(real, data)
    elif mode is not None and stat.S_ISDIR(mode):
        raise OutputPathError(f"{path}: is a folder; give a file name")
    elif mode is not None and not stat.S_ISREG(mode):
        raise OutputPathError(f"{path}: is a special file (a socket or block device); ritual does not replace it")
    else:
        _write_atomically(real, data)
    return path


def _real_path(path: Path) -> Path:
    # A symlink is followed so its target gets the new text and the link itself stays.
    try:
        return path.resolve() if path.is_symlink() else path.absolute()
    except (OSError, RuntimeError) as exc:
        raise OutputPathError(f"{path}: the link cannot be followed ({exc})") from None


def _existing_mode(path: Path) -> int | None:
    try:
        return os.stat(path).st_mode
    except FileNotFoundError:
        return None
    except NotADirectoryError:
        raise OutputPathError(f"{path}: part of this path is a file, not a folder") from None
    except OSError as exc:
        raise OutputPathError(f"{path}: cannot be used ({exc.strerror})") from None


def _write_stdout(data: bytes) -> None:
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def _write_stream(path: Path, data: bytes) -> None:
    try:
        with open(path, "wb") as stream:
            stream.write(data)
    except OSError as exc:
        raise OutputPathError(f"{path}: cannot write here ({exc.strerror})") from None


def _write_atomically(path: Path, data: bytes) -> None:
    parent = path.parent
    if parent.exists() and not parent.is_dir():
        raise OutputPathError(f"{parent}: is a file, not a folder")
    try:
        if not parent.exists():
            make_private_dir(parent)
        handle, temporary = tempfile.mkstemp(prefix=".ritual-", suffix=".tmp", dir=parent)
    except OSError as exc:
        raise OutputPathError(f"{parent}: cannot write here ({exc.strerror})") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise OutputPathError(f"{path}: cannot write here ({exc.strerror})") from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
