"""Agenda items and dates as styled text for the screens, in calm words."""

from __future__ import annotations

from datetime import date

from rich.text import Text

from ritual.core.cards import POSTED
from ritual.core.planner import KEEP_IN_TOUCH, OCCASION, POST, REPLY_OWED, WRITE, AgendaItem
from ritual.core.text import short_day

KIND_LABELS = {WRITE: "write", POST: "post", OCCASION: "the day", KEEP_IN_TOUCH: "in touch", REPLY_OWED: "reply"}
LABEL_WIDTH = 9
# Wrapped lines of an item start under its words, past the two-space margin and the kind label.
HANG = 2 + LABEL_WIDTH


def item_text(item: AgendaItem, show_date: bool = False) -> Text:
    """One agenda item: its kind, why it is there, and a gentle note when it runs late."""
    label = KIND_LABELS.get(item.kind, item.kind)
    text = Text(f"{label:<{LABEL_WIDTH}}", style=f"bold {_kind_style(item.kind)}")
    if show_date:
        text.append(f"{short_day(item.date)}  ", style="dim")
    text.append(item.reason)
    if item.overdue and not show_date:
        text.append(f"  (was for {short_day(item.date)})", style="dim")
    if item.late and item.earliest_arrival:
        text.append(f"  · running late: could arrive {short_day(item.earliest_arrival)}", style="italic")
    elif item.card_status == POSTED and item.earliest_arrival:
        text.append(f"  · should arrive {short_day(item.earliest_arrival)}", style="italic")
    return text


def hanging(text: Text, width: int, indent: int = HANG) -> Text:
    """`text` wrapped at word boundaries to `width` cells, each wrapped line indented under the first's words."""
    plain = text.plain
    if width <= indent + 10 or len(plain) <= width:
        return text
    cuts, start, room = [], 0, width
    while len(plain) - start > room:
        cut = plain.rfind(" ", start + 1, start + room + 1)
        cut = cut if cut > start else start + room
        cuts.append(cut)
        start, room = cut + (plain[cut:cut + 1] == " "), width - indent
    lines = text.divide(cuts)
    wrapped = lines[0]
    for line in lines[1:]:
        spaces = len(line.plain) - len(line.plain.lstrip(" "))
        wrapped.append("\n" + " " * indent).append_text(line[spaces:])
    return wrapped


def _kind_style(kind: str) -> str:
    # Plain colour names keep working under every Textual theme.
    return {OCCASION: "magenta", WRITE: "cyan", POST: "green"}.get(kind, "blue")


def day_heading(day: date, today: date) -> Text:
    """`Mon 9 Mar`, with a quiet marker on today."""
    text = Text(short_day(day), style="bold")
    if day == today:
        text.append("  · today", style="italic")
    return text


def month_title(year: int, month: int) -> str:
    """`March 2026`."""
    return f"{_MONTH_NAMES[month - 1]} {year}"


def short_date(day: date | None, today: date) -> str:
    """`Sat 14 Mar`, with the year when it is not this year; a dash for none."""
    if day is None:
        return "—"
    text = short_day(day)
    return text if day.year == today.year else f"{text} {day.year}"


def since(day: date | None, today: date) -> str:
    """How long since a letter, in words: `3 weeks ago`, `never yet`."""
    if day is None:
        return "no letter yet"
    days = (today - day).days
    if days < 0:
        return short_date(day, today)
    if days < 14:
        return "this week" if days < 7 else "last week"
    if days < 60:
        return f"{days // 7} weeks ago"
    return f"{days // 30} months ago" if days < 730 else f"{days // 365} years ago"


_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")
