"""Plain-text renderings of agenda items and friends, readable in 80 columns."""

from __future__ import annotations

from functools import lru_cache
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, timedelta

from ritual.core.cards import POSTED
from ritual.core.model import Friend
from ritual.core.planner import INVITATIONS, KEEP_IN_TOUCH, OCCASION, POST, REPLY_OWED, WRITE, AgendaItem
from ritual.core.text import date_words, short_day
from ritual.text.output import Styler

WIDTH = 80
LABELS = {WRITE: "write", POST: "post", OCCASION: "the day", KEEP_IN_TOUCH: "in touch", REPLY_OWED: "reply"}
_LABEL_WIDTH = 8
HELLO_LIMIT = 12
# Room for the longest fact label, "address (home)" or "keep in touch", and a gap after it.
FACT_WIDTH = 16
# A page of a year names the same few hundred days tens of thousands of times.
_day = lru_cache(maxsize=None)(short_day)


def wrap(text: str, prefix: str, width: int = WIDTH) -> str:
    """Greedy word wrap under a hanging prefix (textwrap is too slow for thousands of lines)."""
    return prefix + _hang(text, len(prefix), width)


def _hang(text: str, indent: int, width: int = WIDTH) -> str:
    """`text` wrapped to `width` with every line but the first indented by `indent` spaces (the first goes after
    a prefix of that length)."""
    room = width - indent
    if len(text) <= room:
        return text
    cut = text.rfind(" ", 0, room + 1)
    if 0 < cut and len(text) - cut <= room + 1:
        return f"{text[:cut]}\n{_spaces(indent)}{text[cut + 1:]}"  # two lines, the most a plan's item takes
    pieces = []
    while len(text) > room:
        cut = text.rfind(" ", 0, room + 1)
        if cut <= 0:
            cut = text.find(" ", room)
            if cut == -1:
                break
        pieces.append(text[:cut])
        text = text[cut + 1 :]
    pieces.append(text)
    return ("\n" + " " * indent).join(pieces)


def item_line(item: AgendaItem, style: Styler, show_date: bool = False) -> str:
    """One agenda item as an indented, wrapped line with its flags."""
    return _ItemLines(style)(item, show_date)


class _ItemLines:
    """Agenda items as lines for one page: each kind's painted label and hanging indent are made once."""

    def __init__(self, style: Styler) -> None:
        self.style = style
        self._heads: dict[str, tuple[str, int, int]] = {}

    def __call__(self, item: AgendaItem, show_date: bool = False) -> str:
        """One agenda item as an indented, wrapped line with its flags."""
        return "".join(self.pieces(item, show_date)[:-1])

    def pieces(self, item: AgendaItem, show_date: bool = False) -> tuple[str, ...]:
        """One agenda item's line in pieces to be joined, its line end last: a page of many then copies each
        character once, where making each line first would copy it again."""
        kind, text, late = item.kind, item.reason, item.late
        if item.overdue and kind not in INVITATIONS:
            text += f" (was due {_day(item.date)})"
        elif show_date:
            text = f"{_day(item.date)}: {text}"
        arrival = item.earliest_arrival
        if arrival:
            if late:
                text += f" — late: arrives {_day(arrival)} at the earliest"
            elif item.card_status == POSTED:
                text += f", should arrive {_day(arrival)}"
        head, indent, room = self._heads.get(kind) or self._head(kind)
        if late:
            return self.style.attention(head + _hang(text, indent)), "\n"
        if len(text) <= room:
            return head, text, "\n"  # most lines fit
        cut = text.rfind(" ", 0, room + 1)
        if 0 < cut and len(text) - cut <= room + 1:
            # Two lines, the most a plan's item takes: `_hang`'s cut, left in pieces.
            return head, text[:cut], "\n", _spaces(indent), text[cut + 1:], "\n"
        return head, _hang(text, indent), "\n"

    def _head(self, kind: str) -> tuple[str, int, int]:
        """The painted label with the spaces up to the text, the indent that wrapped lines hang from, and the room
        left for the text on the first line."""
        paint = self.style.accent if kind == OCCASION else self.style.heading
        head, indent = _label_head(LABELS.get(kind, kind), paint)
        self._heads[kind] = found = (head, indent, WIDTH - indent)
        return found


def labelled(label: str, text: str, paint: Callable[[str], str], width: int = WIDTH) -> str:
    """`  label    text…` wrapped to `width` under a hanging indent, with only the label painted."""
    head, indent = _label_head(label, paint)
    return head + _hang(text, indent, width)


def _label_head(label: str, paint: Callable[[str], str]) -> tuple[str, int]:
    """The painted label with the spaces up to its text, and the indent its wrapped lines hang from."""
    prefix = _label_prefix(label)
    return "  " + paint(label) + prefix[2 + len(label):], len(prefix)


@lru_cache(maxsize=None)
def _spaces(count: int) -> str:
    """A hanging indent of `count` spaces."""
    return " " * count


@lru_cache(maxsize=None)
def _label_prefix(label: str) -> str:
    """The hanging indent of a labelled line: two spaces, the label padded to its column, one space."""
    return f"  {label:<{_LABEL_WIDTH}} "


