"""SEQUENCE and LAST-MODIFIED for exported events: stored, and raised only when an event's content changes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime, time, timedelta, timezone

from ritual.services.calendar.events import CalendarEvent, content_digest
from ritual.services.calendar.render import event_stamp
from ritual.store.calendar_revisions import CalendarRevisions, Revision
from ritual.store.database import Database

_STEP = timedelta(seconds=1)


def with_revisions(db: Database, events: Sequence[CalendarEvent], today: date) -> list[CalendarEvent]:
    """The events with their revision; new and changed ones are recorded first.

    A new event starts at SEQUENCE 0 with the data-derived stamp it always had. A changed event gets the next
    SEQUENCE and a LAST-MODIFIED that is when its friend was last edited, or
    (for changes that come from elsewhere, such as settings) today, never earlier than one second after the
    last one. Nothing here reads the clock, so exporting unchanged data stays byte-identical.
    """
    store = CalendarRevisions(db)
    known = store.all()
    changed_at = store.friends_changed_at()
    day = datetime.combine(today, time(), timezone.utc)
    out, new = [], []
    for event in events:
        revision = _revision(event, known.get(event.uid), changed_at.get(event.friend_id, day))
        if revision is not known.get(event.uid):
            new.append(revision)
        out.append(replace(event, sequence=revision.sequence, modified=revision.modified))
    if new:
        store.save(new)
    return out


def _revision(event: CalendarEvent, old: Revision | None, edited: datetime) -> Revision:
    digest = content_digest(event).hex()
    if old is None:
        # First seen: the stamp ritual always gave it, so a calendar exported before keeps its DTSTAMP, and two
        # homes holding the same friends export the same bytes.
        return Revision(event.uid, digest, 0, event_stamp(event))
    if old.digest == digest:
        return old
    return Revision(event.uid, digest, old.sequence + 1, max(edited, old.modified + _STEP))
