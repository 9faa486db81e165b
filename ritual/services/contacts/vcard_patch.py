"""Rewriting only ritual's own properties of a card: every other line stays exactly as it was written.

A card is cut into blocks, one per property with its folded or quoted-printable continuation lines kept as
they are. A changed field replaces its own blocks (keeping their group and parameters where they still
apply), adds a block before END:VCARD when there was none, or drops its blocks when the value was cleared.
PHOTO, TEL, EMAIL, unknown X- properties, groups and the VERSION line are never touched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ritual.core.dates import PartialDate
from ritual.services.contacts.vcard_dates import ANNIVERSARY_PROPERTIES, MONTH_ONLY_PROPERTY, apple_label
from ritual.services.contacts.vcard_export import address_line, fold_line, name_value, text_value, vcard_date
from ritual.services.contacts.vcard_import import address_from_prop
from ritual.services.contacts.vdir_merge import address_from_dict
from ritual.services.contacts.vcard_text import Prop, RawCard, parse_property

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\n|\r|$)")
_NAME = re.compile(r"^(?:([A-Za-z0-9-]+)\.)?([A-Za-z0-9-]+)")
# Parameters that describe how the old value was encoded; a rewritten value is plain UTF-8 text.
_ENCODING_PARAMS = {"ENCODING", "CHARSET", "QUOTED-PRINTABLE", "8BIT", "BASE64"}
_DATE_PARAMS = _ENCODING_PARAMS | {"VALUE", "X-APPLE-OMIT-YEAR"}
_ANNIVERSARY_LABEL = "anniversary"


@dataclass(slots=True)
class Block:
    """One property as written (all its physical lines), with its name, group and parsed form."""

    raw: str
    name: str
    group: str
    logical: str
    prop: Prop | None


class CardText:
    """A single card's blocks, edited in place and joined back into text."""

    def __init__(self, text: str) -> None:
        self.newline = "\r\n" if "\r\n" in text else "\n"
        self.blocks = split_blocks(text)
        self.version = next((b.prop.value.strip() for b in self.blocks if b.name == "VERSION" and b.prop), "3.0")

    def text(self) -> str:
        """The card as text again."""
        return "".join(b.raw for b in self.blocks)

    def named(self, *names: str) -> list[int]:
        """Indexes of the blocks with any of these property names."""
        return [i for i, b in enumerate(self.blocks) if b.name in names]

    def line(self, content: str) -> Block:
        """A new block from one unfolded content line, folded, in the card's own line ends."""
        raw = fold_line(content).replace("\r\n", self.newline)
        name = _NAME.match(content)
        return Block(raw, name[2].upper(), (name[1] or "").upper(), content, parse_property(content, 0))

    def header(self, index: int, drop: set[str]) -> str:
        """The block's `group.NAME;params` part with the parameters in `drop` left out."""
        parts = _split_quoted(_head(self.blocks[index].logical), ";")
        kept = [p for p in parts[1:] if p.split("=", 1)[0].strip().upper() not in drop]
        return ";".join([parts[0], *kept])

    def set_value(self, index: int, value: str, drop: set[str] = _ENCODING_PARAMS, extra: str = "") -> None:
        """Give a block a new value, keeping its group and the parameters that still apply."""
        self.blocks[index] = self.line(f"{self.header(index, drop)}{extra}{self._charset(value)}:{value}")

    def put(self, names: tuple[str, ...], content: str | None) -> None:
        """The first of these properties becomes `content` (added when absent); the others go."""
        found = self.named(*names)
        if content is None:
            self.remove(found)
            return
        if not found:
            self.insert(content)
            return
        self.blocks[found[0]] = self.line(self._with_group(found[0], content))
        self.remove(found[1:])

    def insert(self, content: str) -> None:
        """Add a property just before END:VCARD."""
        end = max(self.named("END"), default=len(self.blocks))
        self.blocks.insert(end, self.line(self._charset_line(content)))

    def remove(self, indexes: list[int]) -> None:
        """Drop these blocks."""
        for index in sorted(indexes, reverse=True):
            del self.blocks[index]

    def raw_card(self) -> RawCard:
        """The parsed properties, for reading values back the way the importer does."""
        return RawCard(1, [b.prop for b in self.blocks if b.prop is not None])

    def _with_group(self, index: int, content: str) -> str:
        group = self.blocks[index].group
        return self._charset_line(f"{group.lower()}.{content}" if group else content)

    def _charset(self, value: str) -> str:
        # vCard 2.1 assumes ASCII unless told; 3.0 and 4.0 are UTF-8 throughout.
        return ";CHARSET=UTF-8" if self.version == "2.1" and not value.isascii() else ""

    def _charset_line(self, content: str) -> str:
        head, _, value = content.partition(":")
        return f"{head}{self._charset(value)}:{value}"


