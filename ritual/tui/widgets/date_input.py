"""A date field: takes day words (`tomorrow`, `+3d`, `next fri`, `8 jan`) and opens a month picker on F2 or ctrl+d."""

from __future__ import annotations

from datetime import date

from textual import events
from textual.binding import Binding
from textual.widgets import Input

from ritual.core.date_words import parse_day_words
from ritual.errors import InvalidValue
from ritual.tui.widgets.form_field import compact as make_compact

FULL_DAY = "day"
YEARLY = "yearly"


class DateInput(Input):
    """An Input for a date; F2 or ctrl+d opens a month grid, arrows move, enter chooses."""

    BINDINGS = [Binding("f2,ctrl+d", "pick_date", "Pick a date", key_display="F2")]

    def __init__(self, value: str = "", *, today: date, kind: str = FULL_DAY, placeholder: str = "",
                 id: str | None = None, compact: bool = True) -> None:
        super().__init__(value, placeholder=placeholder, id=id)
        if compact:
            make_compact(self)
        self.today = today
        self.kind = kind

    def current_day(self) -> date:
        """The day the text means, or today when it means none yet (where the picker opens)."""
        try:
            return parse_day_words(self.value, self.today)
        except InvalidValue:
            return self.today

    def action_pick_date(self) -> None:
        """Open the month grid on the field's day; the chosen day replaces the text."""
        from ritual.tui.screens.date_picker import DatePickerScreen

        self.app.push_screen(DatePickerScreen(self.current_day(), self.today), self._chosen)

    def _chosen(self, day: date | None) -> None:
        if day is None:
            return
        self.value = day.isoformat() if self.kind == FULL_DAY or day.year != self.today.year else f"{day:--%m-%d}"
        self.cursor_position = len(self.value)
        self.focus()

    def on_blur(self, _: events.Blur) -> None:
        """A full day typed as words is shown as the date it means, so what is saved is what you see."""
        if self.kind != FULL_DAY or not self.value.strip():
            return
        try:
            day = parse_day_words(self.value, self.today)
        except InvalidValue:
            return
        if day.isoformat() != self.value.strip():
            self.value = day.isoformat()
