"""`ritual sync caldav`: make a CalDAV calendar hold exactly ritual's events, writing only what changed."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import urljoin

from ritual.errors import RitualError
from ritual.services.calendar.caldav_auth import CalDavTarget
from ritual.services.calendar.events import CalendarEvent
from ritual.services.calendar.render import PRODID, render_single

INSTALL_HINT = "CalDAV needs the optional client; install it with: pip install 'ritual-letters[caldav]'"


@dataclass
class SyncResult:
    """How many events the sync created, updated, deleted and left alone."""

    url: str
    created: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0

    @property
    def writes(self) -> int:
        """Requests that changed the server."""
        return self.created + self.updated + self.deleted

    def render(self) -> str:
        """One line for the terminal."""
        return (
            f"Synced {self.url}: {self.created} created, {self.updated} updated, "
            f"{self.deleted} deleted, {self.unchanged} unchanged."
        )


def sync_calendar(target: CalDavTarget, events: Iterable[CalendarEvent], create: bool = False) -> SyncResult:
    """Create new events, rewrite changed ones and delete ritual's events that are gone, matching by UID."""
    caldav = _client_library()
    client = caldav.DAVClient(url=target.url, username=target.user or None, password=target.password())
    calendar = caldav.Calendar(client=client, url=target.url)
    result = SyncResult(target.url)
    with _server_errors(target):
        stored = _ours(_existing(caldav, client, calendar, target, create))
        for event in events:
            _put(calendar, stored.pop(event.uid, None), render_single(event).decode(), result)
        for leftover in stored.values():
            leftover.delete()
            result.deleted += 1
    return result


def _put(calendar, stored, wanted: str, result: SyncResult) -> None:
    # SEQUENCE is ritual's (it grows only when the event changed): the client must not raise it on every PUT.
    if stored is None:
        calendar.save_event(wanted, increase_seqno=False)
        result.created += 1
    elif _comparable(stored.data) != _comparable(wanted):
        stored.data = wanted
        stored.save(increase_seqno=False)
        result.updated += 1
    else:
        result.unchanged += 1


def _existing(caldav, client, calendar, target: CalDavTarget, create: bool) -> list:
    try:
        return calendar.events()
    except caldav.lib.error.NotFoundError:
        if not create:
            raise RitualError(f"no calendar at {target.url}; check the URL, or add --create to make it") from None
    # Asking for the principal first makes servers such as Radicale set up the user's home collection.
    caldav.DAVClient(url=urljoin(target.url, "/"), username=client.username, password=client.password).principal()
    response = client.mkcalendar(target.url)
    if response.status not in (200, 201):
        raise RitualError(f"the server would not create a calendar at {target.url} (HTTP {response.status})")
    return []


def _ours(resources: list) -> dict:
    """ritual's own events by UID; events other programs put in the same calendar are never touched."""
    from icalendar import Calendar

    found = {}
    for resource in resources:
        parsed = Calendar.from_ical(resource.data)
        if str(parsed.get("PRODID", "")) != PRODID:
            continue
        for vevent in parsed.walk("VEVENT"):
            found[str(vevent["UID"])] = resource
    return found


def _comparable(text: str) -> bytes:
    """The VEVENT as icalendar writes it, so a server's reordering or line endings do not count as changes."""
    from icalendar import Calendar

    return b"".join(v.to_ical() for v in Calendar.from_ical(text).walk("VEVENT"))


def _client_library():
    try:
        import caldav
    except ImportError:
        raise RitualError(INSTALL_HINT) from None
    return caldav


@contextmanager
def _server_errors(target: CalDavTarget) -> Iterator[None]:
    from caldav.lib import error

    who = f"user {target.user!r}" if target.user else "no user name"
    try:
        yield
    except error.AuthorizationError:
        raise RitualError(f"the server at {target.url} refused the credentials ({who})") from None
    except error.DAVError as exc:
        raise RitualError(f"the CalDAV server at {target.url} answered with an error: {_first_line(exc)}") from None
    except OSError as exc:
        raise RitualError(f"cannot reach {target.url}: {_first_line(exc)}") from None


def _first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]
