"""Output paths are written through: symlinks kept, FIFOs streamed into, `-` is standard output, bad paths refused."""

from __future__ import annotations

import json
import os
import stat
import threading
from pathlib import Path

import pytest

EXPORTS = [("export", "ics", "--out"), ("export", "vcard", "--out"), ("backup", "--out"), ("journal", "Ana", "--out")]


@pytest.fixture
def ana(ritual):
    ritual.ok("friend", "add", "Ana", "--birthday", "1990-12-02", "--address", "Rua 1", "--city", "Lisboa",
              "--postal-code", "1000-001", "--country", "Portugal")
    return ritual


@pytest.mark.parametrize("command", EXPORTS)
def test_a_symlink_is_written_through_and_kept(ana, tmp_path, command):
    target = tmp_path / "real" / "out.txt"
    target.parent.mkdir()
    target.write_text("old")
    link = tmp_path / "link.vcf"
    link.symlink_to(target)
    ana.ok(*command, str(link))
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text() != "old" and "Ana" in target.read_text()
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


@pytest.mark.parametrize("command", EXPORTS)
def test_a_fifo_is_written_into_not_replaced(ana, tmp_path, command):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    ana.ok(*command, str(fifo))
    reader.join(timeout=20)
    if reader.is_alive():  # nothing opened the FIFO: open it once so the reader ends
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert received and b"Ana" in received[0]


@pytest.mark.parametrize("command", EXPORTS)
def test_dash_means_standard_output(ana, tmp_path, command, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out = ana.ok(*command, "-")
    assert "Ana" in out and not (tmp_path / "-").exists()


def test_backup_to_standard_output_is_a_backup(ana):
    assert json.loads(ana.ok("backup", "--out", "-"))["format"] == "ritual-backup"


@pytest.mark.parametrize("command", [*EXPORTS, ("envelope", "Ana", "--pdf"), ("labels", "Ana", "--pdf"),
                                     ("install-timer", "--dir")])
def test_an_empty_path_is_refused(ana, tmp_path, command, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = ana(*command, "")
    assert result.exit_code == 2 and "empty path" in result.output + result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home"]


@pytest.mark.parametrize("command", EXPORTS)
def test_a_name_over_255_bytes_is_refused(ana, tmp_path, command):
    result = ana(*command, str(tmp_path / ("é" * 130)))
    assert result.exit_code == 2 and "255 bytes" in result.stderr and "Traceback" not in result.output


@pytest.mark.parametrize("command", EXPORTS)
def test_a_folder_in_place_of_a_file_is_refused(ana, tmp_path, command):
    folder = tmp_path / "folder.vcf"
    folder.mkdir()
    result = ana(*command, str(folder))
    if command[1] == "vcard":
        assert result.exit_code == 0 and len(list(folder.iterdir())) == 1
    else:
        assert result.exit_code == 2 and "folder" in result.stderr + result.output


def test_an_existing_file_where_a_folder_is_expected_is_refused(ana, tmp_path):
    plain = tmp_path / "cards"
    plain.write_text("mine")
    result = ana("export", "vcard", "--out", str(plain))
    assert result.exit_code == 2 and "not a folder" in result.stderr and plain.read_text() == "mine"
    result = ana("install-timer", "--dir", str(plain))
    assert result.exit_code == 2 and "not a folder" in result.stderr


def test_a_parent_that_is_a_file_is_refused(ana, tmp_path):
    (tmp_path / "file").write_text("x")
    result = ana("backup", "--out", str(tmp_path / "file" / "b.json"))
    assert result.exit_code == 2 and "not a folder" in result.stderr


def test_a_new_personal_file_is_owner_only(ana, tmp_path):
    ana.ok("journal", "Ana", "--out", str(tmp_path / "j.md"))
    assert stat.S_IMODE((tmp_path / "j.md").stat().st_mode) == 0o600


def test_install_timer_never_writes_through_a_link_out_of_its_folder(ana, tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text("precious")
    units = tmp_path / "units"
    units.mkdir()
    (units / "ritual-remind.service").symlink_to(outside)
    result = ana("install-timer", "--systemd", "--dir", str(units))
    assert result.exit_code == 2 and "link" in result.stderr
    assert outside.read_text() == "precious"


def test_install_timer_writes_its_units_in_the_folder(ana, tmp_path):
    ana.ok("install-timer", "--systemd", "--dir", str(tmp_path / "units"))
    assert {p.name for p in (tmp_path / "units").iterdir()} >= {"ritual-remind.service", "ritual-remind.timer"}


def test_vcard_folder_names_never_collide_or_hide(ritual, tmp_path):
    cards = "".join(
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nUID:{uid}\r\nFN:Friend {n}\r\nEND:VCARD\r\n"
        for n, uid in enumerate(["a/b", "a_b", "..hidden", "A_B", "x" * 300, "../../escape", "a:b"])
    )
    (tmp_path / "in.vcf").write_text(cards)
    ritual.ok("import", "vcard", str(tmp_path / "in.vcf"))
    out = ritual.ok("export", "vcard", "--out", str(tmp_path / "vdir"))
    files = sorted(p.name for p in (tmp_path / "vdir").iterdir())
    assert "Wrote 7 friends" in out and len(files) == 7
    assert not any(name.startswith(".") for name in files)
    assert all(len(name.encode()) <= 255 for name in files)
    assert [p.name for p in tmp_path.iterdir() if p.name == "escape.vcf"] == []


def test_a_backup_on_standard_output_carries_no_raw_control_character(ritual):
    import sqlite3

    ritual.ok("friend", "add", "Ana")
    conn = sqlite3.connect(ritual.home / "data" / "ritual.db")
    with conn:
        conn.execute("UPDATE friends SET name = ?", ("Ana\x9b2J\x1b",))
    conn.close()
    out = ritual.ok("backup", "--out", "-")
    assert "\x9b" not in out and "\x1b" not in out
    friends = json.loads(out)["tables"]["friends"]
    assert friends["rows"][0][friends["columns"].index("name")] == "Ana\x9b2J\x1b"
