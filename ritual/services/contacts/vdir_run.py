"""Syncing every configured vdir folder in a safe order, and resolving conflicts by choosing a side."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from ritual.errors import RitualError
from ritual.services.contacts.vdir_sync import SyncReport, sync_folder
from ritual.settings.contacts import ContactSyncSettings
from ritual.store.database import Database
from ritual.store.vdir_state import Conflict, VdirState

SIDES = ("ritual", "card")


def sync_all(db: Database, options: ContactSyncSettings, now: datetime, folder: Path | None = None,
             dry_run: bool = False, force: bool = False) -> list[SyncReport]:
    """Sync `folder`, or every configured folder; the first folder (or `folder`) receives new friends.

    It is synced last, so cards in the other folders link to the friends they describe first instead of
    those friends being written into the first folder as well.
    """
    folders = [folder] if folder else list(options.vdirs)
    if not folders:
        raise RitualError("no contacts folder to sync: give one (`ritual sync contacts DIR`) or set contacts_vdir "
                          "in the settings (`ritual locate` shows where they are)")
    order = [(f, False) for f in folders[1:]] + [(folders[0], True)]
    reports = [sync_folder(db, f, options, now, dry_run=dry_run, force=force, receives_new=new) for f, new in order]
    return reports[-1:] + reports[:-1]


def resolve_conflicts(db: Database, options: ContactSyncSettings, now: datetime, chosen: list[Conflict],
                      keep: str) -> list[SyncReport]:
    """Settle each conflict for one side, then sync the folders involved so both sides hold that value."""
    if keep not in SIDES:
        raise RitualError(f"--keep: {keep!r} must be one of {', '.join(SIDES)}")
    state = VdirState(db)
    with db.transaction():
        for conflict in chosen:
            _choose(state, conflict, keep, now)
    folders = list(dict.fromkeys(c.vdir for c in chosen))
    receives = str(options.vdirs[0].expanduser().resolve()) if options.vdirs else None
    return [sync_folder(db, Path(f), options, now, receives_new=f == receives) for f in folders]


def _choose(state: VdirState, conflict: Conflict, keep: str, now: datetime) -> None:
    """Move the card's base so the kept side's value is the one that flows."""
    card = state.cards(conflict.vdir).get(conflict.href)
    if card is None:
        return
    # The base takes the other side's value: the kept side then looks like the only change, and flows over.
    losing = conflict.card_value if keep == "ritual" else conflict.ritual_value
    state.save(card.with_base({**card.base, conflict.field: losing}), now)
    # Settled: a standing conflict would otherwise stay where both sides start from (see `merge_values`).
    state.settle(conflict)
