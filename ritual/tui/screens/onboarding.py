"""The first screen on an empty address book: a friendly way in."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Input, Static

from ritual.errors import InvalidValue
from ritual.tui.messages import DemoFriendsLoaded
from ritual.tui.screens.friend_form import FriendFormScreen
from ritual.tui.screens.import_contacts import ImportScreen
from ritual.tui.widgets.fitting_footer import FittingFooter
from ritual.tui.widgets.form_field import FormField

if TYPE_CHECKING:
    from ritual.tui.data import RitualData

WELCOME = """Welcome to ritual.

ritual remembers the days that matter to the people you write to,
works out when each card has to be written and posted to arrive on time,
and keeps your week of letter writing calm.

Start with one person you would like to write to, bring in the contacts
you already keep, or look around with a few invented friends first."""


class OnboardingScreen(Screen):
    """Add a friend, import contacts, or load demo friends."""

    BINDINGS = [
        Binding("a", "add_friend", "Add a friend"),
        Binding("d", "load_demo", "Load demo friends"),
        Binding("i", "import_contacts", "Import contacts"),
    ]

    # The choices take the keys; the country field is one Tab away (letters typed there are not shortcuts).
    AUTO_FOCUS = "#onboard-add"

    def __init__(self, data: RitualData, paths=None) -> None:
        super().__init__()
        self.data = data
        self.paths = paths

    def compose(self) -> ComposeResult:
        """A short welcome, where you post from, and three choices."""
        from ritual.services.setup.home_country import suggestion

        code, hint = suggestion(self.data.settings)
        with Center():
            with Vertical(id="onboarding", classes="dialog"):
                yield Static(WELCOME, id="onboarding-text")
                yield FormField("Posting from", Input(code, placeholder="DE or Germany", id="home-country"),
                                id="row-home-country")
                yield Static(hint, id="home-country-hint")
                with Horizontal(id="onboard-choices"):
                    yield Button("Add a friend (a)", id="onboard-add", variant="primary")
                    yield Button("Load demo friends (d)", id="onboard-demo")
                    yield Button("Import contacts (i)", id="onboard-import")
        yield FittingFooter()

    def _keep_country(self) -> bool:
        """Keep where the user posts from before going on; False (with the reason shown) when it is no country."""
        from ritual.services.setup.home_country import choose_home_country

        row = self.query_one("#row-home-country", FormField)
        try:
            self.data.settings = choose_home_country(self.data.settings, self.paths,
                                                     self.query_one("#home-country", Input).value)
        except InvalidValue as exc:
            row.show_message(exc.message)
            self.query_one("#home-country", Input).focus()
            return False
        row.clear_message()
        return True

    @on(Input.Submitted, "#home-country")
    def _country_submitted(self) -> None:
        if self._keep_country():
            self.query_one("#onboard-add", Button).focus()

    @on(Button.Pressed, "#onboard-add")
    def action_add_friend(self) -> None:
        """Open the friend form; once someone is saved, the week takes over."""
        if not self._keep_country():
            return
        self.app.push_screen(FriendFormScreen(self.data), self._after_form)

    @on(Button.Pressed, "#onboard-import")
    def action_import_contacts(self) -> None:
        """Open the import; once someone came in, the week takes over."""
        if not self._keep_country():
            return
        self.app.push_screen(ImportScreen(self.data), self._after_import)

    def _after_import(self, imported: int | None) -> None:
        if imported:
            self.dismiss()

    def _after_form(self, friend) -> None:
        if friend is not None:
            self.dismiss()

    @on(Button.Pressed, "#onboard-demo")
    def action_load_demo(self) -> None:
        """Fill the home with invented friends to look around."""
        if not self._keep_country():
            return
        added = self.data.add_demo_friends()
        self.post_message(DemoFriendsLoaded(added))
        self.dismiss()
