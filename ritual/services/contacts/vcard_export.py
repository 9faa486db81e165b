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
        stem = file_safe_name(uid)
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
    lines = ["BEGIN:VCARD", f"VERSION:{version}", f"PRODID:{PRODID}", f"UID:{text_value(uid)}",
             f"FN:{text_value(friend.name)}", f"N:{name_value(friend.name)}"]
    if friend.nickname:
        lines.append(f"NICKNAME:{text_value(friend.nickname)}")
    if friend.birthday:
        lines.append(birthday_line(friend.birthday, version))
    lines += _occasions(friend.occasions, version)
    lines += [address_line(a) for a in friend.addresses]
    if friend.tags:
        lines.append("CATEGORIES:" + ",".join(text_value(t) for t in friend.tags))
    if friend.notes:
        lines.append(f"NOTE:{text_value(friend.notes)}")
    lines.append("END:VCARD")
    return "".join(fold_line(line) for line in lines)


def vcard_date(value: PartialDate, version: str) -> tuple[str, str]:
    """(parameters, value) of a date: full, `--MMDD` in 4.0, Apple's omitted 1604 year in 3.0."""
    if value.day is None:
        return ("", f"--{value.month:02d}") if version == "4.0" else ("", "")
    if value.year is not None:
        return "", f"{value.year:04d}{value.month:02d}{value.day:02d}" if version == "4.0" else value.iso()
    if version == "4.0":
        return "", f"--{value.month:02d}{value.day:02d}"
    return f";X-APPLE-OMIT-YEAR={OMIT_YEAR}", f"{OMIT_YEAR}-{value.month:02d}-{value.day:02d}"


def birthday_line(value: PartialDate, version: str) -> str:
    """The BDAY line of a birthday (ritual's own property for a month-only one in 3.0)."""
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
        label = "_$!<Anniversary>!$_" if occasion.name == ANNIVERSARY else text_value(occasion.name)
        lines += [f"item{index}.X-ABDATE{params}:{text}", f"item{index}.X-ABLabel:{label}"]
    return lines


def address_line(address: Address) -> str:
    """One ADR line, TYPE=home/work from the label, the country written out as a name."""
    label = f";TYPE={address.label.lower()}" if address.label.lower() in ("home", "work") else ""
    country = country_name(address.country) if address.country else ""
    parts = ["", "", "\n".join(address.lines), address.city, address.region, address.postal_code, country]
    return f"ADR{label}:" + ";".join(text_value(p) for p in parts)


def name_value(name: str) -> str:
    """The N value agreeing with a display name: the last word as family name, the rest as given names."""
    words = name.split()
    family = words[-1] if len(words) > 1 else name
    given = " ".join(words[:-1])
    return f"{text_value(family)};{text_value(given)};;;"


def text_value(value: str) -> str:
    """A text value with vCard's backslash escapes; ESC, BEL and their kind never reach a .vcf (it may be shown
    on a terminal later)."""
    return visible(value.translate(_TEXT_ESCAPES))


def fold_line(line: str) -> str:
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


def file_safe_name(uid: str) -> str:
    """A file name stem from a UID; one that is not already a plain name gets a digest of itself, so `a/b` and
    `a_b` never meet and no name starts with a dot."""
    plain = "".join(c if c.isascii() and (c.isalnum() or c in "-_.") else "_" for c in uid).lstrip(".")[:100]
    if plain == uid and plain:
        return plain
    digest = hashlib.sha256(uid.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return f"{plain or 'card'}-{digest}"