def render_week(items: list[AgendaItem], monday: date, today: date, style: Styler, show_all: bool = False,
                day_lines: Mapping[date, list[str]] | None = None, notes: Sequence[str] = ()) -> str:
    """The week Monday to Sunday, each day with its items, and what is still open from before.

    `day_lines` adds ready lines under a day (writing sessions); `notes` come first (supplies, letters to fit).
    """
    sunday = monday + timedelta(days=6)
    week_no = monday.isocalendar().week
    lines = [style.heading(f"Week {week_no} · {_day(monday)} – {_day(sunday)} {sunday.year}")]
    lines += list(notes)
    still_open = _still_open(items)
    lines += _open_sections(items[:still_open], style, show_all)
    line = _ItemLines(style)
    by_day: dict[date, list[AgendaItem]] = {}
    for item in items[still_open:]:
        by_day.setdefault(item.date, []).append(item)
    for offset in range(7):
        day = monday + timedelta(days=offset)
        todays = by_day.get(day, ())
        extra = (day_lines or {}).get(day, [])
        heading = _day(day) + ("  · today" if day == today else "")
        if todays or extra:
            lines += ["", style.heading(heading)]
            lines += [line(i) for i in todays] + extra
        else:
            lines += ["", style.heading(heading) + style.muted("  nothing planned")]
    return "\n".join(lines)


def render_upcoming(items: list[AgendaItem], start: date, end: date, style: Styler, show_all: bool = False) -> str:
    """Items grouped by day from `start` to `end`, open items from before first."""
    lines = [style.heading(f"Upcoming · {short_day(start)} {start.year} – {short_day(end)} {end.year}")]
    still_open = _still_open(items)
    lines += _open_sections(items[:still_open], style, show_all)
    # The page is joined from pieces, not from lines: each of tens of thousands of lines is then copied only once.
    pieces = [piece for line in lines for piece in (line, "\n")]
    line_pieces = _ItemLines(style).pieces
    current: date | None = None
    for item in items[still_open:]:
        if item[0] != current:
            current = item[0]
            pieces += ("\n", style.heading(f"{_day(current)} {current.year}"), "\n")
        pieces += line_pieces(item)
    if len(pieces) == 2 * len(lines):
        pieces += ("\n", style.muted("Nothing planned in these days."), "\n")
    return "".join(pieces[:-1])


def _still_open(items: Sequence[AgendaItem]) -> int:
    """How many items at the front are still open from before the range.

    The planner dates them before its range and sorts by date, so they all come first: the rest of a year's
    40,000 items need not be looked at to find them.
    """
    for count, item in enumerate(items):
        if not item.overdue:
            return count
    return len(items)


def _open_sections(items: list[AgendaItem], style: Styler, show_all: bool) -> list[str]:
    """Cards still open from before, then friends it would be nice to write to, each calmly apart (`items` holds
    only those still open)."""
    cards: list[AgendaItem] = []
    # Longest overdue first (items come sorted by date); a short list stays an invitation, not a backlog.
    hellos: list[AgendaItem] = []
    for item in items:
        (hellos if item.kind in INVITATIONS else cards).append(item)
    shown = hellos if show_all else hellos[:HELLO_LIMIT]
    lines: list[str] = []
    line = _ItemLines(style)
    if cards:
        lines += ["", style.heading("Still open from earlier")] + [line(i) for i in cards]
    if hellos:
        lines += ["", style.heading("Might enjoy a letter")] + [line(i) for i in shown]
    if len(shown) < len(hellos):
        lines.append(style.muted(f"  and {len(hellos) - len(shown)} more who have not heard from you in a while (--all)"))
    return lines


def day_words(day: date) -> str:
    """`6 September 2026`: a full date in the words of every other date."""
    return date_words(day.day, day.month, day.year)


def render_friend_row(friend: Friend) -> str:
    """One line of `ritual friend list`."""
    birthday = friend.birthday.words() if friend.birthday else "—"
    where = friend.country or "—"
    tags = ", ".join(friend.tags)
    line = f"{friend.id:>5}  {friend.name[:28]:<28}  {birthday:<17}  {where:<2}  {tags}".rstrip()
    return line if len(line) <= WIDTH else line[: WIDTH - 1] + "…"


def render_friend(friend: Friend, upcoming: Iterable[AgendaItem], style: Styler) -> str:
    """Everything about one friend, for `ritual friend show`."""
    lines = [style.heading(friend.name) + (f"  ({friend.nickname})" if friend.nickname else "") + style.muted(f"  #{friend.id}")]
    facts = [
        ("birthday", friend.birthday.words() if friend.birthday else ""),
        ("feb 29", friend.feb29 or ""),
        ("relationship", friend.relationship),
        ("circles", ", ".join(friend.tags)),
        ("how we met", friend.how_met),
        ("keep in touch", f"every {friend.cadence_days} days" if friend.cadence_days else ""),
        ("last sent", day_words(friend.last_sent) if friend.last_sent else ""),
        ("last received", day_words(friend.last_received) if friend.last_received else ""),
    ]
    lines += [wrap(v, f"  {k:<{FACT_WIDTH}}") for k, v in facts if v]
    if not friend.birthday_card and friend.birthday:
        lines.append("  " + style.muted("no birthday card wanted"))
    for address in friend.addresses:
        title = f"address ({address.label})" if address.label else "address"
        lines.append(wrap(address.one_line(), f"  {title:<{FACT_WIDTH}}"))
    for occasion in friend.occasions:
        kind = "yearly" if occasion.yearly else "once"
        card = "" if occasion.card else ", no card"
        lines.append(wrap(f"{occasion.name} {occasion.date.words()} ({kind}{card}) #{occasion.id}",
                          f"  {'occasion':<{FACT_WIDTH}}"))
    if friend.notes:
        import textwrap  # for notes alone: the week and the year load this module too

        # Each line of the notes is folded on its own, so the lines the user wrote stay lines.
        folded = "\n".join(textwrap.fill(line, WIDTH - 2) for line in friend.notes.splitlines())
        lines += ["", textwrap.indent(folded, "  ")]
    plan = list(upcoming)
    if plan:
        lines += ["", style.heading("Coming up")]
        lines += [item_line(i, style, show_date=True) for i in plan]
    return "\n".join(lines)
