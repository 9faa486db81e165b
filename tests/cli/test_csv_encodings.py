"""Contacts CSV files in legacy code pages without a BOM: read in the detected encoding and said so, or refused."""

from __future__ import annotations

THUNDERBIRD = "First Name,Last Name,Display Name,Nickname,Home City,Home Country,Birth Year,Birth Month,Birth Day\r\n"
JAPANESE = THUNDERBIRD + "太郎,山田,山田 太郎,たろう,東京,Japan,1990,3,14\r\n花子,佐藤,佐藤 花子,,大阪,Japan,,5,2\r\n"
WESTERN = ('"First Name","Middle Name","Last Name","Home City","Home Country/Region","Birthday"\r\n'
           '"José","","Müller","Zürich","Switzerland","3/14/1990"\r\n'
           '"Françoise","","Dœuf","Besançon","France","0/0/00"\r\n')


def test_a_shift_jis_file_is_read_as_japanese_and_the_encoding_is_named(ritual, tmp_path):
    path = tmp_path / "address-book.csv"
    path.write_bytes(JAPANESE.encode("shift_jis"))
    out = ritual.ok("import", "csv", str(path))
    assert "2 created" in out and "read it as cp932 (detected)" in out and "山田 太郎" in out
    names = {f["name"]: f for f in ritual.json("friend", "list")}
    assert set(names) == {"山田 太郎", "佐藤 花子"} and names["山田 太郎"]["birthday"] == "1990-03-14"


def test_a_windows_1252_outlook_file_keeps_its_accents(ritual, tmp_path):
    path = tmp_path / "outlook.csv"
    path.write_bytes(WESTERN.encode("cp1252"))
    out = ritual.ok("import", "csv", str(path))
    assert "read it as cp1252 (detected)" in out
    assert sorted(f["name"] for f in ritual.json("friend", "list")) == ["Françoise Dœuf", "José Müller"]


def test_encoding_given_by_the_user_wins_and_a_wrong_one_names_the_line(ritual, tmp_path):
    path = tmp_path / "polish.csv"
    path.write_bytes("name,city\nPiotr Iksiński,Łódź\n".encode("cp1250"))
    out = ritual.ok("import", "csv", "--encoding", "cp1250", str(path))
    assert "detected" not in out
    assert [(f["name"], f["addresses"][0]["city"]) for f in ritual.json("friend", "list")] == [("Piotr Iksiński", "Łódź")]
    bad = ritual("import", "csv", "--encoding", "utf-8", str(path))
    assert bad.exit_code == 2 and f"{path}: line 2 is not valid utf-8" in bad.stderr and "Traceback" not in bad.stderr
    unknown = ritual("import", "csv", "--encoding", "klingon", str(path))
    assert unknown.exit_code == 2 and "'klingon' is not an encoding" in unknown.stderr


def test_bytes_no_encoding_explains_are_refused_with_how_to_convert(ritual, tmp_path):
    path = tmp_path / "noise.csv"
    path.write_bytes(b"name,city\n" + bytes(range(128, 256)) * 4 + b"\x00\x01\x02\n")
    result = ritual("import", "csv", str(path))
    assert result.exit_code == 2 and "iconv" in result.stderr and "--encoding" in result.stderr
    assert ritual.json("friend", "list") == []


def test_utf8_files_are_not_second_guessed(ritual, tmp_path):
    path = tmp_path / "utf8.csv"
    path.write_bytes(JAPANESE.encode("utf-8"))
    out = ritual.ok("import", "csv", str(path))
    assert "detected" not in out and "2 created" in out
