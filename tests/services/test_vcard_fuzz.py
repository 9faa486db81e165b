"""Fuzzing the importers: arbitrary text and mutated real cards never raise; they import or report."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ritual.errors import RitualError
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


def import_or_refuse(reader, text: str) -> None:
    try:
        results = reader(text, "fuzz")
    except RitualError:
        return
    assert all(isinstance(r, Incoming | Skipped) for r in results)


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
    import_or_refuse(read_vcard_text, text)


@FUZZ
@given(st.text(alphabet=st.sampled_from(list("BEGIN:VCARD\r\nEND;FN=ADR,BDAY-0123456789\\ item.QUOTED-PRINTABLE"))))
def test_vcard_importer_survives_vcard_shaped_noise(text):
    import_or_refuse(read_vcard_text, "BEGIN:VCARD\r\n" + text)


@FUZZ
@given(mutated_card())
def test_vcard_importer_survives_mutated_real_cards(data):
    import_or_refuse(read_vcard_text, decode_bytes(data))


@FUZZ
@given(st.text())
def test_csv_importer_survives_arbitrary_text(text):
    import_or_refuse(read_csv_text, "First Name,Last Name,Birthday,Home Country,Notes\n" + text)


@FUZZ
@given(st.lists(st.lists(st.text(max_size=20), min_size=1, max_size=6), max_size=6))
def test_csv_importer_survives_arbitrary_rows(rows):
    import csv
    import io

    buffer = io.StringIO()
    csv.writer(buffer).writerows([["Name", "Birthday", "Anniversary", "Country", "Labels"], *rows])
    import_or_refuse(read_csv_text, buffer.getvalue())
