"""Every column of each supported vendor's real CSV header is either read into the friend or knowingly left out."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from ritual.services.contacts.csv_import import read_csv_text
from ritual.services.contacts.record import Incoming
from ritual.services.contacts.vcard_text import decode_bytes
from tests.corpus import corpus_dir

HEADERS = Path(__file__).resolve().parents[1] / "data" / "contacts" / "headers"
CORPUS = corpus_dir("csv")
COUNTRIES = {"Germany": "DE", "France": "FR", "Japan": "JP", "Brazil": "BR", "Canada": "CA", "Kenya": "KE"}
# Phones, e-mails, web sites, job details, phonetic spellings and the like: ritual keeps none of them.
NOT_KEPT = ("phone", "mobile", "fax", "e-mail", "email", "web", "website", "pager", "screen name", "custom", "relation",
            "phonetic", "yomi", "photo", "job", "title", "department", "isdn", "telex", "callback", "user ")


def _header(layout: str) -> list[str]:
    if layout in ("google-legacy", "thunderbird"):
        name = {"google-legacy": "roundcube-google-contacts-legacy.csv",
                "thunderbird": "thunderbird-export-embedded-newlines.csv"}[layout]
        path = CORPUS / name
        if not path.is_file():
            pytest.skip(f"the shared corpus is not at {CORPUS}")
        text = decode_bytes(path.read_bytes())
    else:
        text = (HEADERS / f"{layout}.txt").read_text(encoding="utf-8")
    return [column for column in next(csv.reader(io.StringIO(text))) if column]


# Per layout: the cases, each the columns filled in one row (the rest empty) that must all reach the friend,
# and the columns read by none of them with the reason. A later case covers a column that is only read when
# an earlier one is empty (a company name when there is no person's name; a formatted address).
LAYOUTS = {
    "outlook": {
        "cases": [
            ("First Name", "Middle Name", "Last Name", "Birthday", "Anniversary", "Categories", "Notes",
             *(f"{kind} {field}" for kind in ("Business", "Home", "Other")
               for field in ("Street", "Street 2", "Street 3", "City", "State", "Postal Code", "Country/Region",
                             "Address PO Box"))),
            ("Company",),
        ],
        "left_out": {"Suffix", "Account", "Assistant's Name", "Billing Information", "Children", "Directory Server",
                     "Gender", "Government ID Number", "Hobby", "Initials", "Internet Free Busy", "Keywords",
                     "Language", "Location", "Manager's Name", "Mileage", "Office Location",
                     "Organizational ID Number", "Priority", "Private", "Profession", "Referred By", "Sensitivity",
                     "Spouse"},
    },
    "google-current": {
        "cases": [
            ("First Name", "Middle Name", "Last Name", "Nickname", "Birthday", "Notes", "Labels",
             *(f"{kind} {n} - {field}" for n in (1, 2) for kind in ("Address",)
               for field in ("Label", "Street", "City", "PO Box", "Region", "Postal Code", "Country",
                             "Extended Address")),
             *(f"Event {n} - {field}" for n in (1, 2) for field in ("Label", "Value"))),
            ("Organization Name", "Address 1 - Formatted", "Address 2 - Formatted"),
        ],
        "left_out": {"Name Prefix", "Name Suffix", "File As"},
    },
    "google-legacy": {
        "cases": [
            ("Name", "Nickname", "Birthday", "Notes", "Group Membership",
             *(f"Address {n} - {field}" for n in (1, 2)
               for field in ("Type", "Street", "City", "PO Box", "Region", "Postal Code", "Country",
                             "Extended Address"))),
            ("Given Name", "Additional Name", "Family Name", "Address 1 - Formatted", "Address 2 - Formatted"),
            ("Organization 1 - Name",),
        ],
        "left_out": {"Name Prefix", "Name Suffix", "Initials", "Short Name", "Maiden Name", "Gender", "Location",
                     "Billing Information", "Directory Server", "Mileage", "Occupation", "Hobby", "Sensitivity",
                     "Priority", "Subject", "Organization 1 - Type", "Organization 1 - Symbol",
                     "Organization 1 - Location"},
    },
    "thunderbird": {
        "cases": [
            ("Display Name", "Nickname", "Birth Year", "Birth Month", "Birth Day", "Notes",
             *(f"{kind} {field}" for kind in ("Home", "Work")
               for field in ("Address", "Address 2", "City", "State", "ZipCode", "Country"))),
            ("First Name", "Last Name"),
            ("Organization",),
        ],
        "left_out": {"Primary Email", "Secondary Email"},
    },
    "ritual": {
        "cases": [("name", "nickname", "birthday", "anniversary", "street", "city", "region", "postal_code",
                   "country", "tags", "notes")],
        "left_out": set(),
    },
}
DATES = {"birthday": ("1961-05-17", "1961-05-17"), "anniversary": ("1988-06-04", "1988-06-04"),
         "birth year": ("1970", "1970-11-15"), "birth month": ("11", "1970-11-15"), "birth day": ("15", "1970-11-15")}


def _value(column: str, index: int) -> tuple[str, str]:
    """What to write in a column and what must then be found in the friend."""
    key = column.casefold()
    if key in DATES:
        return DATES[key]
    if key.endswith("- value") and key.startswith("event"):
        return f"2001-02-{index % 28 + 1:02d}", f"2001-02-{index % 28 + 1:02d}"
    if "country" in key:
        name = list(COUNTRIES)[index % len(COUNTRIES)]
        return name, COUNTRIES[name]
    token = f"v{index:03d}x"
    return token, token


def _found(friend) -> list[str]:
    """Every piece of text the friend now holds."""
    texts = [friend.name, friend.nickname, friend.notes, *friend.tags]
    texts += [friend.birthday.iso()] if friend.birthday else []
    texts += [text for o in friend.occasions for text in (o.name, o.date.iso())]
    texts += [text for a in friend.addresses for text in (*a.lines, a.city, a.region, a.postal_code, a.country, a.label)]
    return texts


def _import_row(header: list[str], filled: dict[str, str]):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerow([filled.get(column, "") for column in header])
    (record,) = read_csv_text(out.getvalue(), "layout.csv")
    assert isinstance(record, Incoming), record
    return record.friend


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_every_header_column_is_read_or_knowingly_left_out(layout: str):
    header = _header(layout)
    cases, left_out = LAYOUTS[layout]["cases"], LAYOUTS[layout]["left_out"]
    read = {column for case in cases for column in case}
    unclassified = [c for c in header if c not in read | left_out and not any(w in c.casefold() for w in NOT_KEPT)]
    assert unclassified == [], "columns of the vendor's export that nobody decided about"
    assert read <= set(header), "the layout names columns the vendor does not write"


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_each_read_column_reaches_the_friend(layout: str):
    header = _header(layout)
    for case in LAYOUTS[layout]["cases"]:
        values = {column: _value(column, header.index(column)) for column in case}
        texts = _found(_import_row(header, {column: written for column, (written, _) in values.items()}))
        missing = [column for column, (_, expected) in values.items() if not any(expected in t for t in texts)]
        assert missing == [], f"{layout}: these columns were not read"


@pytest.mark.parametrize("column", ["Home Zip", "Work Zip", "Home ZIP Code", "Business Zip", "Home Postcode"])
def test_other_vendors_postal_code_columns_are_recognised(column: str):
    friend = _import_row(["Name", "Home Street", "Work Street", "Business Street", column],
                         {"Name": "Ana", "Home Street": "Rua 1", "Work Street": "Av 2", column: "01310-100"})
    assert "01310-100" in [a.postal_code for a in friend.addresses]
