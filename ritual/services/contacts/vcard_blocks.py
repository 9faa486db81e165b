"""A card cut into property blocks, edited in place: every block not touched keeps its exact bytes.

Each block is one property with its folded or quoted-printable continuation lines kept as they were
written; a rewritten block is folded at 75 octets in the card's own line ends.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ritual.services.contacts.vcard_export import fold_line
from ritual.services.contacts.vcard_text import Prop, RawCard, parse_property

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\n|\r|$)")
_NAME = re.compile(r"^(?:([A-Za-z0-9-]+)\.)?([A-Za-z0-9-]+)")
# Parameters that describe how the old value was encoded; a rewritten value is plain UTF-8 text.
ENCODING_PARAMS = {"ENCODING", "CHARSET", "QUOTED-PRINTABLE", "8BIT", "BASE64"}


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
        """Cut the text into blocks and note its line ends and vCard version."""
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

    def set_value(self, index: int, value: str, drop: set[str] = ENCODING_PARAMS, extra: str = "") -> None:
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
        """The content line with the replaced block's group in front."""
        group = self.blocks[index].group
        return self._charset_line(f"{group.lower()}.{content}" if group else content)

    def _charset(self, value: str) -> str:
        """`;CHARSET=UTF-8` for a non-ASCII value in a 2.1 card, else nothing."""
        # vCard 2.1 assumes ASCII unless told; 3.0 and 4.0 are UTF-8 throughout.
        return ";CHARSET=UTF-8" if self.version == "2.1" and not value.isascii() else ""

    def _charset_line(self, content: str) -> str:
        """The content line with the charset parameter a 2.1 card needs."""
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
    """True when a quoted-printable block's last line ends in a soft line break."""
    last = lines[-1].rstrip("\r\n")
    return last.endswith("=") and "QUOTED-PRINTABLE" in lines[0].upper()


def _block(lines: list[str]) -> Block:
    """One block from its physical lines, unfolded and parsed."""
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
