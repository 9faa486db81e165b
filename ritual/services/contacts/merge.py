"""Re-import rules: take what changed in the file, keep what the user edited since the last import."""

from __future__ import annotations

from dataclasses import dataclass

from ritual.core.model import Friend, Occasion
from ritual.services.planning.serialize import address_dict

# Fields compared whole; tags and occasions are merged item by item.
WHOLE_FIELDS = ("name", "nickname", "birthday", "notes", "addresses")


@dataclass(frozen=True, slots=True)
class Merged:
    """The friend after a re-import, whether anything changed, and which fields the user edited were kept."""

    friend: Friend
    changed: bool
    kept: tuple[str, ...] = ()

    @property
    def kept_edits(self) -> int:
        """How many fields the user edited were kept."""
        return len(self.kept)


def snapshot(friend: Friend) -> dict:
    """The imported fields of a friend as JSON-ready values, for storing and comparing."""
    return {
        "name": friend.name,
        "nickname": friend.nickname,
        "birthday": friend.birthday.iso() if friend.birthday else None,
        "notes": friend.notes,
        "addresses": [address_dict(a) for a in friend.addresses],
        "tags": sorted(friend.tags),
        "occasions": [list(k) for k in sorted(_occasion_key(o) for o in friend.occasions)],
    }


def merge(current: Friend, last: dict | None, incoming: Friend, overwrite: bool = False) -> Merged:
    """Three-way merge of the stored friend, the values last imported (None if never) and the file's values."""
    now, new = snapshot(current), snapshot(incoming)
    taken, kept = [], []
    for key in WHOLE_FIELDS:
        if new[key] == now[key]:
            continue
        if _file_wins(now[key], None if last is None else last.get(key), new[key], last is not None, overwrite):
            taken.append(key)
        elif new[key]:
            kept.append(key)
    changes = {key: getattr(incoming, key) for key in taken}
    changes["tags"] = _merged_tags(current.tags, last, incoming.tags, overwrite)
    changes["occasions"] = _merged_occasions(current.occasions, last, incoming.occasions, overwrite)
    result = current._replace(**changes)
    return Merged(result, snapshot(result) != now, tuple(kept))


def _file_wins(now: object, last: object, new: object, known: bool, overwrite: bool) -> bool:
    if overwrite and new:
        return True
    if not known:
        return not now
    return now == last


def _merged_tags(current: tuple[str, ...], last: dict | None, new: tuple[str, ...], overwrite: bool) -> tuple[str, ...]:
    before = set(last["tags"]) if last else set()
    dropped = before - set(new)
    added = set(new) if overwrite else set(new) - before
    kept = [t for t in current if t not in dropped]
    return tuple(kept + sorted(t for t in added if t not in kept))


def _merged_occasions(
    current: tuple[Occasion, ...], last: dict | None, new: tuple[Occasion, ...], overwrite: bool
) -> tuple[Occasion, ...]:
    before = {tuple(k) for k in last["occasions"]} if last else set()
    new_keys = {_occasion_key(o): o for o in new}
    dropped = before - set(new_keys)
    kept = [o for o in current if _occasion_key(o) not in dropped]
    have = {_occasion_key(o) for o in kept}
    wanted = set(new_keys) if overwrite else set(new_keys) - before
    return tuple(kept + [new_keys[k] for k in sorted(wanted) if k not in have])


def _occasion_key(occasion: Occasion) -> tuple[str, str]:
    return (occasion.name, occasion.date.iso())
