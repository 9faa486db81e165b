"""The contacts sync in the app's and the daemon's scheduler: a job only when a folder is set, errors said once."""

from __future__ import annotations

import logging

from ritual.paths import Paths
from ritual.services.reminders.engine import ReminderEngine
from ritual.services.reminders.kept_contacts import CONTACTS_JOB, ContactsPass, add_contacts_job
from ritual.services.reminders.notifiers import NotifierChain
from ritual.settings.contacts import ContactSyncSettings
from ritual.settings.load import load_settings
from ritual.store.database import open_database
from tests.services.vdir_books import NOW, card


def _engine(tmp_path, folders):
    paths = Paths.under(tmp_path / "home")
    open_database(paths.database).close()
    settings = load_settings(paths)._replace(contacts=ContactSyncSettings(tuple(folders), False))
    return ReminderEngine(settings, paths.database, NotifierChain([]), lambda: NOW)


def test_no_folder_means_no_job(tmp_path):
    from apscheduler.schedulers.background import BackgroundScheduler

    scheduler = BackgroundScheduler()
    assert not add_contacts_job(scheduler, _engine(tmp_path, []))
    assert scheduler.get_job(CONTACTS_JOB) is None


def test_a_pass_syncs_the_folder_and_a_failure_is_logged_once(tmp_path, caplog):
    from apscheduler.schedulers.background import BackgroundScheduler

    folder = tmp_path / "contacts"
    folder.mkdir()
    (folder / "ana.vcf").write_bytes(card("UID:a", "FN:Ana Souza").encode())
    engine = _engine(tmp_path, [folder])
    scheduler = BackgroundScheduler()
    assert add_contacts_job(scheduler, engine) and scheduler.get_job(CONTACTS_JOB) is not None
    contacts = ContactsPass(engine)
    assert contacts()[0].friends_created == ["Ana Souza"]
    (folder / "ana.vcf").unlink()
    folder.rmdir()
    with caplog.at_level(logging.WARNING, logger="ritual.reminders"):
        contacts()
        contacts()
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "the contacts folder does not exist" in warnings[0]


def test_the_settings_take_one_folder_or_a_list_and_refuse_what_they_cannot_use(tmp_path):
    import pytest

    from ritual.errors import SettingsError

    paths = Paths.under(tmp_path / "home")
    paths.config_dir.mkdir(parents=True)
    assert load_settings(paths).contacts == ContactSyncSettings((), False)
    paths.config_file.write_text('contacts_vdir = "~/contacts/friends"\ncontacts_sync_notes = true\n')
    loaded = load_settings(paths).contacts
    assert loaded.vdirs[0].is_absolute() and loaded.vdirs[0].name == "friends" and loaded.notes
    paths.config_file.write_text('contacts_vdir = ["/a", "/b", "/a"]\n')
    assert [str(p) for p in load_settings(paths).contacts.vdirs] == ["/a", "/b"]
    for text, problem in (("contacts_vdir = 3", "contacts_vdir must be a folder"),
                          ('contacts_sync_notes = "yes"', "contacts_sync_notes 'yes' must be true or false")):
        paths.config_file.write_text(text + "\n")
        with pytest.raises(SettingsError, match=problem):
            load_settings(paths)
