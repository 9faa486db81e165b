"""A year of letters at a glance: one column per week, one row per weekday, like a contribution calendar."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from rich.text import Text
from textual.widget import Widget

from ritual.core.dates import monday_of
from ritual.core.letters import Letter
from ritual.core.text import MONTHS

WEEKDAY_LABELS = ("Mo", "", "We", "", "Fr", "", "Su")
LABEL_WIDTH = 3
EMPTY, SENT_MARK, RECEIVED_MARK, BOTH_MARK = "·", "■", "□", "▣"


def first_monday(year: int) -> date:
    """The Monday of the week holding 1 January: the grid's first column."""
    return monday_of(date(year, 1, 1))


def week_columns(year: int) -> int:
    """How many week columns the year spans (53 or 54)."""
    return (date(year, 12, 31) - first_monday(year)).days // 7 + 1


def day_marks(letters: Iterable[Letter], year: int) -> dict[date, set[str]]:
    """The directions letters went on each day of the year."""
    marks: dict[date, set[str]] = {}
    for letter in letters:
        if letter.day.year == year:
            marks.setdefault(letter.day, set()).add(letter.direction)
    return marks


def cell_mark(directions: set[str] | None) -> str:
    """The character for one day: nothing, sent, received or both."""
    if not directions:
        return EMPTY
    if len(directions) > 1:
        return BOTH_MARK
    return SENT_MARK if "sent" in directions else RECEIVED_MARK


class YearLetters(Widget):
    """Letters sent and received in one year, a cell per day; days outside the year stay blank."""

    DEFAULT_CSS = """
    YearLetters { height: 10; width: auto; padding: 0 1; }
    """

    def __init__(self, year: int, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.year = year
        self.marks: dict[date, set[str]] = {}
        self.today: date | None = None

    def show(self, year: int, letters: Iterable[Letter], today: date | None = None) -> None:
        """Draw `year` with these letters; `today` gets a quiet underline."""
        self.year = year
        self.marks = day_marks(letters, year)
        self.today = today
        self.refresh(layout=True)

    def get_content_width(self, container, viewport) -> int:
        """The label column and one cell per week."""
        return LABEL_WIDTH + week_columns(self.year)

    def render(self) -> Text:
        """Month names, seven weekday rows and a legend."""
        lines = [self._month_line()]
        lines += [self._weekday_line(weekday) for weekday in range(7)]
        lines.append(self._legend())
        return Text("\n").join(lines)

    def _month_line(self) -> Text:
        line = [" "] * (LABEL_WIDTH + week_columns(self.year) + 3)
        for month in range(1, 13):
            column = LABEL_WIDTH + (date(self.year, month, 1) - first_monday(self.year)).days // 7
            line[column:column + 3] = MONTHS[month - 1]
        return Text("".join(line).rstrip(), style="dim")

    def _weekday_line(self, weekday: int) -> Text:
        text = Text(f"{WEEKDAY_LABELS[weekday]:<{LABEL_WIDTH}}", style="dim")
        start = first_monday(self.year) + timedelta(days=weekday)
        for week in range(week_columns(self.year)):
            day = start + timedelta(weeks=week)
            text.append_text(self._cell(day))
        return text

    def _cell(self, day: date) -> Text:
        if day.year != self.year:
            return Text(" ")
        directions = self.marks.get(day)
        mark = cell_mark(directions)
        style = "bold" if directions else "dim"
        if day == self.today:
            style += " underline"
        return Text(mark, style=style)

    def _legend(self) -> Text:
        # Counted in days, as the cells are.
        sent = sum(1 for d in self.marks.values() if "sent" in d)
        received = sum(1 for d in self.marks.values() if "received" in d)
        text = Text(" " * LABEL_WIDTH)
        text.append(f"{SENT_MARK} you wrote ({sent})  {RECEIVED_MARK} a letter came ({received})  {BOTH_MARK} both",
                    style="dim")
        return text