def split_blocks(text: str) -> list[Block]:
    """The text cut into property blocks; continuation lines (folding, 2.1 soft breaks) stay with theirs."""
    blocks: list[list[str]] = []
    for raw in _LINE.findall(text):
        if not raw:
            continue
        content = raw.rstrip("\r\n")
        if blocks and (raw[:1] in (" ", "\t") or _soft_break(blocks[-1])):
            blocks[-1].append(raw)
        elif content.strip() or not blocks:
            blocks.append([raw])
        else:
            blocks[-1].append(raw)
    return [_block(lines) for lines in blocks]


def _soft_break(lines: list[str]) -> bool:
    last = lines[-1].rstrip("\r\n")
    return last.endswith("=") and "QUOTED-PRINTABLE" in lines[0].upper()


def _block(lines: list[str]) -> Block:
    logical = lines[0].rstrip("\r\n")
    for raw in lines[1:]:
        content = raw.rstrip("\r\n")
        logical += content[1:] if raw[:1] in (" ", "\t") else "\n" + content
    name = _NAME.match(logical.strip())
    if name is None:
        return Block("".join(lines), "", "", logical, None)
    return Block("".join(lines), name[2].upper(), (name[1] or "").upper(), logical, parse_property(logical, 0))


def _split_quoted(text: str, separator: str) -> list[str]:
    """Split on a separator outside double quotes (parameter values may quote `;` and `:`)."""
    parts, current, quoted = [], [], False
    for char in text:
        if char == '"':
            quoted = not quoted
        if char == separator and not quoted:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def _head(logical: str) -> str:
    """The `group.NAME;params` part of a content line: everything before the first unquoted colon."""
    quoted = False
    for index, char in enumerate(logical):
        if char == '"':
            quoted = not quoted
        elif char == ":" and not quoted:
            return logical[:index]
    return logical


def patch_card(text: str, values: dict) -> str:
    """The card with the given ritual-owned fields rewritten and everything else kept byte for byte."""
    card = CardText(text)
    if "name" in values:
        _name(card, values["name"])
    if "nickname" in values:
        card.put(("NICKNAME",), f"NICKNAME:{text_value(values['nickname'])}" if values["nickname"] else None)
    if "birthday" in values:
        _birthday(card, values["birthday"])
    if "anniversary" in values:
        _anniversary(card, values["anniversary"])
    if "addresses" in values:
        _addresses(card, [address_from_dict(a) for a in values["addresses"]])
    if "tags" in values:
        tags = values["tags"]
        card.put(("CATEGORIES",), "CATEGORIES:" + ",".join(text_value(t) for t in tags) if tags else None)
    if "notes" in values:
        card.put(("NOTE",), f"NOTE:{text_value(values['notes'])}" if values["notes"] else None)
    return card.text()


