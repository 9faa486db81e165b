"""Where each contacts CSV layout keeps addresses, dates and groups (column names compared case-blind)."""

from __future__ import annotations

from collections.abc import Iterator

from ritual.services.contacts.address import AddressParts, label_from

# Thunderbird, Outlook, other vendors and the simple format: one set of columns per kind of address, named
# "<kind> <field>" ("Home ZipCode", "Business Postal Code", "Work ZIP", "Home Address PO Box").
_KINDS = (("home", ("home",)), ("work", ("work", "business")), ("other", ("other",)), ("", ("",)))
_STREET = ("street", "address", "street address", "address line 1")
_MORE_LINES = ("street 2", "street 3", "address 2", "address 3", "address line 2", "address line 3")
_PO_BOX = ("po box", "address po box", "p.o. box", "pobox")
_CITY = ("city", "town")
_REGION = ("state", "region", "province", "state/province", "county")
_POSTAL = ("postal code", "postal_code", "postcode", "post code", "zip", "zip code", "zipcode", "zip/postal code")
_COUNTRY = ("country", "country/region")


def _columns(prefixes: tuple[str, ...], suffixes: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(f"{prefix} {suffix}".strip() for prefix in prefixes for suffix in suffixes)


_FIXED_ADDRESSES = tuple(
    (label, *(_columns(prefixes, suffixes) for suffixes in (_STREET, _MORE_LINES, _PO_BOX, _CITY, _REGION,
                                                              _POSTAL, _COUNTRY)))
    for label, prefixes in _KINDS
)
_GROUP_COLUMNS = (("group membership", " ::: "), ("labels", " ::: "), ("categories", ";"), ("tags", ","))


class Row:
    """One CSV record, looked up by lower-case column name."""

    def __init__(self, values: dict[str, str]) -> None:
        self.values = values

    def get(self, *names: str) -> str:
        """The first non-empty value among these columns, trimmed ("" when none)."""
        for name in names:
            value = self.values.get(name)
            if value and value.strip():
                return _unguarded(value.strip())
        return ""

    def numbered(self, prefix: str) -> Iterator[str]:
        """`Address 1 - `, `Address 2 - `, ... for as long as the header has them."""
        number = 1
        while any(key.startswith(f"{prefix} {number} - ") for key in self.values):
            yield f"{prefix} {number} - "
            number += 1


def address_groups(row: Row) -> Iterator[AddressParts]:
    """Every address of the row, whichever layout holds it."""
    for p in row.numbered("address"):
        street = row.get(p + "street")
        formatted = "" if street or row.get(p + "city") else row.get(p + "formatted")
        yield AddressParts(
            street=street or formatted, extended=row.get(p + "extended address"), po_box=row.get(p + "po box"),
            city=row.get(p + "city"), region=row.get(p + "region"), postal_code=row.get(p + "postal code"),
            country="" if formatted else row.get(p + "country"), label=_label(row.get(p + "type", p + "label")),
        )
    for label, streets, more, po_box, city, region, postal, country in _FIXED_ADDRESSES:
        lines = [row.get(*streets)] + [row.get(name) for name in more]
        yield AddressParts(
            street="\n".join(line for line in lines if line), po_box=row.get(*po_box), city=row.get(*city),
            region=row.get(*region), postal_code=row.get(*postal), country=row.get(*country), label=label,
        )


def event_columns(row: Row) -> Iterator[tuple[str, str]]:
    """(label, date text) of every dated event besides the birthday."""
    for p in row.numbered("event"):
        value = row.get(p + "value")
        if value:
            yield _label(row.get(p + "type", p + "label")), value
    anniversary = row.get("anniversary")
    if anniversary:
        yield "anniversary", anniversary


def group_values(row: Row) -> list[str]:
    """Group, label or category names from whichever column the layout uses."""
    found: list[str] = []
    for column, separator in _GROUP_COLUMNS:
        found += [part.strip() for part in row.get(column).split(separator) if part.strip()]
    return found


def _unguarded(value: str) -> str:
    """A cell as written before `ritual export csv` guarded it against formulas ("'--07-07" is "--07-07")."""
    if value.startswith("'") and value[1:2] in ("=", "+", "-", "@"):
        return value[1:]
    return value


def _label(text: str) -> str:
    cleaned = text.lstrip("* ").strip()
    return label_from({cleaned.casefold()}, cleaned)

