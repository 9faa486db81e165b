"""The letter box's rows: six columns on a wide terminal, a readable two-line form on a narrow one."""

from __future__ import annotations

from datetime import date

from rich.cells import cell_len
from rich.text import Text

from ritual.core.letters import Letter
from ritual.core.sittings import effort_words
from ritual.text.safe import one_line
from ritual.tui.formatting import short_date
from ritual.tui.safe_text import markup_safe
from ritual.tui.widgets.letter_timeline import STATUS_WORDS

WIDE_COLUMNS = ("Date", "Way", "Friend", "Medium", "Occasion", "Where now")
NARROW_COLUMNS = ("Date", "Letter · where it is now")
# Below this many columns on screen the side list slims down.
NARROW_BELOW = 120
# The date column and both columns' padding, taken from the table's width for the letter column.
NARROW_RESERVED = 10 + 2 + 2


def wide_cells(letter: Letter, today: date, answered: int) -> tuple:
    """Date, way, friend, medium, occasion and where the letter is now (with its effort)."""
    way = Text("to", style="cyan") if letter.sent else Text("from", style="magenta")
    where = STATUS_WORDS.get(letter.status, letter.status)
    effort = effort_words(letter.focus_minutes, answered)
    # A DataTable reads a str as markup, and names come from other people's files: escape them.
    return (short_date(letter.day, today), way, markup_safe(letter.friend), markup_safe(letter.medium),
            markup_safe(letter.occasion or "—"), f"{where} · {effort}" if effort else where)


def narrow_cells(letter: Letter, today: date, answered: int, width: int) -> tuple[str, Text]:
    """The date, then two lines: who and what (`from Oscar Walker · card · birthday`), where it is now first."""
    who = f"{'to' if letter.sent else 'from'} {one_line(letter.friend)}"
    what = " · ".join(one_line(part) for part in (letter.medium, letter.occasion) if part)
    where = STATUS_WORDS.get(letter.status, letter.status)
    effort = effort_words(letter.focus_minutes, answered)
    first = Text(fit(f"{who} · {what}" if what else who, width), style="bold")
    second = Text(fit(f"{where} · {effort}" if effort else where, width), style="italic")
    return short_date(letter.day, today), first.append("\n").append_text(second)


def fits(rows: list[tuple], width: int) -> bool:
    """True when the six columns, each as wide as its longest cell or heading plus its padding, fit in `width`."""
    cells = [WIDE_COLUMNS, *rows]
    needed = sum(max(cell_len(Text.from_markup(c).plain if isinstance(c, str) else c.plain) for c in column) + 2
                 for column in zip(*cells))
    return needed <= width


def fit(text: str, width: int) -> str:
    """`text` cut to `width` cells with an ellipsis, so the line's end is never silently lost."""
    return text if len(text) <= width else text[: max(1, width - 1)] + "…"
