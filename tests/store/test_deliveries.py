"""The deliveries record: claim once, mark only after success, retry after a failure, two processes, mutes."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime, timedelta, timezone

from ritual.core.model import Friend
from ritual.store.database import open_database
from ritual.store.deliveries import CLAIM_LEASE, DeliveryLog
from ritual.store.mutes import Mutes
from ritual.store.friends import FriendRepository

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=timezone.utc)
KEY = "write/1/birthday/2026-12-03"


def claim(log: DeliveryLog, now: datetime = NOW, key: str = KEY) -> bool:
    return log.claim(key, "write", 1, NOW, now, late=False)


def test_a_key_is_claimed_once_and_stays_delivered(tmp_path):
    db = open_database(tmp_path / "r.db")
    first, second = DeliveryLog(db, "a"), DeliveryLog(db, "b")
    assert claim(first) and not claim(second)
    first.mark_delivered(KEY, "terminal", NOW)
    assert first.delivered_keys([KEY, "other"]) == {KEY}
    assert not claim(second, NOW + timedelta(days=3))
    assert [d.notifier for d in first.recent()] == ["terminal"]


def test_a_failed_delivery_is_not_marked_and_can_be_tried_after_the_lease(tmp_path):
    db = open_database(tmp_path / "r.db")
    log = DeliveryLog(db, "a")
    assert claim(log)
    log.mark_failed(KEY, "smtp refused")
    assert log.delivered_keys([KEY]) == set()
    assert not claim(DeliveryLog(db, "b"), NOW + timedelta(minutes=1))
    later = DeliveryLog(db, "b")
    assert claim(later, NOW + CLAIM_LEASE)
    later.mark_delivered(KEY, "email", NOW + CLAIM_LEASE)
    row = db.query("SELECT attempts, state FROM reminder_deliveries")[0]
    assert (row["attempts"], row["state"]) == (2, "delivered")


def test_another_owner_cannot_mark_a_claim_it_does_not_hold(tmp_path):
    db = open_database(tmp_path / "r.db")
    assert claim(DeliveryLog(db, "a"))
    DeliveryLog(db, "b").mark_delivered(KEY, "terminal", NOW)
    assert DeliveryLog(db, "a").delivered_keys([KEY]) == set()


RACER = """
import json, sys
from datetime import datetime, timezone
from pathlib import Path
from ritual.store.database import open_database
from ritual.store.deliveries import DeliveryLog
db = open_database(Path(sys.argv[1]))
log = DeliveryLog(db, sys.argv[2])
now = datetime(2026, 11, 25, 9, 0, tzinfo=timezone.utc)
won = []
for n in range(60):
    key = f"post/{n}/birthday/2026-12-03"
    if log.claim(key, "post", n, now, now, False):
        log.mark_delivered(key, "terminal", now)
        won.append(key)
print(json.dumps(won))
"""


def test_two_processes_on_one_file_never_both_deliver(tmp_path):
    path = tmp_path / "r.db"
    open_database(path).close()
    racers = [subprocess.Popen([sys.executable, "-c", RACER, str(path), name], stdout=subprocess.PIPE, text=True)
              for name in ("tui", "daemon")]
    results = [json.loads(p.communicate(timeout=60)[0]) for p in racers]
    assert all(p.returncode == 0 for p in racers)
    everything = results[0] + results[1]
    assert len(everything) == 60 and len(set(everything)) == 60


def test_mutes_follow_the_friend(tmp_path):
    db = open_database(tmp_path / "r.db")
    ana = FriendRepository(db).add(Friend(name="Ana"))
    mutes = Mutes(db)
    mutes.set(ana.id, True)
    mutes.set(ana.id, True)
    assert mutes.ids() == {ana.id}
    FriendRepository(db).delete(ana.id)
    assert mutes.ids() == frozenset()
