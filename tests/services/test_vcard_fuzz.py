"""Fuzzing the importers: arbitrary text and mutated real cards never raise; they import or report."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ritual.core.dates import PartialDate
from ritual.core.fields import CONTROL
from ritual.errors import RitualError
from ritual.services.contacts.record import PLACEHOLDER_YEARS
from ritual.services.contacts.record import Incoming, Skipped
from ritual.services.contacts.csv_import import read_csv_text
from ritual.services.contacts.vcard_import import read_vcard_text
from ritual.services.contacts.vcard_text import decode_bytes
from tests.corpus import corpus_dir

DATA = Path(__file__).resolve().parents[1] / "data" / "contacts"
CORPUS = corpus_dir("vcard")
# Small real cards keep each example fast; the corpus adds producers' quirks when it is present.
SEEDS = [p.read_bytes() for p in [*sorted(DATA.glob("*.vcf")), *sorted(CORPUS.glob("*.vcf"))] if p.stat().st_size < 5000]
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _kept_or_reported(results: list) -> None:
    """Each result is a friend with a name, or a skip that says why and where."""
    for r in results:
        if isinstance(r, Incoming):
            assert r.friend.name.strip() and r.line >= 1
        else:
            assert isinstance(r, Skipped) and r.reason and r.line >= 1


def read_vcard_or_refuse(text: str) -> list:
    """The importer's answer: a file with no card start is refused by name; any other is read, never raises."""
    try:
        results = read_vcard_text(text, "fuzz")
    except RitualError as exc:
        assert exc.message == "fuzz: is not a vCard file (no BEGIN:VCARD found)"
        unfolded = re.sub(r"(\r\n|\r|\n)[ \t]", "", text)
        starts = [line for line in re.split(r"\r\n|\r|\n", unfolded) if line.upper().replace(" ", "") == "BEGIN:VCARD"]
        assert not starts, "a file with a card start was refused"
        return []
    assert 1 <= len(results) <= text.upper().replace(" ", "").count("BEGIN:VCARD")
    _kept_or_reported(results)
    return results


@st.composite
def mutated_card(draw) -> bytes:
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 8))):
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        action = draw(st.sampled_from(["flip", "cut", "insert", "duplicate"]))
        if action == "flip" and data:
            data[at] = draw(st.integers(0, 255))
        elif action == "cut":
            del data[at : at + draw(st.integers(1, 40))]
        elif action == "insert":
            data[at:at] = draw(st.sampled_from([b"\r\n", b"=", b";", b":", b"\\", b"BEGIN:VCARD\r\n", b"END:VCARD",
                                                b"BDAY:", b"\x00", b"\xff", b"item1.", b" "]))
        else:
            data[at:at] = data[at : at + draw(st.integers(1, 60))]
    return bytes(data)


@FUZZ
@given(st.text())
def test_vcard_importer_survives_arbitrary_text(text):
    read_vcard_or_refuse(text)


@FUZZ
@given(st.text(alphabet=st.sampled_from(list("BEGIN:VCARD\r\nEND;FN=ADR,BDAY-0123456789\\ item.QUOTED-PRINTABLE"))))
def test_vcard_importer_survives_vcard_shaped_noise(text):
    read_vcard_or_refuse("BEGIN:VCARD\r\n" + text)


@FUZZ
@given(mutated_card())
def test_vcard_importer_survives_mutated_real_cards(data):
    read_vcard_or_refuse(decode_bytes(data))


@FUZZ
@given(st.text())
def test_csv_importer_survives_arbitrary_text(text):
    # The header names a name column, so the file is never refused: every row is kept or reported.
    _kept_or_reported(read_csv_text("First Name,Last Name,Birthday,Home Country,Notes\n" + text, "fuzz"))


@FUZZ
@given(st.lists(st.lists(st.text(max_size=20), min_size=1, max_size=6), max_size=6))
def test_csv_importer_survives_arbitrary_rows(rows):
    import csv
    import io

    buffer = io.StringIO()
    csv.writer(buffer).writerows([["Name", "Birthday", "Anniversary", "Country", "Labels"], *rows])
    results = read_csv_text(buffer.getvalue(), "fuzz")
    assert len(results) == sum(1 for row in rows if any(v.strip() for v in row))
    _kept_or_reported(results)
    for row, result in zip([r for r in rows if any(v.strip() for v in r)], results):
        if isinstance(result, Incoming):
            # Control characters are taken out of a name at import; the rest is kept.
            assert result.friend.name == CONTROL.sub("", " ".join(row[0].split()))


NAMES = st.text(alphabet=st.sampled_from(list("abcdefghijklmnopqrstuvwxyzÀéñß ")), min_size=1, max_size=20).filter(
    lambda n: n.strip())
BIRTHDAYS = st.dates(min_value=date(1800, 1, 1), max_value=date(2200, 12, 31)).filter(
    lambda d: d.year not in PLACEHOLDER_YEARS)
NOISE = st.lists(st.sampled_from(["X-FOO:bar", "NOTE:a\\, b", "TEL;TYPE=cell:+49 1", "EMAIL:x@y", "item1.X-ABLABEL:z",
                                  "PHOTO;ENCODING=b:QUFB", "ORG:Acme;Dept", "X-EMPTY:", "CATEGORIES:a,b"]), max_size=6)


@FUZZ
@given(st.lists(st.tuples(NAMES, BIRTHDAYS, st.sampled_from(["%Y-%m-%d", "%Y%m%d"]), NOISE), min_size=1, max_size=5))
def test_every_well_formed_card_is_kept_with_its_name_and_birthday(cards):
    text = "".join(
        "BEGIN:VCARD\r\nVERSION:3.0\r\n" + "".join(f"{line}\r\n" for line in noise)
        + f"FN:{name}\r\nBDAY:{born.strftime(shape)}\r\nEND:VCARD\r\n"
        for name, born, shape, noise in cards
    )
    kept = read_vcard_text(text, "fuzz")
    assert all(isinstance(r, Incoming) for r in kept)
    assert [(r.friend.name, r.friend.birthday) for r in kept] == [
        (" ".join(name.split()), PartialDate.from_date(born)) for name, born, _, _ in cards]


@FUZZ
@given(st.lists(st.tuples(NAMES, BIRTHDAYS), min_size=1, max_size=5))
def test_every_well_formed_csv_row_is_kept_with_its_name_and_birthday(rows):
    import csv
    import io

    buffer = io.StringIO()
    csv.writer(buffer).writerows([["Name", "Birthday"], *[(n, b.isoformat()) for n, b in rows]])
    kept = read_csv_text(buffer.getvalue(), "fuzz")
    assert [(r.friend.name, r.friend.birthday) for r in kept] == [
        (" ".join(name.split()), PartialDate.from_date(born)) for name, born in rows]
