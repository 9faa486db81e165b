"""vCard 2.1, 3.0 and 4.0 files to friends: names, dates, addresses, notes and circles."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ritual.core.model import Address, Friend
from ritual.errors import InvalidValue, RitualError
from ritual.services.contacts import address as contacts_address, vcard_dates
from ritual.services.contacts.record import Incoming, Skipped, checked_incoming, clean_tags, clean_text, one_line
from ritual.services.contacts.vcard_text import BrokenCard, Prop, RawCard, components, decode_bytes, read_cards, text_list, unescape

VCARD_SUFFIXES = (".vcf", ".vcard")
_ANDROID_NICKNAME = "vnd.android.cursor.item/nickname"


def vcard_files(paths: list[Path]) -> list[Path]:
    """The files to read: files as given, folders (a vdir) searched for .vcf/.vcard files, sorted."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in VCARD_SUFFIXES)
        elif path.is_file():
            found.append(path)
        else:
            raise RitualError(f"{path}: no such file or folder")
    return found


def read_vcard_file(path: Path, tags: tuple[str, ...] = ()) -> list[Incoming | Skipped]:
    """Every card of one file as a friend or a skip; refuses a file that holds no vCard at all."""
    try:
        text = decode_bytes(path.read_bytes())
    except OSError as exc:
        raise RitualError(f"{path}: cannot be read ({exc.strerror})") from None
    return read_vcard_text(text, str(path), tags)


def read_vcard_text(text: str, name: str, tags: tuple[str, ...] = ()) -> list[Incoming | Skipped]:
    """Every card of a vCard document; `name` names the source in messages."""
    results = [_convert(card, tags) for card in read_cards(text)]
    if not results:
        raise RitualError(f"{name}: is not a vCard file (no BEGIN:VCARD found)")
    return results


def _convert(card: RawCard | BrokenCard, tags: tuple[str, ...]) -> Incoming | Skipped:
    if isinstance(card, BrokenCard):
        return Skipped(card.line, card.reason)
    try:
        return contact_from_card(card, tags)
    except InvalidValue as exc:
        return Skipped(card.line, exc.message)


def contact_from_card(card: RawCard, tags: tuple[str, ...] = ()) -> Incoming | Skipped:
    """One card as an incoming friend, or a skip when it names nobody."""
    warnings = list(card.problems)
    name, nickname = _names(card)
    if not name:
        return Skipped(card.line, "has no name (no FN, N, ORG or NICKNAME)")
    birthday, text_birthday = vcard_dates.birthday(card, warnings)
    notes = "\n\n".join(n for n in (clean_text(unescape(p.value)) for p in card.all("NOTE")) if n)
    if text_birthday:
        notes = "\n\n".join(n for n in (notes, f"Birthday as written: {text_birthday}") if n)
    friend = Friend(
        name=name,
        nickname=nickname,
        birthday=birthday,
        addresses=_addresses(card, warnings),
        tags=clean_tags([t for p in card.all("CATEGORIES") for t in text_list(p.value)], tags),
        notes=notes,
        occasions=vcard_dates.occasions(card, warnings),
    )
    uid = card.first("UID")
    return checked_incoming(friend, one_line(unescape(uid.value)) if uid else None, card.line, warnings)


def _names(card: RawCard) -> tuple[str, str]:
    fn = one_line(unescape(card.first("FN").value)) if card.first("FN") else ""
    n = components(card.first("N").value) if card.first("N") else []
    family, given, additional = (one_line(p) for p in (n + ["", "", ""])[:3])
    nickname = _nickname(card)
    # FN is what the person is called in the address book, even a single word ("Maxl"): it always wins
    # over N, so a name the user chose is never replaced by the formal parts.
    if not fn:
        fn = " ".join(p for p in (given, additional, family) if p)
    if not fn and card.first("ORG"):
        fn = one_line(components(card.first("ORG").value)[0])
    return fn or nickname, nickname if fn else ""


def _nickname(card: RawCard) -> str:
    for prop in card.all("NICKNAME"):
        names = text_list(prop.value)
        if names:
            return one_line(names[0])
    for prop in card.all("X-ANDROID-CUSTOM"):
        parts = components(prop.value) + [""]
        if parts[0] == _ANDROID_NICKNAME and parts[1].strip():
            return one_line(parts[1])
    return ""


def address_from_prop(card: RawCard, prop: Prop) -> tuple[Address | None, str | None]:
    """One ADR property as an address (None when empty), with its Apple label and country hint, and any warning."""
    parts = (components(prop.value) + [""] * 7)[:7]
    label = card.in_group(prop.group, "X-ABLABEL")
    hint = card.in_group(prop.group, "X-ABADR")
    return contacts_address.build(contacts_address.AddressParts(
        po_box=parts[0], extended=parts[1], street=parts[2], city=parts[3], region=parts[4],
        postal_code=parts[5], country=parts[6],
        label=contacts_address.label_from(prop.types, vcard_dates.apple_label(label.value) if label else ""),
        country_hint=unescape(hint.value) if hint else "",
    ))


def _addresses(card: RawCard, warnings: list[tuple[int, str]]) -> tuple[Address, ...]:
    found: list[tuple[tuple[int, int, int], Address]] = []
    for index, prop in enumerate(card.all("ADR")):
        address, warning = address_from_prop(card, prop)
        if warning:
            warnings.append((prop.line, warning))
        if address is not None:
            # Home first (cards go there), preferred next, then file order.
            found.append(((0 if "home" in prop.types else 1, 0 if "pref" in prop.types else 1, index), address))
    return tuple(address for _, address in sorted(found, key=lambda pair: pair[0]))


def iter_vcard_paths(paths: list[Path], tags: tuple[str, ...] = ()) -> Iterator[tuple[Path, list[Incoming | Skipped]]]:
    """Each file with what it holds, read one after the other."""
    for path in vcard_files(paths):
        yield path, read_vcard_file(path, tags)
