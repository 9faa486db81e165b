"""Settings reread when their files change; a half-edited file keeps the last good settings."""

from __future__ import annotations

from datetime import time

from ritual.paths import Paths
from ritual.services.reminders.settings_source import SettingsSource
from ritual.settings.load import load_settings


def test_an_edited_file_is_taken_up_and_a_broken_one_keeps_the_last_good_settings(tmp_path):
    paths = Paths.under(tmp_path / "home")
    paths.config_file.parent.mkdir(parents=True)
    paths.config_file.write_text('reminder_time = "08:00"\n', encoding="utf-8")
    source = SettingsSource(load_settings(paths), paths)
    first = source.current()
    assert source.current() is first, "nothing changed: nothing is read again"
    paths.config_file.write_text('reminder_time = "07:30"\nhome_country = "DE"\n', encoding="utf-8")
    edited = source.current()
    assert (edited.reminder_time, edited.home_country) == (time(7, 30), "DE")
    paths.config_file.write_text('reminder_time = "7 o\'clock"\n', encoding="utf-8")
    assert source.current() is edited
    paths.config_file.unlink()
    assert source.current().reminder_time == time(9, 0), "back to the shipped defaults"


def test_without_a_home_the_settings_stay_as_given(tmp_path):
    settings = load_settings(Paths.under(tmp_path / "home"))
    assert SettingsSource(settings).current() is settings
