"""The review's one print: the week's envelopes or a sheet of labels for the cards going in the post."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ritual.settings.load import Settings
from ritual.store.database import Database
from ritual.store.friends import FriendRepository

ENVELOPES = "envelopes"
LABELS = "labels"


@dataclass(frozen=True)
class Printed:
    """What went into the PDF, and who was left out because their address lacks what their post needs."""

    path: Path
    names: list[str]
    left_out: list[str]


def week_pdf(settings: Settings, db: Database, friend_ids: list[int], kind: str, path: Path,
             size: str = "DL", sheet: str = "A4-21") -> Printed:
    """Write envelopes (one page each, `size`) or labels (`sheet`) for these friends into one PDF."""
    from ritual.services.post.address_format import format_friend

    repo = FriendRepository(db)
    formatted = [format_friend(repo.get(fid), settings.home_country) for fid in friend_ids]
    printable = [a for a in formatted if a.printable]
    left_out = [a.problem_text() for a in formatted if not a.printable]
    if kind == ENVELOPES:
        from ritual.services.post.envelopes import envelopes_pdf

        written = envelopes_pdf(printable, settings.return_address, size, path)
    else:
        from ritual.services.post.labels import labels_pdf

        written = labels_pdf(printable, sheet, path)
    return Printed(written, [a.name for a in printable], left_out)
