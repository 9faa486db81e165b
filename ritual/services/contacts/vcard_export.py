"""Friends as vCard 3.0 or 4.0, in forms that keep year-less, month-only and Feb-29 dates intact."""

from __future__ import annotations

import hashlib
import uuid
from pathlib import Path

from ritual.core.dates import PartialDate
from ritual.core.model import ANNIVERSARY, Address, Friend, Occasion
from ritual.paths import make_private_dir
from ritual.private_files import OutputPathError, checked_path, is_stdout, write_private_text
from ritual.services.contacts.countries import country_name
from ritual.services.contacts.vcard_dates import MONTH_ONLY_PROPERTY
from ritual.text.safe import visible

PRODID = "-//ritual//ritual letters//EN"
# Apple's convention for an unknown year: a leap year, so 29 February stays a real date.
OMIT_YEAR = 1604
_UID_NAMESPACE = uuid.UUID("6f1c2a8e-6b0c-4a53-9a5e-8d1b7c1e0f42")
_TEXT_ESCAPES = str.maketrans({"\\": "\\\\", ";": "\\;", ",": "\\,", "\n": "\\n", "\r": ""})


def export_friends(friends: list[Friend], out: Path | None, version: str = "3.0",
                   uids: dict[int, str] | None = None) -> str:
    """Write the friends to a .vcf file or one card each into a folder (vdir); return the text for none or `-`."""
    uids = uids or {}
    cards = [(friend_uid(f, uids), friend_vcard(f, version, friend_uid(f, uids))) for f in friends]
    if out is None or is_stdout(out):
        return "".join(card for _, card in cards)
    out = checked_path(out)
    if _wants_folder(out):
        _write_vdir(out, cards)
        return str(out)
    return str(write_private_text(out, "".join(card for _, card in cards)))


def _wants_folder(out: Path) -> bool:
    # A FIFO or device takes the whole text as a stream; a name without a suffix means a folder (a vdir).
    if out.is_dir():
        return True
    if out.exists() and not out.is_file():
        return False
    if out.suffix:
        return False
    if out.exists():
        raise OutputPathError(f"{out}: is a file, not a folder; give a folder for one card per friend, or a .vcf name")
    return True


def _write_vdir(out: Path, cards: list[tuple[str, str]]) -> None:
    make_private_dir(out)
    for name, (_, card) in zip(vdir_names([uid for uid, _ in cards]), cards):
        write_private_text(out / name, card)


def vdir_names(uids: list[str]) -> list[str]:
    """One file name per card, never two alike (case ignored) and never hidden, even for `a/b`, `a_b` or `..x`."""
    used: set[str] = set()
    names = []
    for uid in uids:
        stem = _file_safe(uid)
        name, number = f"{stem}.vcf", 1
        while name.casefold() in used:
            number += 1
            name = f"{stem}-{number}.vcf"
        used.add(name.casefold())
        names.append(name)
    return names


def friend_uid(friend: Friend, uids: dict[int, str]) -> str:
    """The UID the friend came with, or a stable one derived from their id."""
    return uids.get(friend.id) or str(uuid.uuid5(_UID_NAMESPACE, f"friend-{friend.id}"))


def friend_vcard(friend: Friend, version: str, uid: str) -> str:
    """One friend as a complete vCard with CRLF line ends and folded long lines."""
    lines = ["BEGIN:VCARD", f"VERSION:{version}", f"PRODID:{PRODID}", f"UID:{_text(uid)}",
             f"FN:{_text(friend.name)}", f"N:{_name(friend.name)}"]
    if friend.nickname:
        lines.append(f"NICKNAME:{_text(friend.nickname)}")
    if friend.birthday:
        lines.append(_birthday(friend.birthday, version))
    lines += _occasions(friend.occasions, version)
    lines += [_address(a) for a in friend.addresses]
    if friend.tags:
        lines.append("CATEGORIES:" + ",".join(_text(t) for t in friend.tags))
    if friend.notes:
        lines.append(f"NOTE:{_text(friend.notes)}")
    lines.append("END:VCARD")
    return "".join(_fold(line) for line in lines)


def vcard_date(value: PartialDate, version: str) -> tuple[str, str]:
    """(parameters, value) of a date: full, `--MMDD` in 4.0, Apple's omitted 1604 year in 3.0."""
    if value.day is None:
        return ("", f"--{value.month:02d}") if version == "4.0" else ("", "")
    if value.year is not None:
        return "", f"{value.year:04d}{value.month:02d}{value.day:02d}" if version == "4.0" else value.iso()
    if version == "4.0":
        return "", f"--{value.month:02d}{value.day:02d}"
    return f";X-APPLE-OMIT-YEAR={OMIT_YEAR}", f"{OMIT_YEAR}-{value.month:02d}-{value.day:02d}"


def _birthday(value: PartialDate, version: str) -> str:
    params, text = vcard_date(value, version)
    if not text:
        # vCard 3.0 has no month-only date: keep it in a private property so ritual reads it back.
        return f"{MONTH_ONLY_PROPERTY}:--{value.month:02d}"
    return f"BDAY{params}:{text}"


def _occasions(occasions: tuple[Occasion, ...], version: str) -> list[str]:
    lines: list[str] = []
    for index, occasion in enumerate(occasions, start=1):
        params, text = vcard_date(occasion.date, version)
        if not text:
            continue
        if version == "4.0" and occasion.name == ANNIVERSARY and not any(ln.startswith("ANNIVERSARY") for ln in lines):
            lines.append(f"ANNIVERSARY{params}:{text}")
            continue
        label = "_$!<Anniversary>!$_" if occasion.name == ANNIVERSARY else _text(occasion.name)
        lines += [f"item{index}.X-ABDATE{params}:{text}", f"item{index}.X-ABLabel:{label}"]
    return lines


def _address(address: Address) -> str:
    label = f";TYPE={address.label.lower()}" if address.label.lower() in ("home", "work") else ""
    country = country_name(address.country) if address.country else ""
    parts = ["", "", "\n".join(address.lines), address.city, address.region, address.postal_code, country]
    return f"ADR{label}:" + ";".join(_text(p) for p in parts)


def _name(name: str) -> str:
    words = name.split()
    family = words[-1] if len(words) > 1 else name
    given = " ".join(words[:-1])
    return f"{_text(family)};{_text(given)};;;"


def _text(value: str) -> str:
    # ESC, BEL and their kind never reach a .vcf: the card may be shown on a terminal later.
    return visible(value.translate(_TEXT_ESCAPES))


def _fold(line: str) -> str:
    """Fold at 75 octets without splitting a UTF-8 character (RFC 6350 section 3.2)."""
    encoded, out, width = line.encode("utf-8"), [], 75
    start = 0
    while len(encoded) - start > width:
        end = start + width
        while end > start and (encoded[end] & 0xC0) == 0x80:
            end -= 1
        out.append(encoded[start:end].decode("utf-8"))
        start, width = end, 74
    out.append(encoded[start:].decode("utf-8"))
    return "\r\n ".join(out) + "\r\n"


def _file_safe(uid: str) -> str:
    # A UID that is not already a plain name gets a digest of itself, so `a/b` and `a_b` never meet.
    plain = "".join(c if c.isascii() and (c.isalnum() or c in "-_.") else "_" for c in uid).lstrip(".")[:100]
    if plain == uid and plain:
        return plain
    digest = hashlib.sha256(uid.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return f"{plain or 'card'}-{digest}"
