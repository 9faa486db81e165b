"""Adding or changing a friend: every field checked, its message shown beside it, nothing saved until all is well."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from collections.abc import Callable

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Select, Static

from ritual.core.model import Address, Friend
from ritual.errors import InvalidValue, RitualError
from ritual.services.contacts import friend_fields as fields
from ritual.tui.messages import FriendSaved
from ritual.tui.widgets.date_input import FULL_DAY, YEARLY, DateInput
from ritual.tui.widgets.field_grid import FieldGrid
from ritual.tui.widgets.form_field import FieldMessages, compact
from ritual.tui.safe_text import markup_safe
from ritual.tui.screens.base import QuickOpening

if TYPE_CHECKING:
    from ritual.tui.data import RitualData

# Rows of fields shown at most, and the rows the dialog itself takes around them (border, padding, title, buttons).
MOST_FIELD_ROWS = 22
FORM_CHROME_ROWS = 10

# (field id, label, placeholder); every one is an Input.
TEXT_FIELDS = (
    ("name", "Name", "as you write it on the envelope"),
    ("nickname", "Nickname", ""),
    ("birthday", "Birthday", "8 January, 8 January 1990, june · F2 picks"),
    ("relationship", "Relationship", "friend, family, pen pal, …"),
    ("tags", "Circles", "comma separated: school, choir"),
    ("street", "Street", ""),
    ("street2", "Street, line 2", ""),
    ("postal_code", "Postal code", ""),
    ("city", "City", ""),
    ("region", "Region", "state, province or county"),
    ("country", "Country", "code or name: DE, Japan"),
    ("cadence", "Keep in touch", "every so many days, or empty"),
    ("last_sent", "Last sent", "yesterday, 8 jan, YYYY-MM-DD · F2"),
    ("last_received", "Last received", "yesterday, 8 jan, YYYY-MM-DD · F2"),
    ("how_met", "How you met", ""),
    ("notes", "Notes", ""),
)
DATE_KINDS = {"birthday": YEARLY, "last_sent": FULL_DAY, "last_received": FULL_DAY}
FEB29_CHOICES = (("as in settings", "default"), ("28 February", "feb28"), ("1 March", "mar1"))
# Which form field an InvalidValue raised by the core or services belongs to.
ERROR_FIELDS = {"name": "name", "birthday": "birthday", "country": "country", "keep-in-touch": "cadence",
                "last sent": "last_sent", "last received": "last_received", "feb29": "feb29"}


class FriendFormScreen(QuickOpening, FieldMessages, ModalScreen[Friend | None]):
    """A modal form for one friend; escape leaves everything as it was."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save"),
    ]
    # Straight into the name field: focusing the scrolling fields first, as Textual would, restyles every field
    # twice (on focus, and on leaving it for the name).
    AUTO_FOCUS = "#field-name"

    def __init__(self, data: RitualData, friend: Friend | None = None) -> None:
        super().__init__()
        self.data = data
        self.friend = friend

    def compose(self) -> ComposeResult:
        """Every field, then Save and Cancel."""
        title = f"Change {markup_safe(self.friend.name)}" if self.friend else "A new friend"
        with Vertical(id="friend-form", classes="dialog form"):
            yield Static(title, classes="dialog-title")
            yield FieldGrid(self._fields(), classes="form-fields")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", id="form-save", variant="primary")
                yield Button("Cancel (esc)", id="form-cancel")

    def _fields(self) -> list[tuple[str, str, Widget]]:
        """(key, label, widget) for every field, in order."""
        found: list[tuple[str, str, Widget]] = [(key, label, self._input(key, placeholder))
                                                for key, label, placeholder in TEXT_FIELDS]
        found.append(("feb29", "29 February", Select(FEB29_CHOICES, value=self._initial("feb29"), allow_blank=False,
                                                     compact=True, id="field-feb29")))
        found.append(("birthday_card", "Birthday card",
                      Checkbox("plan a card for the birthday", self.friend.birthday_card if self.friend else True,
                               compact=True, id="field-birthday_card")))
        return found

    def _input(self, key: str, placeholder: str) -> Input:
        """A date field for the dates (with its picker), a plain text field for the rest."""
        if key in DATE_KINDS:
            return DateInput(self._initial(key), today=self.data.today(), kind=DATE_KINDS[key],
                             placeholder=placeholder, id=f"field-{key}")
        return compact(Input(self._initial(key), placeholder=placeholder, id=f"field-{key}"))

    def _initial(self, key: str) -> str:
        return initial_values(self.friend).get(key, "")

    def on_mount(self) -> None:
        """Save and Cancel in sight; the name field has the keys (AUTO_FOCUS)."""
        self._fit_fields(self.app.size.height)

    def on_resize(self, event: events.Resize) -> None:
        """A short terminal scrolls the fields rather than push Save and Cancel out of sight."""
        self._fit_fields(event.size.height)

    def _fit_fields(self, height: int) -> None:
        # The dialog's border, padding, title and buttons take FORM_CHROME_ROWS; the fields get the rest.
        self.query_one(".form-fields").styles.max_height = max(3, min(MOST_FIELD_ROWS, height - FORM_CHROME_ROWS))

    @on(Input.Blurred)
    def _check_left_field(self, event: Input.Blurred) -> None:
        key = (event.input.id or "").removeprefix("field-")
        if key in PARSERS:
            self._show(key, check_field(key, event.input.value, self.data.today()))

    @on(Input.Submitted)
    @on(Button.Pressed, "#form-save")
    def action_save(self) -> None:
        """Save when every field is valid; otherwise show each message and stay."""
        friend, problems = build_friend(self.friend, self._values(), self.data.today())
        for key in ("feb29", *(k for k, _, _ in TEXT_FIELDS)):
            self._show(key, problems.get(key, ""))
        if problems:
            self.query_one(f"#field-{next(iter(problems))}").focus()
            return
        try:
            stored = self.data.save_friend(friend)
        except RitualError as exc:
            self.notify(exc.message, title="Not saved")
            return
        self.post_message(FriendSaved(stored))
        self.dismiss(stored)

    @on(Button.Pressed, "#form-cancel")
    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)

    def _values(self) -> dict[str, object]:
        values: dict[str, object] = {key: self.query_one(f"#field-{key}", Input).value for key, _, _ in TEXT_FIELDS}
        values["feb29"] = self.query_one("#field-feb29", Select).value
        values["birthday_card"] = self.query_one("#field-birthday_card", Checkbox).value
        return values


