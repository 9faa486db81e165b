"""Any interleaving of edits on both sides converges, and no edit is lost without a conflict showing it."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings, strategies as st

from ritual.core.dates import PartialDate
from ritual.services.contacts.vcard_export import name_value, text_value
from ritual.services.contacts.vdir_cards import read_card
from ritual.services.contacts.vdir_merge import synced_values
from ritual.store.vdir_state import VdirState
from tests.services.vdir_books import card, open_book

FIELDS = ("name", "nickname", "birthday")
_words = st.text(alphabet="abcdefghij", min_size=1, max_size=6)
_values = {
    "name": st.builds(lambda a, b: f"{a.title()} {b.title()}", _words, _words),
    "nickname": _words,
    "birthday": st.builds(lambda m, d, y: PartialDate(m, d, y).iso(), st.integers(1, 12), st.integers(1, 28),
                          st.one_of(st.none(), st.integers(1950, 2010))),
}
_edit = st.one_of(st.just(("sync",)), *(st.tuples(st.sampled_from(["ritual", "card"]), st.just(f), _values[f])
                                        for f in FIELDS))


def _card_edit(text: str, field: str, value: str) -> str:
    """What another address book does: replace the property's lines, everything else left as it was."""
    lines = {"name": [f"FN:{text_value(value)}", f"N:{name_value(value)}"], "nickname": [f"NICKNAME:{value}"],
             "birthday": [f"BDAY:{value}"]}[field]
    names = {"name": ("FN", "N"), "nickname": ("NICKNAME",), "birthday": ("BDAY", "X-RITUAL-BDAY")}[field]
    kept = [ln for ln in text.split("\r\n") if ln and ln.split(":")[0].split(";")[0] not in names]
    return "\r\n".join(kept[:-1] + lines + kept[-1:]) + "\r\n"


def _sides(book, href: str) -> tuple[dict, dict]:
    friend = next(iter(book.friends().values()))
    found = read_card((book.folder / href).read_bytes(), False)
    return synced_values(friend, False), found.values


def _check(book, href: str, pending: dict) -> None:
    ritual, card_side = _sides(book, href)
    conflicts = {c.field: c for c in VdirState(book.db).conflicts()}
    for field in FIELDS:
        if field in conflicts:
            assert (conflicts[field].ritual_value, conflicts[field].card_value) == (ritual[field], card_side[field])
        else:
            assert ritual[field] == card_side[field]
    for (side, field), value in pending.items():
        held = ritual if side == "ritual" else card_side
        # The last edit on a side is either on both sides now, or shown in a conflict, never silently gone.
        assert held[field] == value or (field in conflicts and
                                        getattr(conflicts[field], f"{side}_value") == held[field])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_edit, max_size=14))
# An edit in ritual after a conflict, back to the value both sides agreed on before it, is the user's answer.
@example(steps=[("ritual", "birthday", "--02-01"), ("sync",), ("ritual", "birthday", "--01-01"),
                ("card", "birthday", "--01-02"), ("sync",), ("ritual", "birthday", "--02-01")])
def test_any_interleaving_of_edits_converges_without_silent_loss(steps):
    with tempfile.TemporaryDirectory() as root:
        book = open_book(Path(root))
        try:
            book.write("a.vcf", card("UID:a", "FN:Ana Souza", "N:Souza;Ana;;;", "TEL:+1 555", "BDAY:1990-03-14"))
            book.sync()
            pending: dict = {}
            seen = dict(zip(("ritual", "card"), _sides(book, "a.vcf")))
            for step in steps:
                if step[0] == "sync":
                    book.sync()
                    _check(book, "a.vcf", pending)
                    pending, seen = {}, dict(zip(("ritual", "card"), _sides(book, "a.vcf")))
                    continue
                side, field, value = step
                if side == "ritual":
                    friend = next(iter(book.friends().values()))
                    parsed = PartialDate.parse(value) if field == "birthday" else value
                    book.update(friend._replace(**{field: parsed}))
                else:
                    book.write("a.vcf", _card_edit(book.text("a.vcf"), field, value))
                # Only a value other than the one that side held after the last sync is an edit to keep.
                if value != seen[side][field]:
                    pending[(side, field)] = value
                else:
                    pending.pop((side, field), None)
            book.sync()
            _check(book, "a.vcf", pending)
            assert not book.sync().changed
            assert "TEL:+1 555" in book.text("a.vcf")
        finally:
            book.db.close()
