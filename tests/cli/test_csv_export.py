"""`ritual export csv friends|letters`: files spreadsheets read right, read back by two CSV readers."""

from __future__ import annotations

import codecs
import csv
import io
import os
import threading

import pandas
import pytest

FORMULA = '=HYPERLINK("http://evil.invalid","click")'


def with_friends(ritual):
    ritual.ok("friend", "add", "Zoë Ångström", "--birthday", "1990-03-14", "--nickname", "Zo",
              "--address", "Rua das Flores 12", "--address", "apto 3", "--city", "São Paulo", "--region", "SP",
              "--postal-code", "01310-100", "--country", "BR", "--tag", "pen pals", "--tag", "family",
              "--keep-in-touch", "60", "--note", "Writes back in green ink.\nLoves owls.")
    ritual.ok("friend", "add", "Jonas", "--birthday", "02-29", "--feb29", "mar1")
    ritual.ok("friend", "add", "Mia", "--birthday", "--06", "--note", FORMULA)
    ritual.ok("occasion", "add", "Zoë", "anniversary", "2015-06-20")
    ritual.ok("occasion", "add", "Zoë", "new flat", "2027-02-01", "--once")


def rows(data: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_friends_to_a_file_read_by_the_csv_module_and_by_pandas(ritual, tmp_path):
    with_friends(ritual)
    out = tmp_path / "friends.csv"
    result = ritual("export", "csv", "friends", "--out", str(out))
    assert result.exit_code == 0 and "Wrote 3 friends" in result.stderr
    data = out.read_bytes()
    assert not data.startswith(codecs.BOM_UTF8) and out.stat().st_mode & 0o777 == 0o600
    found = {row["name"]: row for row in rows(data)}
    zoe = found["Zoë Ångström"]
    assert (zoe["birthday"], zoe["tags"], zoe["keep_in_touch_days"]) == ("1990-03-14", "family, pen pals", "60")
    assert zoe["Address 1 - Street"] == "Rua das Flores 12\napto 3" and zoe["Address 1 - Country"] == "BR"
    assert zoe["notes"] == "Writes back in green ink.\nLoves owls."
    events = {zoe[f"Event {n} - Label"]: (zoe[f"Event {n} - Value"], zoe[f"Event {n} - Yearly"]) for n in (1, 2)}
    assert events == {"anniversary": ("2015-06-20", "yes"), "new flat": ("2027-02-01", "no")}
    assert found["Jonas"]["birthday"] == "'--02-29" and found["Jonas"]["feb29"] == "mar1"
    assert found["Mia"]["notes"] == "'" + FORMULA, "a formula is neutralised"
    frame = pandas.read_csv(out, dtype=str, keep_default_na=False)
    assert list(frame.columns) == list(rows(data)[0].keys()) and len(frame) == 3
    assert set(frame["name"]) == set(found) and frame.loc[frame["name"] == "Mia", "notes"].item() == "'" + FORMULA
    assert frame.loc[frame["name"] == "Zoë Ångström", "Address 1 - City"].item() == "São Paulo"


def test_excel_gets_the_bom_and_stdout_gets_the_same_bytes(ritual, tmp_path):
    with_friends(ritual)
    printed = ritual("export", "csv", "friends").stdout_bytes
    ritual.ok("export", "csv", "friends", "--excel", "--out", str(tmp_path / "excel.csv"))
    excel = (tmp_path / "excel.csv").read_bytes()
    assert excel == codecs.BOM_UTF8 + printed and b"\r\n" in printed
    frame = pandas.read_csv(tmp_path / "excel.csv", dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert frame.columns[0] == "id", "the BOM is not part of the first column's name"


def test_every_formula_start_is_neutralised_and_control_characters_are_dropped(ritual):
    for start in ("=1+2", "+1", "-1", "@SUM(A1)", "\t=1"):
        ritual.ok("friend", "add", f"P{ord(start[0])}", "--note", start)
    ritual.ok("friend", "add", "Esc", "--note", "plain for now")
    # Input refuses control characters now; a note stored before that (or written by another program) has them.
    import sqlite3

    with sqlite3.connect(ritual.home / "data" / "ritual.db") as conn:
        conn.execute("UPDATE friends SET notes = ? WHERE name = 'Esc'", ("bell\x07 and \x1b[31mred",))
    notes = {row["name"]: row["notes"] for row in rows(ritual("export", "csv", "friends").stdout_bytes)}
    assert {notes[f"P{ord(s[0])}"] for s in ("=1+2", "+1", "-1", "@SUM(A1)")} == {"'=1+2", "'+1", "'-1", "'@SUM(A1)"}
    assert notes["P9"] == "'=1" and notes["Esc"] == "bell and [31mred"


def test_an_export_imports_back_into_an_empty_home(ritual, tmp_path):
    from tests.conftest import RitualRunner

    with_friends(ritual)
    out = tmp_path / "friends.csv"
    ritual.ok("export", "csv", "friends", "--out", str(out))
    other = RitualRunner(tmp_path / "other")
    assert "3 created" in other.ok("import", "csv", str(out))

    def comparable(runner):
        keep = ("name", "nickname", "birthday", "tags", "notes")
        friends = {f["name"]: f for f in runner.json("friend", "list")}
        return {name: ({k: f[k] for k in keep}, [(a["lines"], a["city"], a["postal_code"], a["country"])
                                                 for a in f["addresses"]],
                       sorted((o["name"], o["date"]) for o in f["occasions"])) for name, f in friends.items()}

    assert comparable(other) == comparable(ritual)


def test_letters(ritual):
    ritual.ok("friend", "add", "Ana Souza")
    ritual.ok("letter", "add", "Ana", "--received", "--date", "2026-10-03", "--medium", "card")
    ritual.ok("letter", "log", "Ana", "--sent", "--occasion", "birthday", "--note", "-owl stamp")
    found = rows(ritual("export", "csv", "letters").stdout_bytes)
    assert [(r["direction"], r["received"], r["written"] != "") for r in found] == [
        ("received", "2026-10-03", False), ("sent", "", True)]
    assert found[1]["note"] == "'-owl stamp" and found[0]["medium"] == "card" and found[0]["friend"] == "Ana Souza"
    frame = pandas.read_csv(io.BytesIO(ritual("export", "csv", "letters").stdout_bytes), dtype=str, keep_default_na=False)
    assert list(frame["direction"]) == ["received", "sent"]


def test_a_symlink_is_written_through_and_stays_a_link(ritual, tmp_path):
    ritual.ok("friend", "add", "Ana Souza")
    target = tmp_path / "real.csv"
    target.write_text("old")
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    ritual.ok("export", "csv", "friends", "--out", str(link))
    assert link.is_symlink() and b"Ana Souza" in target.read_bytes()


def test_a_fifo_is_written_as_a_stream(ritual, tmp_path):
    ritual.ok("friend", "add", "Ana Souza")
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    ritual.ok("export", "csv", "friends", "--out", str(fifo))
    reader.join(timeout=10)
    assert b"Ana Souza" in received[0] and fifo.is_fifo()


@pytest.mark.parametrize("bad", [["cards2"], ["friends", "--out", "{tmp}"]])
def test_bad_tables_and_folders_are_refused_with_exit_2(ritual, tmp_path, bad):
    result = ritual("export", "csv", *[part.format(tmp=tmp_path) for part in bad])
    assert result.exit_code == 2 and "Traceback" not in result.output
