"""Starting a project from what a person typed: a name, an occasion, a due day and its people."""

from __future__ import annotations

from datetime import date

from ritual.errors import InvalidValue
from ritual.store.database import Database
from ritual.store.friends import FriendRepository
from ritual.store.projects import Project, ProjectRepository

CIRCLE_MARK = "#"


def member_ids(db: Database, text: str) -> list[int]:
    """Friends from `Ana, 12, #family`: names or ids, and `#circle` for everyone in a circle; raises naming the entry."""
    repo = FriendRepository(db)
    ids: list[int] = []
    for entry in (part.strip() for part in text.split(",")):
        if not entry:
            continue
        if entry.startswith(CIRCLE_MARK):
            circle = [f.id for f in repo.all(tag=entry[1:].strip())]
            if not circle:
                raise InvalidValue("members", entry, "is no circle anyone is in")
            ids += circle
        else:
            ids.append(repo.find(entry).id)
    return list(dict.fromkeys(ids))


def start_project(db: Database, name: str, occasion: str, due: date | None, members: str) -> Project:
    """A new project with its people, all checked before anything is written."""
    repo = ProjectRepository(db)
    if due is None:
        raise InvalidValue("due", "", "is needed: the day the cards are for (a card needs a date)")
    ids = member_ids(db, members)
    with db.transaction():
        project = repo.create(name, occasion, due)
        repo.add_members(project.id, ids)
    return repo.get(str(project.id))
