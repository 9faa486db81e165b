"""A vdir on disk: one .vcf per contact, found by content hash, written atomically inside the folder."""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Container
from dataclasses import dataclass
from pathlib import Path

from ritual.errors import RitualError

CARD_SUFFIX = ".vcf"


class ChangedMeanwhile(Exception):
    """A card file changed (or appeared) after the sync read the folder: it is left for the next sync."""


class FolderMissing(RitualError):
    """The contacts folder is not there (not created yet, or on a disk not mounted): nothing is synced."""

    exit_code = 1


@dataclass(frozen=True, slots=True)
class CardFile:
    """One card file's name inside the folder, its bytes and their SHA-256."""

    href: str
    data: bytes
    hash: str


def content_hash(data: bytes) -> str:
    """The SHA-256 of a card's bytes: the only thing that says whether it changed (mtimes lie)."""
    return hashlib.sha256(data).hexdigest()


def read_folder(folder: Path) -> dict[str, CardFile]:
    """Every card file of the folder (not its subfolders, as vdir keeps one level) by file name."""
    if not folder.is_dir():
        raise FolderMissing(f"{folder}: the contacts folder does not exist (vdirsyncer makes it with "
                          "`vdirsyncer discover`); nothing was synced")
    cards: dict[str, CardFile] = {}
    for entry in os.scandir(folder):
        if entry.name.startswith(".") or not entry.name.lower().endswith(CARD_SUFFIX):
            continue
        try:
            with open(entry.path, "rb") as handle:
                data = handle.read()
        except (IsADirectoryError, FileNotFoundError):
            continue
        except OSError as exc:
            raise RitualError(f"{entry.path}: cannot be read ({exc.strerror})") from None
        cards[entry.name] = CardFile(entry.name, data, content_hash(data))
    return cards


def write_card(folder: Path, href: str, data: bytes, expected: str | None) -> str:
    """Replace (or create) one card atomically: a hidden temp file in the same folder, then a rename.

    `expected` is the hash the sync read (None: the file must not exist yet); a card another program wrote
    since is never overwritten: ChangedMeanwhile is raised instead, and the temp file removed.
    """
    handle, temp = tempfile.mkstemp(dir=folder, prefix=".ritual-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        target = folder / href
        _check_unchanged(target, expected)
        _keep_mode(target, temp)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return content_hash(data)


def remove_card(folder: Path, href: str, expected: str) -> None:
    """Delete one card file, unless another program changed it since it was read; one already gone is fine."""
    target = folder / href
    _check_unchanged(target, expected, missing_ok=True)
    target.unlink(missing_ok=True)


def _check_unchanged(target: Path, expected: str | None, missing_ok: bool = False) -> None:
    """Raise ChangedMeanwhile when the file's bytes are no longer the ones read (or it appeared)."""
    try:
        current = content_hash(target.read_bytes())
    except FileNotFoundError:
        if expected is None or missing_ok:
            return
        raise ChangedMeanwhile(str(target)) from None
    if current != expected:
        raise ChangedMeanwhile(str(target))


def free_href(folder: Path, stem: str, taken: Container[str]) -> str:
    """A file name for a new card that no card in the folder has."""
    href, number = f"{stem}{CARD_SUFFIX}", 1
    while href in taken or (folder / href).exists():
        number += 1
        href = f"{stem}-{number}{CARD_SUFFIX}"
    return href


def _keep_mode(target: Path, temp: str) -> None:
    """Give the temp file the replaced card's permissions."""
    # mkstemp makes 0600 files; a replaced card keeps the permissions it had, a new one stays private.
    try:
        os.chmod(temp, target.stat().st_mode & 0o777)
    except FileNotFoundError:
        pass
