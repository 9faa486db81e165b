"""New friends written in bulk get the ids AUTOINCREMENT would give, and their addresses, tags and occasions."""

from __future__ import annotations

from ritual.core.dates import PartialDate
from ritual.core.model import Address, Friend, Occasion
from ritual.store.database import open_database
from ritual.store.friend_bulk import FriendBulkWriter
from ritual.store.friends import FriendRepository


def test_ids_follow_every_id_ever_used_and_the_rows_read_back_whole(tmp_path):
    db = open_database(tmp_path / "r.db")
    repo = FriendRepository(db)
    gone = repo.add(Friend(name="Gone"))
    repo.delete(gone.id)
    ana = Friend(name=" Ana ", tags=("school", "choir"), addresses=(Address(("1 Main St",), "Lyon", country="FR"),),
                 occasions=(Occasion("anniversary", PartialDate(6, 20)),))
    with db.transaction() as conn:
        bulk = FriendBulkWriter(conn, db.clock.stamp())
        first, second = bulk.add(ana), bulk.add(Friend(name="Ben"))
        bulk.flush()
    assert (first.id, second.id, first.name) == (gone.id + 1, gone.id + 2, "Ana")
    stored = repo.get(first.id)
    assert (stored.tags, stored.addresses, [o.name for o in stored.occasions]) == (
        ("choir", "school"), ana.addresses, ["anniversary"])
    assert repo.add(Friend(name="Cleo")).id == gone.id + 3
