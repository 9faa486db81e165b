"""The vCard reader's fast paths give exactly what the general ones give, on any line or text."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from ritual.services.contacts.vcard_import import read_vcard_text
from ritual.services.contacts.vcard_lines import _folded_lines, _lines_with_soft_breaks, logical_lines
from ritual.services.contacts.vcard_text import _PLAIN_LINE, _parsed_by_vobject, parse_property

# Characters that make content lines interesting: separators, quotes, escapes, folds and blanks.
_LINE_CHARS = st.sampled_from(list("ADFNRTYEPaen_-.;:=,\"\\ \t1é"))
_NAMES = st.sampled_from(["FN", "N", "ADR", "item1.ADR", "TEL", "X-AB_LABEL", "NOTE", "a.b.c", "PHOTO"])


@st.composite
def content_lines(draw) -> str:
    """A name, parameters that are mostly plain, a colon and a value; sometimes any string at all."""
    if draw(st.booleans()):
        return draw(st.text(_LINE_CHARS, max_size=30))
    params = draw(st.lists(st.text(_LINE_CHARS, max_size=12), max_size=3))
    return draw(_NAMES) + "".join(";" + p for p in params) + ":" + draw(st.text(_LINE_CHARS, max_size=20))


@settings(max_examples=400, deadline=None)
@given(content_lines())
def test_a_plain_line_reads_as_vobject_reads_it(line):
    assert parse_property(line, 7) == _parsed_by_vobject(line, 7)


def test_the_lines_above_take_the_plain_path_often():
    assert _PLAIN_LINE.match("ADR;TYPE=home:;;x") and not _PLAIN_LINE.match('ADR;LABEL="a:b":;;x')


def test_plain_parameters_keep_their_values_and_bare_types():
    prop = parse_property("item1.ADR;TYPE=home,pref;X-EMPTY=;PREF:;;Main St 1;Town", 3)
    assert (prop.name, prop.group, prop.params, prop.types) == (
        "ADR", "ITEM1", {"TYPE": ["home", "pref"]}, frozenset({"home", "pref", "x-empty", "pref"}))
    assert prop.value == ";;Main St 1;Town" and prop.line == 3


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["FN:Ana", " folded", "\tmore", "", " ", "PHOTO;ENCODING=b:" + "x" * 600,
                                 " " + "y" * 600, "BEGIN:VCARD", "END:VCARD", "NOTE:quoted-prin", " table",
                                 "N:a;b\r"]), max_size=14))
def test_folded_lines_read_as_the_general_reader_reads_them(lines):
    text = "\n".join(lines)
    assert list(logical_lines(text)) == list(_lines_with_soft_breaks(text))
    if "quoted-printable" not in "".join(lines).lower():
        assert list(_folded_lines(text)) == list(_lines_with_soft_breaks(text))


def test_a_mark_split_by_a_fold_still_keeps_quoted_printable_soft_breaks():
    text = "NOTE;ENCODING=QUOTED-PRIN\n TABLE:one=\ntwo\nFN:Ana"
    assert list(logical_lines(text)) == [("NOTE;ENCODING=QUOTED-PRINTABLE:one=\ntwo", 1), ("FN:Ana", 4)]


def test_a_card_after_a_component_that_never_ended_is_still_read():
    text = "BEGIN:X-LIST\r\nFN:Not a card\r\nBEGIN:VCARD\r\nFN:Chidi Okafor\r\nEND:VCARD\r\n"
    [chidi] = read_vcard_text(text, "cards.vcf")
    assert chidi.friend.name == "Chidi Okafor" and chidi.line == 3


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(list("ab\r\n ")), max_size=30))
def test_line_ends_become_newlines_as_the_one_pattern_made_them(text):
    import re

    from ritual.services.contacts.vcard_text import _plain_newlines

    assert _plain_newlines(text) == re.sub(r"\r*\n|\r", "\n", text)


def test_the_collector_is_paused_for_an_import_and_back_after_even_a_refusal():
    import gc

    import pytest

    from ritual.errors import RitualError
    from ritual.services.contacts.importer import few_collections

    assert gc.isenabled()
    with pytest.raises(RitualError), few_collections():
        assert not gc.isenabled()
        read_vcard_text("no cards here", "x.vcf")
    assert gc.isenabled()


@settings(max_examples=400, deadline=None)
@given(content_lines())
def test_only_lines_vobject_cannot_read_are_kept_from_it(line):
    """The guard in front of vobject refuses a line exactly when vobject's own pattern refuses it."""
    from vobject.base import ParseError, parseLine

    from ritual.services.contacts.vcard_text import _VOBJECT_HEAD

    try:
        parseLine(line, 1)
        readable = True
    except ParseError:
        readable = False
    assert bool(_VOBJECT_HEAD.match(line)) == readable


def test_a_lost_colon_after_a_quoted_printable_run_is_left_out_at_once(tmp_path):
    """vobject alone takes exponential time on this line (hours at 40 pieces): the import must not hang on it."""
    import subprocess
    import sys

    card = ("BEGIN:VCARD\nVERSION:2.1\nFN:Ana Souza\n"
            "NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE" + "=69=74" * 200 + "\n"
            "TEL;CELL:+49 30 1234567\nEND:VCARD\n")
    path = tmp_path / "hostile.vcf"
    path.write_text(card, encoding="utf-8")
    home = tmp_path / "home"
    run = subprocess.run([sys.executable, "-m", "ritual", "--home", str(home), "import", "vcard", str(path)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "1 created" in run.stdout and "hostile.vcf:4: could not be read, left out" in run.stdout
    shown = subprocess.run([sys.executable, "-m", "ritual", "--home", str(home), "friend", "show", "Ana", "--json"],
                           capture_output=True, text=True, timeout=60)
    assert shown.returncode == 0 and '"name": "Ana Souza"' in shown.stdout
