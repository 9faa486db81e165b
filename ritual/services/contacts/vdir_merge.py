"""The fields a card and a friend share, and the three-way merge of them against what was last agreed.

ritual owns FN/N (name), NICKNAME, BDAY, ANNIVERSARY, ADR and CATEGORIES (circles), and NOTE only when the
user opts in. Everything else on a card belongs to the address book; everything else about a friend stays in
ritual. A field changed on one side since the last sync flows to the other; changed on both sides to different
values, it is a conflict and neither side is touched. Circles merge item by item, so they never conflict.

While a conflict stands, the two values it shows are where each side starts from: an edit on one side since
then is the user's answer and flows to the other; edits on both sides since then are a new conflict. So an
edit in ritual after a conflict is never taken for "unchanged" just because it matches the old agreed value.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ritual.core.dates import PartialDate
from ritual.core.model import ANNIVERSARY, Address, Friend, Occasion
from ritual.services.planning.serialize import address_dict

FIELDS = ("name", "nickname", "birthday", "anniversary", "addresses", "tags", "notes")
_UNKNOWN = object()


@dataclass(slots=True)
class FieldMerge:
    """What a three-way merge decided: the new agreed values, what each side must take, and the conflicts."""

    agreed: dict
    to_ritual: dict = field(default_factory=dict)
    to_card: dict = field(default_factory=dict)
    conflicts: dict[str, tuple[object, object]] = field(default_factory=dict)


def synced_values(friend: Friend, notes: bool) -> dict:
    """The friend's ritual-owned fields as JSON-ready values, the form they are compared and stored in."""
    values = {
        "name": friend.name,
        "nickname": friend.nickname,
        "birthday": friend.birthday.iso() if friend.birthday else None,
        "anniversary": _anniversary(friend),
        "addresses": [address_dict(a) for a in friend.addresses],
        "tags": sorted(friend.tags),
    }
    if notes:
        values["notes"] = friend.notes
    return values


def values_from_facts(facts: tuple, notes: bool) -> dict:
    """The same values as `synced_values`, from the stored columns (see `VdirState.synced_facts`)."""
    name, nickname, (month, day, year), note, addresses, tags, anniversary = facts
    values = {
        "name": name,
        "nickname": nickname,
        "birthday": PartialDate(month, day, year).iso() if month else None,
        "anniversary": PartialDate(*anniversary).iso() if anniversary else None,
        "addresses": [{"label": a[0], "lines": [ln for ln in a[1].split("\n") if ln], "city": a[2], "region": a[3],
                       "postal_code": a[4], "country": a[5] or None} for a in addresses],
        "tags": sorted(tags),
    }
    if notes:
        values["notes"] = note
    return values


def merge_values(base: dict, ritual: dict, card: dict, shown: dict | None = None) -> FieldMerge:
    """Merge each field of ritual's and the card's values against the base agreed at the last sync.

    `shown` holds the standing conflicts, field to (ritual value, card value) as the user was shown them.
    """
    result = FieldMerge(agreed=dict(base))
    shown = shown or {}
    for key in ritual:
        mine, theirs = ritual[key], card.get(key)
        if key == "tags":
            merged = merge_tags(base.get(key, []), mine, theirs or [])
            _take(result, key, merged, mine, theirs)
            continue
        ours_before, theirs_before = shown.get(key) or (_before(base, key, mine, theirs),) * 2
        if mine == theirs:
            result.agreed[key] = mine
        elif mine == ours_before and theirs != theirs_before:
            _take(result, key, theirs, mine, theirs)
        elif theirs == theirs_before and mine != ours_before:
            _take(result, key, mine, mine, theirs)
        else:
            # Changed on both sides, or a standing conflict neither side has answered yet.
            result.conflicts[key] = (mine, theirs)
    return result


def _before(base: dict, key: str, mine: object, theirs: object) -> object:
    """The value both sides last agreed on; for a field never agreed on, an empty side takes the other's."""
    before = base.get(key, _UNKNOWN)
    if before is _UNKNOWN:
        # Never agreed on (a field newly synced): an empty side takes the other's value.
        before = theirs if not theirs else mine if not mine else _UNKNOWN
    return before


def _take(result: FieldMerge, key: str, value: object, mine: object, theirs: object) -> None:
    """Settle a field on one value and note which sides must change to hold it."""
    result.agreed[key] = value
    if value != mine:
        result.to_ritual[key] = value
    if value != theirs:
        result.to_card[key] = value


def merge_tags(base: list[str], mine: list[str], theirs: list[str]) -> list[str]:
    """Circles merged item by item: added on either side kept, removed on either side removed."""
    before, ours, other = set(base), set(mine), set(theirs)
    kept = (ours & other) | (ours - before) | (other - before)
    return sorted(kept)


def with_values(friend: Friend, values: dict) -> Friend:
    """The friend with the given ritual-owned fields set from their JSON-ready values."""
    changes: dict = {key: values[key] for key in ("name", "nickname", "notes") if key in values}
    if "birthday" in values:
        changes["birthday"] = PartialDate.parse(values["birthday"]) if values["birthday"] else None
    if "addresses" in values:
        changes["addresses"] = tuple(address_from_dict(a) for a in values["addresses"])
    if "tags" in values:
        changes["tags"] = tuple(values["tags"])
    if "anniversary" in values:
        changes["occasions"] = _with_anniversary(friend.occasions, values["anniversary"])
    return friend._replace(**changes)


def address_from_dict(value: dict) -> Address:
    """An Address back from its JSON-ready form."""
    return Address(tuple(value["lines"]), value["city"], value["region"], value["postal_code"],
                   value["country"] or "", value["label"])


def _anniversary(friend: Friend) -> str | None:
    """The date of the friend's first anniversary occasion, as text."""
    found = next((o for o in friend.occasions if o.name == ANNIVERSARY), None)
    return found.date.iso() if found else None


def _with_anniversary(occasions: tuple[Occasion, ...], value: str | None) -> tuple[Occasion, ...]:
    """The occasions with the first anniversary set, added or removed."""
    index = next((i for i, o in enumerate(occasions) if o.name == ANNIVERSARY), None)
    if value is None:
        return occasions if index is None else occasions[:index] + occasions[index + 1:]
    day = PartialDate.parse(value, "anniversary")
    if index is None:
        return (*occasions, Occasion(ANNIVERSARY, day))
    return occasions[:index] + (occasions[index]._replace(date=day),) + occasions[index + 1:]