def _name(card: CardText, name: str) -> None:
    # Phones show N, not FN: the two must agree, or the phone keeps showing the old name.
    for prop, value in (("FN", text_value(name)), ("N", name_value(name))):
        found = card.named(prop)
        if found:
            card.set_value(found[0], value)
            card.remove(found[1:])
        else:
            card.insert(f"{prop}:{value}")


def _date_text(value: PartialDate, version: str) -> tuple[str, str]:
    params, text = vcard_date(value, version)
    return (params, text) if text else ("", f"--{value.month:02d}")


def _birthday(card: CardText, value: str | None) -> None:
    found = card.named("BDAY", MONTH_ONLY_PROPERTY)
    if value is None:
        card.remove(found)
        return
    day = PartialDate.parse(value, "birthday")
    params, text = vcard_date(day, card.version)
    name = "BDAY" if text else MONTH_ONLY_PROPERTY
    text = text or f"--{day.month:02d}"
    keep = next((i for i in found if card.blocks[i].name == name), None)
    if keep is None:
        card.remove(found)
        card.insert(f"{name}{params}:{text}")
        return
    card.set_value(keep, text, _DATE_PARAMS, params)
    card.remove([i for i in found if i != keep])


def _anniversary(card: CardText, value: str | None) -> None:
    carriers = [i for i, b in enumerate(card.blocks) if b.name in ANNIVERSARY_PROPERTIES or _apple_anniversary(card, b)]
    if value is None:
        labels = [i for i, b in enumerate(card.blocks) if b.name == "X-ABLABEL" and b.group and
                  any(card.blocks[c].group == b.group for c in carriers)]
        card.remove(carriers + labels)
        return
    params, text = _date_text(PartialDate.parse(value, "anniversary"), card.version)
    if carriers:
        card.set_value(carriers[0], text, _DATE_PARAMS, params)
        return
    # ANNIVERSARY is vCard 4.0; for 3.0 and 2.1 the property khard and Evolution write.
    name = "ANNIVERSARY" if card.version == "4.0" else "X-ANNIVERSARY"
    card.insert(f"{name}{params}:{text}")


def _apple_anniversary(card: CardText, block: Block) -> bool:
    if block.name != "X-ABDATE" or not block.group:
        return False
    label = next((b for b in card.blocks if b.group == block.group and b.name == "X-ABLABEL" and b.prop), None)
    return label is not None and apple_label(label.prop.value).casefold() == _ANNIVERSARY_LABEL


def _addresses(card: CardText, wanted: list) -> None:
    raw = card.raw_card()
    have = [(i, address_from_prop(raw, card.blocks[i].prop)[0]) for i in card.named("ADR") if card.blocks[i].prop]
    have = [(i, a) for i, a in have if a is not None]
    missing, used = [], set()
    for address in wanted:
        match = next((i for i, a in have if i not in used and a == address), None)
        if match is None:
            missing.append(address)
        else:
            used.add(match)
    free = [(i, a) for i, a in have if i not in used]
    for (index, old), address in zip(free, missing):
        _replace_address(card, index, old, address)
    gone = [i for i, _ in free[len(missing):]]
    card.remove(gone + [i for i, b in enumerate(card.blocks) if b.name in ("X-ABLABEL", "X-ABADR") and b.group
                        and any(card.blocks[g].group == b.group for g in gone)])
    for address in missing[len(free):]:
        card.insert(address_line(address))


def _replace_address(card: CardText, index: int, old, address) -> None:
    value = address_line(address).split(":", 1)[1]
    if old.label == address.label:
        card.set_value(index, value)
        return
    group = card.blocks[index].group
    label = address.label.lower()
    types = f";TYPE={label}" if label in ("home", "work") else ""
    card.blocks[index] = card.line(f"{group.lower() + '.' if group else ''}ADR{types}:{value}")
    custom = next((i for i, b in enumerate(card.blocks) if group and b.group == group and b.name == "X-ABLABEL"), None)
    if custom is not None and not types:
        card.set_value(custom, text_value(address.label))
