"""Reading vCard files as they really are: any encoding, 2.1 quoted-printable, one card at a time."""

from __future__ import annotations

import binascii
import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ritual.services.contacts.vcard_lines import logical_lines

# CRs before a newline go with it; the other CRs (old Mac files) are newlines themselves.
_CRS_BEFORE_NEWLINE = re.compile(r"\r+\n")
_EMPTY_PARAMS = re.compile(r";+(?=[;:])")
# The lines vobject's own pattern reads (name, parameters, then the colon), written so that each character has one
# way to match: vobject's pattern can split `=69=74=…` in exponentially many ways, so a hostile line it cannot read
# (a lost colon after a quoted-printable run) kept an import busy for hours. vobject only sees lines this matches.
_VOBJECT_HEAD = re.compile(
    r'(?:[A-Za-z0-9_-]+\.)?[A-Za-z0-9_-]+;?(?:;[A-Za-z0-9_-]+(?:[=,](?:"[^"]*"|[^";:,=]*))*)*:'
)
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_ESCAPES = {"n": "\n", "N": "\n", "\\": "\\", ",": ",", ";": ";", ":": ":"}
_BINARY_ENCODINGS = {"B", "BASE64"}
_NO_TYPES: frozenset[str] = frozenset()
_MAY_BEGIN_OR_END = frozenset("BbEe")
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")
# A content line with plain (unquoted, well-formed) parameters: most lines of every real file. Read here
# without vobject, to the same result; anything else goes to vobject's own parser.
_PLAIN_LINE = re.compile(
    r"(?:([A-Za-z0-9_-]+)\.)?([A-Za-z0-9_-]+)((?:;[A-Za-z0-9_-]+(?:=[^\";:,]*(?:,[^\";:,]*)*)?)*):(.*)\Z", re.DOTALL
)


@dataclass(frozen=True, slots=True)
class Prop:
    """One property of a card: name and group upper-cased, value decoded but still vCard-escaped."""

    name: str
    group: str
    params: dict[str, list[str]]
    types: frozenset[str]
    value: str
    line: int

    def param(self, key: str) -> str:
        """The first value of a parameter, "" when absent."""
        values = self.params.get(key)
        return values[0] if values else ""


@dataclass(slots=True)
class RawCard:
    """The properties between one BEGIN:VCARD and its END:VCARD."""

    line: int
    props: list[Prop] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)

    def all(self, name: str) -> list[Prop]:
        """Every property with this name, in file order."""
        return [p for p in self.props if p.name == name]

    def first(self, name: str) -> Prop | None:
        """The first property with this name."""
        return next((p for p in self.props if p.name == name), None)

    def in_group(self, group: str, name: str) -> Prop | None:
        """The property `name` of an Apple-style group (`item1.X-ABLabel`)."""
        if not group:
            return None
        return next((p for p in self.props if p.group == group and p.name == name), None)


@dataclass(frozen=True, slots=True)
class BrokenCard:
    """A card that cannot be read as a whole, with where it starts and why."""

    line: int
    reason: str


