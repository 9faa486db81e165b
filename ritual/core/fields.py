"""Which text fields hold one line and which hold notes, and the control characters neither may hold.

Names come from strangers' files: a control character in one could steer the terminal that shows it, so
single-line fields refuse every C0/C1 control (CR and LF included) and notes allow only newlines and tabs.
"""

from __future__ import annotations

import re

from ritual.core.letters import Letter, Reflection
from ritual.core.model import Address, Friend, Occasion
from ritual.errors import InvalidValue

# C0 (U+0000-U+001F), DEL and C1 (U+0080-U+009F): what a terminal may read as a command.
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
# The same, with the newline and tab a note may hold left out.
NOTE_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")

# Every stored text that people write on several lines; every other stored text is one line.
MULTI_LINE_FIELDS = frozenset({"notes", "note", "answer", "question", "imported", "address lines"})
# The single-line fields people and files fill in (their names are the ones messages use).
SINGLE_LINE_FIELDS = frozenset({
    "name", "nickname", "relationship", "how met", "tag", "address label", "address line", "city", "region",
    "postal code", "country", "occasion name", "occasion", "medium", "tone", "scan", "project name",
    "supply kind", "prompt id", "sitting", "uid",
})


def is_multi_line(field: str) -> bool:
    """True for notes-like fields, where newlines and tabs belong."""
    return field in MULTI_LINE_FIELDS


def check_text(field: str, value: str) -> str:
    """The value unchanged, or InvalidValue naming the field when it holds a control character."""
    pattern = NOTE_CONTROL if is_multi_line(field) else CONTROL
    found = pattern.search(value)
    if found:
        code = f"U+{ord(found.group()):04X}"
        kind = "a control character" if is_multi_line(field) else "a control character or line break"
        raise InvalidValue(field, value, f"holds {kind} ({code}); only plain text is kept here")
    return value


def friend_texts(friend: Friend) -> list[tuple[str, str]]:
    """Every text of a friend with the field it belongs to, addresses, tags and occasions included."""
    found = [("name", friend.name), ("nickname", friend.nickname), ("relationship", friend.relationship),
             ("how met", friend.how_met), ("notes", friend.notes)]
    found += [("tag", tag) for tag in friend.tags]
    for address in friend.addresses:
        found += _address_texts(address)
    found += [("occasion name", occasion.name) for occasion in friend.occasions]
    return found


def check_friend(friend: Friend) -> Friend:
    """The friend unchanged, or InvalidValue for the first text field holding a control character."""
    texts = friend_texts(friend)
    if not CONTROL.search("".join(value for _, value in texts)):
        return friend
    for field, value in texts:
        check_text(field, value)
    return friend


def without_bad_texts(friend: Friend) -> tuple[Friend, list[str]]:
    """The friend with every text field that holds a control character emptied, and the fields emptied.

    An import keeps the rest of the card; a bad name cannot be emptied, so it still raises.
    """
    texts = friend_texts(friend)
    # Nearly every friend is clean: one search over all their texts settles that.
    if not CONTROL.search("".join(value for _, value in texts)):
        return friend, []
    bad = {field for field, value in texts if not _clean(field, value)}
    if not bad:
        return friend, []
    check_text("name", friend.name)
    cleaned = friend._replace(
        nickname=_kept("nickname", friend.nickname), relationship=_kept("relationship", friend.relationship),
        how_met=_kept("how met", friend.how_met), notes=_kept("notes", friend.notes),
        tags=tuple(t for t in friend.tags if _clean("tag", t)),
        addresses=tuple(_clean_address(a) for a in friend.addresses),
        occasions=tuple(o for o in friend.occasions if _clean("occasion name", o.name)),
    )
    return cleaned, sorted(bad)


def _address_texts(address: Address) -> list[tuple[str, str]]:
    return [("address label", address.label), *(("address line", line) for line in address.lines),
            ("city", address.city), ("region", address.region), ("postal code", address.postal_code),
            ("country", address.country)]


def _clean(field: str, value: str) -> bool:
    pattern = NOTE_CONTROL if is_multi_line(field) else CONTROL
    return pattern.search(value) is None


def _kept(field: str, value: str) -> str:
    return value if _clean(field, value) else ""


def _clean_address(address: Address) -> Address:
    return Address(
        lines=tuple(line for line in address.lines if _clean("address line", line)),
        city=_kept("city", address.city), region=_kept("region", address.region),
        postal_code=_kept("postal code", address.postal_code), country=_kept("country", address.country),
        label=_kept("address label", address.label),
    )


def check_occasion(occasion: Occasion) -> Occasion:
    """The occasion unchanged, or InvalidValue when its name holds a control character."""
    check_text("occasion name", occasion.name)
    return occasion


def check_letter(letter: Letter) -> Letter:
    """The letter unchanged, or InvalidValue for the first text holding a control character (notes may hold lines)."""
    for field, value in (("occasion", letter.occasion), ("medium", letter.medium), ("tone", letter.tone),
                         ("note", letter.note), ("scan", letter.scan)):
        check_text(field, value)
    return letter


def check_reflection(reflection: Reflection) -> Reflection:
    """The reflection unchanged, or InvalidValue for a text holding a control character (answers may hold lines)."""
    for field, value in (("answer", reflection.answer), ("question", reflection.question),
                         ("occasion", reflection.occasion), ("tone", reflection.tone)):
        check_text(field, value)
    return reflection
