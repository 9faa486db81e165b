"""TOML settings files read through a small cache: each file's parsed form kept by its exact bytes.

Every command reads the shipped settings and transit table, and the user's own files. Parsing them needs
`tomllib`, whose loading and parsing cost a `ritual week` about a twentieth of its time. The cache holds each
file's bytes beside its parsed form, so a file whose bytes differ by one is parsed afresh: no clock, no
timestamps, nothing that can go stale.
"""

import marshal
from pathlib import Path
from typing import Any

from ritual.errors import SettingsError

CACHE_NAME = "settings-read.marshal"
_FORMAT = 1  # bumped when what an entry holds changes


class TomlFiles:
    """Reads TOML files, parsing only those whose bytes the cache has not seen; `keep()` saves what was new."""

    def __init__(self, cache_file: Path | None) -> None:
        self.cache_file = cache_file
        self._entries = _load(cache_file)
        self._read: set[str] = set()
        self._changed = False

    def read(self, path: Path) -> dict[str, Any]:
        """The document in `path`, a fresh copy the caller may change."""
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise SettingsError(f"{path}: cannot be read ({exc.strerror})") from None
        key = str(path)
        self._read.add(key)
        kept = self._entries.get(key)
        if kept is not None and kept[0] == raw:
            try:
                return marshal.loads(kept[1])
            except (EOFError, ValueError, TypeError):
                pass  # a damaged entry: parsed afresh below, and written again
        document = _parse(path, raw)
        try:
            self._entries[key] = (raw, marshal.dumps(document))
            self._changed = True
        except ValueError:
            pass  # a TOML date or time: such a file is simply parsed every time
        return document

    def keep(self) -> None:
        """Save the entries parsed this time, and only the files read this time (an old install's are let go);
        a cache that cannot be written is only a slower next start."""
        unread = self._entries.keys() - self._read
        if (not self._changed and not unread) or self.cache_file is None:
            return
        for key in unread:
            del self._entries[key]
        from ritual.paths import make_private_dir
        from ritual.private_files import write_private_bytes

        try:
            make_private_dir(self.cache_file.parent)
            write_private_bytes(self.cache_file, marshal.dumps((_FORMAT, self._entries)))
        except OSError:
            return
        self._changed = False


def _parse(path: Path, raw: bytes) -> dict[str, Any]:
    """Parse TOML bytes, naming the file when they are not TOML."""
    import tomllib

    try:
        return tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise SettingsError(f"{path}: is not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"{path}: {exc}") from None


def _load(cache_file: Path | None) -> dict[str, tuple[bytes, bytes]]:
    """The cache's entries by path; nothing when it is missing, from another format, or damaged."""
    if cache_file is None:
        return {}
    try:
        version, entries = marshal.loads(cache_file.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if version != _FORMAT or not isinstance(entries, dict):
        return {}
    return {key: value for key, value in entries.items() if _well_formed(key, value)}


def _well_formed(key: object, value: object) -> bool:
    """An entry as `read` writes it: a path, and its bytes beside their parsed form."""
    return (isinstance(key, str) and isinstance(value, tuple) and len(value) == 2
            and all(isinstance(part, bytes) for part in value))
