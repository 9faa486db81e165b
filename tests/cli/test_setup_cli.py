"""`ritual setup`: where you post from, asked on the terminal, read from piped input, or given as flags."""

from __future__ import annotations

import os

import pytest

from ritual.services.setup.home_country import guess_from_locale

NO_LOCALE = {"LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8"}


def config_text(home) -> str:
    return (home / "config" / "config.toml").read_text(encoding="utf-8")


@pytest.mark.parametrize(("environ", "expected"), [
    ({"LANG": "de_DE.UTF-8"}, "DE"),
    ({"LANG": "en_GB"}, "GB"),
    ({"LC_ALL": "pt_BR.utf8", "LANG": "en_US.UTF-8"}, "BR"),
    ({"LC_MESSAGES": "fr_CA@euro"}, "CA"),
    ({"LANG": "C.UTF-8"}, None),
    ({"LANG": "POSIX"}, None),
    ({}, None),
])
def test_the_country_is_guessed_from_the_locale(environ, expected):
    assert guess_from_locale(environ) == expected


def test_piped_answers_are_asked_again_until_one_is_a_country(ritual, home):
    result = ritual("setup", input="Narnia\nGermany\n", env=NO_LOCALE)
    assert result.exit_code == 0, result.output
    assert "'Narnia' is not a known country" in result.output
    assert "You post from Germany (DE)" in result.stdout
    assert 'home_country = "DE"' in config_text(home)
    assert ritual.json("friend", "list") == []  # the settings still load


def test_enter_takes_the_locales_guess(ritual, home):
    result = ritual("setup", input="\n", env={**NO_LOCALE, "LANG": "ja_JP.UTF-8"})
    assert result.exit_code == 0 and "Your locale suggests Japan (JP)" in result.stdout
    assert 'home_country = "JP"' in config_text(home)


def test_flags_ask_nothing_and_keep_the_other_settings(ritual, home):
    (home / "config").mkdir(parents=True)
    (home / "config" / "config.toml").write_text('home_country = "US"\nupcoming_days = 10\n', encoding="utf-8")
    assert "Canada (CA)" in ritual.ok("setup", "--country", "canada")
    assert config_text(home) == 'home_country = "CA"\nupcoming_days = 10\n'
    assert ritual("setup", "--yes", env={**NO_LOCALE, "LANG": "nl_NL.UTF-8"}).exit_code == 0
    assert config_text(home).startswith('home_country = "NL"')


def test_a_config_kept_as_a_symlink_is_written_through(ritual, home, tmp_path):
    dotfiles = tmp_path / "dotfiles" / "ritual.toml"
    dotfiles.parent.mkdir()
    dotfiles.write_text("upcoming_days = 10\n", encoding="utf-8")
    (home / "config").mkdir(parents=True)
    os.symlink(dotfiles, home / "config" / "config.toml")
    ritual.ok("setup", "--country", "DE")
    assert (home / "config" / "config.toml").is_symlink()
    assert 'home_country = "DE"' in dotfiles.read_text(encoding="utf-8")


def test_bad_input_names_the_value_and_changes_nothing(ritual, home):
    result = ritual("setup", "--country", "XX")
    assert result.exit_code == 2 and "'XX' is not a known country" in result.stderr
    result = ritual("setup", "--yes", env=NO_LOCALE)
    assert result.exit_code == 2 and "--country" in result.stderr
    result = ritual("setup", input="", env=NO_LOCALE)
    assert result.exit_code == 2 and "nothing was changed" in result.stderr
    assert not (home / "config" / "config.toml").exists()


def test_the_plan_says_so_until_the_country_is_chosen(ritual):
    ritual.ok("friend", "add", "Ana", "--birthday", "12-05")
    assert "you have not chosen yet: `ritual setup`" in " ".join(ritual.ok("week").split())
    assert "`ritual setup` asks where you post from" in ritual.ok("upcoming")
    ritual.ok("setup", "--country", "US")
    assert "not chosen" not in ritual.ok("week")
