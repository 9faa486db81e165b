"""Settings files are parsed once and read from their cache after, exactly as they are on disk."""

from __future__ import annotations

import marshal
import subprocess
import sys

import pytest

from ritual.errors import SettingsError
from ritual.paths import Paths
from ritual.settings.load import load_settings
from ritual.settings.toml_files import CACHE_NAME, TomlFiles


@pytest.fixture
def paths(tmp_path) -> Paths:
    """A home with a config.toml of its own."""
    paths = Paths.under(tmp_path / "home")
    paths.config_dir.mkdir(parents=True)
    paths.config_file.write_text('home_country = "DE"\nupcoming_days = 12\n', encoding="utf-8")
    return paths


def test_a_second_start_reads_every_file_from_the_cache_without_loading_tomllib(paths):
    first = load_settings(paths)
    assert (paths.state_dir / CACHE_NAME).exists()
    assert oct((paths.state_dir / CACHE_NAME).stat().st_mode & 0o777) == "0o600"
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from ritual.paths import Paths\n"
        "from ritual.settings.load import load_settings\n"
        f"settings = load_settings(Paths.under(Path({str(paths.config_dir.parent)!r})))\n"
        "print(settings.home_country, settings.upcoming_days, 'tomllib' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["DE", "12", "False"]
    assert load_settings(paths) == first


def test_one_changed_byte_is_read_afresh_even_with_the_same_size_and_time(paths):
    load_settings(paths)
    stamp = paths.config_file.stat()
    paths.config_file.write_text('home_country = "DE"\nupcoming_days = 13\n', encoding="utf-8")
    import os

    os.utime(paths.config_file, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))  # same size, same time: only bytes differ
    assert load_settings(paths).upcoming_days == 13


def test_a_damaged_or_foreign_cache_is_ignored_and_written_again(paths):
    load_settings(paths)
    cache = paths.state_dir / CACHE_NAME
    for damage in (b"", b"\x00garbage", marshal.dumps((99, {})), marshal.dumps((1, {"x": ("not", "bytes")})),
                   marshal.dumps((1, {str(paths.config_file): (paths.config_file.read_bytes(), b"\xff")}))):
        cache.write_bytes(damage)
        assert load_settings(paths).upcoming_days == 12
    assert TomlFiles(cache).read(paths.config_file) == {"home_country": "DE", "upcoming_days": 12}


def test_a_file_with_toml_dates_is_parsed_each_time_and_a_bad_file_is_named(tmp_path):
    source = tmp_path / "dated.toml"
    source.write_text("when = 07:15:00\n", encoding="utf-8")
    files = TomlFiles(tmp_path / "state" / CACHE_NAME)
    assert str(files.read(source)["when"]) == "07:15:00"
    files.keep()
    assert not (tmp_path / "state" / CACHE_NAME).exists()  # nothing it could hold was new
    source.write_bytes(b"name = \"L\xe9a\"\n")
    with pytest.raises(SettingsError, match=r"dated.toml: is not UTF-8 text"):
        files.read(source)
    source.write_text("name = \n", encoding="utf-8")
    with pytest.raises(SettingsError, match=r"dated.toml: Invalid value \(at line 1"):
        files.read(source)


def test_a_home_whose_state_cannot_be_written_still_loads(paths):
    paths.state_dir.parent.mkdir(parents=True, exist_ok=True)
    paths.state_dir.write_text("a file where the folder should be", encoding="utf-8")
    assert load_settings(paths).home_country == "DE"


def test_only_the_files_read_last_are_kept(tmp_path):
    cache = tmp_path / "state" / CACHE_NAME
    old, new = tmp_path / "old.toml", tmp_path / "new.toml"
    old.write_text("a = 1\n", encoding="utf-8")
    new.write_text("b = 2\n", encoding="utf-8")
    first = TomlFiles(cache)
    first.read(old)
    first.keep()
    second = TomlFiles(cache)  # a later start that reads another file, as after an upgrade moves the shipped ones
    assert second.read(new) == {"b": 2}
    second.keep()
    _, entries = marshal.loads(cache.read_bytes())
    assert list(entries) == [str(new)]
