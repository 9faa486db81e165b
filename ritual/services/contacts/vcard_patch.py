"""Rewriting only ritual's own properties of a card: every other line stays exactly as it was written.

A changed field replaces its own blocks (see `vcard_blocks`), keeping their group and the parameters that
still apply; it adds a block before END:VCARD when there was none, and drops its blocks when cleared.
PHOTO, TEL, EMAIL, unknown X- properties, groups and the VERSION line are never touched.
"""

from __future__ import annotations

from ritual.core.dates import PartialDate
from ritual.services.contacts.vcard_dates import ANNIVERSARY_PROPERTIES, MONTH_ONLY_PROPERTY, apple_label
from ritual.services.contacts.vcard_blocks import ENCODING_PARAMS, Block, CardText
from ritual.services.contacts.vcard_export import address_line, name_value, text_value, vcard_date
from ritual.services.contacts.vcard_import import address_from_prop
from ritual.services.contacts.vdir_merge import address_from_dict

# A rewritten date brings its own parameters (Apple's omitted year); the old ones no longer apply.
_DATE_PARAMS = ENCODING_PARAMS | {"VALUE", "X-APPLE-OMIT-YEAR"}
_ANNIVERSARY_LABEL = "anniversary"


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
    """FN and N rewritten together (or added)."""
    # Phones show N, not FN: the two must agree, or the phone keeps showing the old name.
    for prop, value in (("FN", text_value(name)), ("N", name_value(name))):
        found = card.named(prop)
        if found:
            card.set_value(found[0], value)
            card.remove(found[1:])
        else:
            card.insert(f"{prop}:{value}")


def _date_text(value: PartialDate, version: str) -> tuple[str, str]:
    """A date's parameters and value, `--MM` where the version has no month-only form."""
    params, text = vcard_date(value, version)
    return (params, text) if text else ("", f"--{value.month:02d}")


def _birthday(card: CardText, value: str | None) -> None:
    """BDAY (or ritual's month-only property) rewritten, added or removed."""
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
    """The first anniversary property (ANNIVERSARY, a vendor one, Apple's labelled X-ABDATE) rewritten."""
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
    """True for an Apple `itemN.X-ABDATE` whose label says anniversary."""
    if block.name != "X-ABDATE" or not block.group:
        return False
    label = next((b for b in card.blocks if b.group == block.group and b.name == "X-ABLABEL" and b.prop), None)
    return label is not None and apple_label(label.prop.value).casefold() == _ANNIVERSARY_LABEL


def _addresses(card: CardText, wanted: list) -> None:
    """ADR blocks matched to the wanted addresses: equal ones kept, changed ones replaced in place."""
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
    """One ADR block given a new address; a new label rewrites TYPE or Apple's own label."""
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