PARSERS: dict[str, Callable[[str, date], object]] = {
    "birthday": lambda text, _: fields.parse_birthday(text),
    "cadence": lambda text, _: fields.parse_cadence(text),
    "country": lambda text, _: fields.build_address(country=text).country,
    "last_sent": lambda text, today: fields.parse_optional_day(text, "last sent", today),
    "last_received": lambda text, today: fields.parse_optional_day(text, "last received", today),
    "name": lambda text, _: Friend(name=text).name,
}


def check_field(key: str, text: str, today: date) -> str:
    """The message for one field's text, or an empty string when it is fine."""
    try:
        PARSERS[key](text, today)
    except InvalidValue as exc:
        return describe(exc)
    return ""


def describe(exc: InvalidValue) -> str:
    """A gentle sentence for a value that cannot be used."""
    if exc.value in ("", None):
        return f"Please fill this in: it {exc.problem}."
    return f"“{exc.value}” {exc.problem}."


def initial_values(friend: Friend | None) -> dict[str, str]:
    """The text each field starts with."""
    if friend is None:
        return {"feb29": "default"}
    address = friend.addresses[0] if friend.addresses else Address()
    return {
        "name": friend.name, "nickname": friend.nickname,
        "birthday": friend.birthday.words() if friend.birthday else "",
        "relationship": friend.relationship, "tags": ", ".join(friend.tags),
        "street": address.lines[0] if address.lines else "",
        "street2": address.lines[1] if len(address.lines) > 1 else "", "postal_code": address.postal_code,
        "city": address.city, "region": address.region, "country": address.country,
        "cadence": str(friend.cadence_days or ""),
        "last_sent": friend.last_sent.isoformat() if friend.last_sent else "",
        "last_received": friend.last_received.isoformat() if friend.last_received else "",
        "how_met": friend.how_met, "notes": friend.notes, "feb29": friend.feb29 or "default",
    }


def build_friend(original: Friend | None, values: dict, today: date) -> tuple[Friend | None, dict[str, str]]:
    """The friend the form describes, or the message for every field that is not right."""
    problems = {key: message for key in PARSERS if (message := check_field(key, str(values[key]), today))}
    if problems:
        return None, problems
    text = {key: str(value).strip() for key, value in values.items()}
    try:
        changes = dict(
            name=text["name"], nickname=text["nickname"], relationship=text["relationship"],
            how_met=text["how_met"], notes=str(values["notes"]).strip(),
            birthday=fields.parse_birthday(text["birthday"]), feb29=fields.parse_feb29(text["feb29"]),
            birthday_card=bool(values["birthday_card"]), tags=fields.parse_tags([text["tags"]]),
            cadence_days=fields.parse_cadence(text["cadence"]),
            last_sent=fields.parse_optional_day(text["last_sent"], "last sent", today),
            last_received=fields.parse_optional_day(text["last_received"], "last received", today),
            addresses=_addresses(original, text),
        )
        base = original or Friend(name=text["name"] or "?")
        return base._replace(**changes), {}
    except InvalidValue as exc:
        return None, {ERROR_FIELDS.get(exc.field, "name"): describe(exc)}


def _addresses(original: Friend | None, text: dict[str, str]) -> tuple[Address, ...]:
    rest = original.addresses[1:] if original else ()
    parts = ("street", "street2", "postal_code", "city", "region", "country")
    if not any(text[p] for p in parts):
        return rest
    extra_lines = original.addresses[0].lines[2:] if original and original.addresses else ()
    primary = fields.build_address((text["street"], text["street2"], *extra_lines), text["city"], text["region"],
                                   text["postal_code"], text["country"],
                                   original.addresses[0].label if original and original.addresses else "home")
    return (primary, *rest)