def decode_bytes(data: bytes) -> str:
    """Text from a file in any encoding address books use: BOMs, UTF-16 without BOM, UTF-8, cp1252 lines."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, "replace")
    if len(data) >= 2 and data[0] == 0 and data[1] != 0:
        return data.decode("utf-16-be", "replace")
    if len(data) >= 2 and data[0] != 0 and data[1] == 0:
        return data.decode("utf-16-le", "replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return "".join(decode_text_bytes(line) for line in data.splitlines(keepends=True))


def decode_text_bytes(data: bytes, charset: str = "") -> str:
    """Bytes of unknown or misdeclared charset as text: declared, then UTF-8, then Windows-1252, then Latin-1."""
    for encoding in (charset, "utf-8"):
        try:
            return data.decode(encoding) if encoding else data.decode("utf-8")
        except (UnicodeDecodeError, LookupError, ValueError):
            # ValueError: a charset name holding a NUL byte, as a damaged card can declare.
            continue
    if _UTF8_SEQUENCE.search(data):
        # Mostly UTF-8 with a stray byte: keep the UTF-8 rather than turning every letter into mojibake.
        return data.decode("utf-8", "replace")
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def read_cards(text: str) -> Iterator[RawCard | BrokenCard]:
    """Every VCARD in the text, even one inside another component (whose own lines are passed over); raises nothing."""
    card: RawCard | None = None
    depth = 0
    for line, number in logical_lines(_plain_newlines(text)):
        # Only a line starting with B or E (perhaps after blanks) can be BEGIN or END: most lines are not.
        head = line.strip().upper().replace(" ", "") if line[:1] in _MAY_BEGIN_OR_END or line[:1].isspace() else ""
        if head.startswith("BEGIN:"):
            if head == "BEGIN:VCARD" and depth == 1 and card is not None:
                yield BrokenCard(card.line, "has no END:VCARD before the next card")
                card, depth = None, 0
            if card is None and head == "BEGIN:VCARD":
                # No card is open: even inside another component (or one whose END was lost) this starts one.
                card, depth = RawCard(number), 0
            depth += 1
        elif head.startswith("END:") and depth:
            depth -= 1
            if depth == 0 and card is not None:
                yield card
                card = None
        elif depth == 1 and card is not None:
            _add_line(card, line, number)
    if card is not None:
        yield BrokenCard(card.line, "has no END:VCARD")


def _plain_newlines(text: str) -> str:
    """Every line end as `\\n` (a literal-led pattern and `replace`: fast even on a 10 MB photo)."""
    if "\r" not in text:
        return text
    return _CRS_BEFORE_NEWLINE.sub("\n", text).replace("\r", "\n")


def _add_line(card: RawCard, line: str, number: int) -> None:
    prop = parse_property(line, number)
    if prop is None:
        card.problems.append((number, "could not be read, left out"))
        return
    card.props.append(prop)


def parse_property(line: str, number: int) -> Prop | None:
    """One unfolded content line as a property; None when it cannot be read."""
    plain = _PLAIN_LINE.match(line)
    if plain:
        group, name, params, value = plain.groups()
        return _prop(name.replace("_", "-"), group, _plain_params(params), value, number)
    return _parsed_by_vobject(line, number)


def _plain_params(text: str) -> list[list[str]]:
    """`;TYPE=home,pref;PREF` as vobject reads it: [["TYPE", "home", "pref"], ["PREF"]] (empty values dropped)."""
    if not text:
        return []
    found = []
    for param in text[1:].split(";"):
        key, _, values = param.partition("=")
        found.append([key, *(v for v in values.split(",") if v)])
    return found


def _parsed_by_vobject(line: str, number: int) -> Prop | None:
    """A content line with quoted or unusual parameters, read by vobject's parser."""
    from vobject.base import ParseError, parseLine

    try:
        try:
            name, params, value, group = _vobject_line(parseLine, line, number)
        except ParseError:
            name, params, value, group = _vobject_line(parseLine, _EMPTY_PARAMS.sub("", line, count=1), number)
    except ParseError:
        return None
    return _prop(name, group, params, value, number)


def _vobject_line(parse_line, line: str, number: int) -> tuple:
    """vobject's reading of a line it can read; ParseError, at once, for any other."""
    from vobject.base import ParseError

    if not _VOBJECT_HEAD.match(line):
        raise ParseError("not a content line", number)
    return parse_line(line, number)


def _prop(name: str, group: str | None, raw_params: list[list[str]], value: str, number: int) -> Prop:
    if not raw_params:
        return Prop(name.upper(), (group or "").upper(), {}, _NO_TYPES, value, number)
    params: dict[str, list[str]] = {}
    types: set[str] = set()
    for entry in raw_params:
        key = entry[0].strip().upper()
        if len(entry) == 1:
            types.add(key.lower())
            continue
        values = [v.strip() for v in entry[1:]]
        if key == "TYPE":
            values = [part.strip() for v in values for part in v.split(",")]
            types.update(v.lower() for v in values)
        params.setdefault(key, []).extend(values)
    encoding = (params.get("ENCODING") or [""])[0].upper()
    if encoding == "QUOTED-PRINTABLE" or "quoted-printable" in types:
        value = _unquote_printable(value, (params.get("CHARSET") or [""])[0])
    elif encoding in _BINARY_ENCODINGS or "base64" in types:
        value = ""
    return Prop(name.upper(), (group or "").upper(), params, frozenset(types), value, number)


def _unquote_printable(value: str, charset: str) -> str:
    # Soft breaks arrive as "=\n"; decoding bytes before the charset keeps split UTF-8 pairs whole.
    raw = binascii.a2b_qp(value.encode("utf-8"))
    return decode_text_bytes(raw, charset)


def unescape(text: str) -> str:
    """A vCard text value with its backslash escapes resolved."""
    if "\\" not in text:
        return text
    out, chars = [], iter(text)
    for char in chars:
        if char == "\\":
            following = next(chars, "")
            # Some producers escape quotes too (Google writes \"); keep backslashes before letters only.
            out.append(_ESCAPES.get(following) or (following if not following.isalnum() else "\\" + following))
        else:
            out.append(char)
    return "".join(out)


def split_escaped(text: str, separator: str) -> list[str]:
    """Split on a separator that is not escaped by a backslash; parts stay escaped."""
    if separator not in text:
        return [text]
    if "\\" not in text:
        return text.split(separator)
    parts, current, escaped = [], [], False
    for char in text:
        if escaped:
            current.append(char)
            escaped = False
        elif char == "\\":
            current.append(char)
            escaped = True
        elif char == separator:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def components(value: str) -> list[str]:
    """The `;`-separated components of a structured value (N, ADR), unescaped."""
    return [unescape(part) for part in split_escaped(value, ";")]


def text_list(value: str) -> list[str]:
    """The `,`-separated items of a list value (CATEGORIES, NICKNAME), unescaped and trimmed."""
    return [item for item in (unescape(part).strip() for part in split_escaped(value, ",")) if item]
