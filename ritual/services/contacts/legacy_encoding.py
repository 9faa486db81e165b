"""Contact files in a legacy code page (Shift-JIS, Windows-1252, ...) without a BOM: detected, named, or refused."""

from __future__ import annotations

import codecs

from ritual.errors import RitualError
from ritual.services.contacts.vcard_text import decode_bytes

# Among code pages that read a file equally cleanly, the ones address books on Windows and phones write.
_PREFERRED = ("cp1252", "cp1251", "cp1250", "cp932", "gb18030", "cp949", "big5", "cp1253", "cp1254", "cp1257")
# How much more "chaos" (charset-normalizer's measure of odd characters) still counts as equally clean.
_TIE = 0.05
_UNICODE_STARTS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def decode_contacts(data: bytes, name: str, encoding: str | None = None) -> tuple[str, str | None]:
    """The file's text and, when its encoding had to be guessed, a note that says which one was used."""
    if encoding:
        return _decode_as(data, name, encoding), None
    if _is_unicode(data):
        return decode_bytes(data), None
    guess = _detect(data)
    if guess is None:
        raise RitualError(
            f"{name}: is not UTF-8 and its encoding could not be recognised; convert it to UTF-8 first "
            f"(for example: iconv -f CP1252 -t UTF-8 FILE > contacts-utf8.csv) or name it with --encoding")
    text, found = guess
    label = codecs.lookup(found).name
    return text, (f"the file is not UTF-8; read it as {label} (detected); if the names look wrong, "
                  f"preview with --dry-run and name the right one with --encoding")


def _decode_as(data: bytes, name: str, encoding: str) -> str:
    try:
        return data.decode(encoding).lstrip("\ufeff")
    except LookupError:
        raise RitualError(f"--encoding: {encoding!r} is not an encoding Python knows") from None
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise RitualError(f"{name}: line {line} is not valid {encoding} (byte {data[exc.start]:#04x})") from None


def _is_unicode(data: bytes) -> bool:
    """A BOM, UTF-16 without one, plain UTF-8, or lines of UTF-8 mixed with a stray legacy byte."""
    if data.startswith(_UNICODE_STARTS) or (len(data) >= 2 and (data[0] == 0) != (data[1] == 0)):
        return True
    try:
        data.decode("utf-8")
        return True
    except UnicodeDecodeError:
        pass
    return any(not line.isascii() and _utf8(line) for line in data.splitlines())


def _utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _detect(data: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes

    matches = [m for m in from_bytes(data) if m.encoding not in ("utf_8", "ascii")]
    if not matches:
        return None
    cleanest = min(m.chaos for m in matches)
    tied = [m for m in matches if m.chaos <= cleanest + _TIE]
    chosen = min(tied, key=lambda m: _PREFERRED.index(m.encoding) if m.encoding in _PREFERRED else len(_PREFERRED))
    return str(chosen), chosen.encoding
