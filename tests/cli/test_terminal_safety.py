"""No control character from data reaches the terminal, and single-line fields refuse them at input."""

from __future__ import annotations

import re
import sqlite3

import pytest

from ritual.text.safe import terminal_safe, visible

EVIL = "Evil\x1b]0;PWNED\x07\x1b[2J\x9b31m"
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _smuggle_name(ritual, name: str) -> None:
    """Put a name straight into the database, as an older ritual or a hand edit could have left it."""
    conn = sqlite3.connect(ritual.home / "data" / "ritual.db")
    with conn:
        conn.execute("UPDATE friends SET name = ?, notes = ? WHERE id = 1", (name, "line one\nline two\x1b[2J"))
    conn.close()


@pytest.fixture
def evil_home(ritual):
    ritual.ok("friend", "add", "Placeholder", "--birthday", "1990-11-27", "--keep-in-touch", "30",
              "--last-sent", "2026-01-01")
    _smuggle_name(ritual, EVIL)
    return ritual


@pytest.mark.parametrize("args", [
    ("friend", "list"), ("friend", "show", "1"), ("week",), ("upcoming",), ("friend", "list", "--json"),
    ("week", "--json"), ("friend", "rm", "1"),
])
def test_a_smuggled_name_never_reaches_the_terminal_raw(evil_home, args):
    result = evil_home(*args, input="n\n")
    assert result.exit_code in (0, 1), result.output
    assert not RAW.search(result.stdout + result.stderr)
    shown = "Evil\\u001b]0;PWNED\\u0007" if "--json" in args else "Evil^[]0;PWNED^G^[[2J"
    assert shown in result.stdout + result.stderr


def test_notes_keep_their_lines_but_not_their_escapes(evil_home):
    text = evil_home.ok("friend", "show", "1")
    assert "line one\n" in text and "line two^[[2J" in text


def test_an_error_naming_a_smuggled_name_is_made_visible(evil_home):
    result = evil_home("friend", "show", "Evil")
    assert not RAW.search(result.stderr)


def test_visible_stand_ins():
    assert visible("a\x1bb\x07c\x7fd\x9be\tf\ng") == "a^[b^Gc^?d\ufffde\tf\ng"
    assert visible("a\nb\tc", keep_newlines=False) == "a^Jb^Ic"


def test_only_the_stylers_own_colours_survive_when_styled():
    assert terminal_safe("\x1b[1mAna\x1b[0m\x1b]52;c;aGk=\x07", styled=True) == "\x1b[1mAna\x1b[0m^[]52;c;aGk=^G"
    assert terminal_safe("\x1b[1mAna\x1b[0m") == "^[[1mAna^[[0m"


@pytest.mark.parametrize("option", ["--nickname", "--city", "--relationship", "--how-met", "--tag", "--address"])
def test_single_line_fields_refuse_control_characters(ritual, option):
    result = ritual("friend", "add", "Ana", option, "bad\x1b]0;x\x07")
    assert result.exit_code == 2
    assert "control character" in result.stderr and "\x1b" not in result.stderr
    assert ritual.json("friend", "list") == []


@pytest.mark.parametrize("value", ["Ana\nBob", "Ana\rBob", "Ana\x85Bob", "Ana\x1b[2J"])
def test_a_name_refuses_line_breaks_and_controls(ritual, value):
    result = ritual("friend", "add", value)
    assert result.exit_code == 2 and "name" in result.stderr


def test_notes_keep_newlines_and_tabs(ritual):
    ritual.ok("friend", "add", "Ana", "--note", "one\n\ttwo")
    assert ritual.json("friend", "show", "Ana")["notes"] == "one\n\ttwo"
    result = ritual("friend", "edit", "Ana", "--note", "one\x07")
    assert result.exit_code == 2 and "notes" in result.stderr


def test_an_occasion_name_refuses_control_characters(ritual):
    ritual.ok("friend", "add", "Ana")
    result = ritual("occasion", "add", "Ana", "Day\x1b[2J", "2020-05-01")
    assert result.exit_code == 2 and "occasion name" in result.stderr


def test_an_import_reports_the_bad_field_and_keeps_the_rest_of_the_card(ritual, tmp_path):
    card = tmp_path / "evil.vcf"
    card.write_bytes(
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Evil\x1b]0;PWNED\x07 Person\r\nN:Person;Evil;;;\r\n"
        b"BDAY:1990-05-04\r\nADR;TYPE=home:;;Main St 1;Bad\x1b[2JTown;;12345;Germany\r\n"
        b"NICKNAME:Evi\x07\r\nCATEGORIES:ok,bad\x1b\r\nNOTE:first\\nsecond\r\nEND:VCARD\r\n"
    )
    result = ritual("import", "vcard", str(card))
    assert result.exit_code == 0, result.output
    assert not RAW.search(result.stdout + result.stderr)
    report = result.stdout + result.stderr
    assert "city" in report and "nickname" in report and "tag" in report and "name" in report
    (kept,) = ritual.json("friend", "list")
    assert kept["name"] == "Evil]0;PWNED Person"
    assert kept["birthday"] == "1990-05-04" and kept["tags"] == ["ok"] and kept["nickname"] == ""
    assert kept["addresses"][0]["city"] == "" and kept["addresses"][0]["lines"] == ["Main St 1"]
    assert kept["addresses"][0]["postal_code"] == "12345" and kept["notes"] == "first\nsecond"


@pytest.mark.parametrize("args", [
    ("letter", "add", "Ana", "--sent", "--occasion", "x\x1b[2J"),
    ("letter", "add", "Ana", "--sent", "--tone", "x\ny"),
    ("letter", "add", "Ana", "--sent", "--note", "fine\nbut\x07"),
    ("project", "add", "Cards\x1b]0;x\x07"),
    ("supplies", "set", "stamps\x1b", "3"),
])
def test_letters_projects_and_supplies_refuse_control_characters(ritual, args):
    ritual.ok("friend", "add", "Ana")
    result = ritual(*args)
    assert result.exit_code == 2, (result.output, result.stderr)
    assert "control character" in result.stderr and not RAW.search(result.stderr)


def test_a_letter_note_keeps_its_lines(ritual):
    ritual.ok("friend", "add", "Ana")
    ritual.ok("letter", "add", "Ana", "--sent", "--note", "one\ntwo")
    (letter,) = ritual.json("letter", "list")
    assert letter["note"] == "one\ntwo"


@pytest.mark.parametrize("character", [chr(c) for c in (*range(0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0))])
@pytest.mark.parametrize("where", [0, 3000, -1])
def test_a_long_page_shows_every_control_character_wherever_it_is(character, where):
    from ritual.text.safe import stand_in, visible

    lines = [f"  write    Write to Zoë Ó Brien · {n} — birthday (37) Tue 15 Dec\tx" for n in range(200)]
    page = "\n".join(lines)
    at = len(page) - 1 if where == -1 else where
    dirty = page[:at] + character + page[at:]
    assert len(dirty) > 8000
    assert visible(dirty) == page[:at] + stand_in(character) + page[at:]
    assert visible(page) == page
