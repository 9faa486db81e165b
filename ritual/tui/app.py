"""The Textual app: composes the screens and routes between them; the screens own their logic."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from functools import partial
from importlib import import_module
from time import monotonic
from typing import TYPE_CHECKING

from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.notifications import Notify
from textual.screen import Screen

from ritual.clock import Clock
from ritual.errors import RitualError
from ritual.paths import Paths
from ritual.services.setup.app_choices import keep_choice, load_choices
from ritual.settings.load import Settings
from ritual.store.database import Database
from ritual.text.safe import one_line, visible
from ritual.tui.daemon_threads import use_daemon_threads
from ritual.tui.data import RitualData
from ritual.tui.messages import DataChanged, DemoFriendsLoaded, FriendChosen, FriendDeleted, FriendSaved
from ritual.tui.memory import settle_after_start
from ritual.tui.messages import LetterBoxChanged, RitualRequested
from ritual.tui.key_lists import PALETTE_NOISE, key_table, palette_worthy
from ritual.tui.palette import RitualCommands
from ritual.tui.read_ahead import ReadsAhead
from ritual.tui.safe_text import show_control_characters
from ritual.tui.screens.base import DataScreen
from ritual.tui.screens.week import WeekScreen

if TYPE_CHECKING:
    from ritual.context import RitualContext
    from ritual.tui.transfer_messages import ContactsImported

CHECK_SECONDS = 2.0
# The daily backup is looked for this often while the app stays open over midnight (one file's date).
BACKUP_CHECK_SECONDS = 3600
# Long enough to read a summary once; at 80×24 a toast covers half the screen, and the week keeps every reminder.
REMINDER_TOAST_SECONDS = 12
# The most toasts on screen at any time; the oldest gives way to a new one.
MOST_TOASTS = 3
# How long a removal or a status step can be taken back with z.
UNDO_SECONDS = 10
SCREEN_NAMES = {"week": "The week", "friends": "Friends", "calendar": "Calendar", "box": "Letter box"}
# The sections besides the week, each a mode of the app: (module in ritual.tui.screens, screen class).
SECTIONS = {"friends": ("friends", "FriendsScreen"), "calendar": ("calendar", "CalendarScreen"),
            "box": ("letter_box", "LetterBoxScreen")}


class RitualApp(ReadsAhead, App[None]):
    """Week, friends and calendar as three modes; profiles and forms open on top."""

    # The screens whose code ReadsAhead loads: the sections, and the two a week's work leads to.
    SCREENS_READ_AHEAD = (*(module for module, _ in SECTIONS.values()), "ritual", "review")
    # The sections slowest to open the first time, built off screen while the app is idle (their data is read
    # meanwhile, the calendar's by the reading ahead).
    SECTIONS_BUILT_AHEAD = ("box", "calendar")

    TITLE = "ritual"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {RitualCommands}
    BINDINGS = [
        Binding("w", "show('week')", "Week"),
        Binding("f", "show('friends')", "Friends"),
        Binding("c", "show('calendar')", "Calendar"),
        Binding("b", "show('box')", "Letters"),
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("q", "quit", "Quit"),
        Binding("z", "undo", "Undo", show=False),
        # Above every widget (a text field would copy instead): ctrl+c leaves, as in most terminal programs.
        Binding("ctrl+c", "quit_asking", "Quit", show=False, priority=True),
    ]

    def __init__(self, settings: Settings, db: Database, clock: Clock, check_seconds: float = CHECK_SECONDS,
                 paths: Paths | None = None, *, heartbeat_seconds: float | None = None,
                 reminder_now: Callable[[], datetime] | None = None) -> None:
        show_control_characters()
        super().__init__()
        self.heartbeat_seconds = heartbeat_seconds
        self.reminder_now = reminder_now
        self.reminders = None
        self.paths = paths  # where the user's own prompt decks live
        self.data = RitualData(settings, db, clock)
        self.data_generation = 0
        self.check_seconds = check_seconds
        self.choices = load_choices(paths.state_dir) if paths is not None else {}
        self.add_mode("week", partial(WeekScreen, self.data))
        for mode, (module, name) in SECTIONS.items():
            self.add_mode(mode, partial(self._new_screen, module, name))

    def _new_screen(self, module: str, name: str, *args, **kwargs) -> Screen:
        """A screen on the app's data, its module imported when first opened: the first frame needs only the week."""
        return screen_class(module, name)(self.data, *args, **kwargs)

    def _open_once(self, module: str, name: str) -> None:
        """Open a screen on the app's data, unless it is the one showing."""
        if type(self.screen).__name__ != name:
            self.push_screen(self._new_screen(module, name))

    def notify(self, message: str, *, title: str = "", severity="information", timeout: float | None = None,
               markup: bool = True) -> None:
        """Every toast as plain text: a name in it can neither steer the terminal nor act as markup."""
        super().notify(visible(message), title=one_line(title),
                       severity=severity, timeout=timeout, markup=False)

    def on_mount(self) -> None:
        """Open the week, or the welcome when there is nobody yet; start the light change check."""
        use_daemon_threads()  # quitting never waits for background work
        self._use_kept_theme()
        self.switch_mode("week")
        if self.data.count() == 0:
            self.push_screen(self._new_screen("onboarding", "OnboardingScreen", self.paths))
        self.data.note_own_change()
        self._mark_open()
        self.set_interval(self.check_seconds, self.check_for_changes)
        self.set_interval(BACKUP_CHECK_SECONDS, self.keep_daily_backup)
        # Building the reminder jobs reads the plan: after the first frame, so the app shows at once.
        self.call_after_refresh(self.start_reminders)
        self.call_after_refresh(settle_after_start)
        self.start_reading_ahead()

    def _use_kept_theme(self) -> None:
        """The theme chosen last time, then keep each new choice."""
        if self.choices.get("theme") in self.available_themes:
            self.theme = self.choices["theme"]
        self.theme_changed_signal.subscribe(self, lambda theme: self.keep_choice("theme", theme.name))

    def keep_choice(self, key: str, value: str) -> None:
        """Keep a choice (theme, sort) for the next start; without a home folder it lasts this run only."""
        self.choices[key] = value
        if self.paths is not None:
            try:
                self.choices = keep_choice(self.paths.state_dir, key, value)
            except (OSError, RitualError) as exc:
                self.notify(f"Could not keep the choice for next time: {exc}", severity="warning")

    def offer_undo(self, done: str, point) -> None:
        """Say what was done, and keep it undoable with z for a few seconds."""
        done = done.rstrip(".")
        self.undoable = (done, point, monotonic() + UNDO_SECONDS)
        self.notify(f"{done} · z to undo", timeout=UNDO_SECONDS)
        self.data_changed()

    def action_undo(self) -> None:
        """Take back the last removal or status step while its few seconds last."""
        done, point, until = getattr(self, "undoable", (None, None, 0.0))
        if point is None or monotonic() > until:
            if isinstance(self.screen, DataScreen) and self.screen.has_search:
                self.screen.start_typing("z")  # nothing to undo: z is the first letter of a search (Zara)
            else:
                self.notify("Nothing to undo now.")
            return
        self.undoable = (None, None, 0.0)
        try:
            self.data.undo(point)
        except RitualError as exc:
            self.notify(exc.message, title="Not undone")
            return
        self.notify(f"Undone: {done[0].lower()}{done[1:]}")
        self.data_changed()

    def action_quit_asking(self) -> None:
        """Quit at once, or after asking when a form holds changes not saved yet."""
        unsaved = [s for s in self.screen_stack if getattr(s, "has_unsaved_changes", lambda: False)()]
        if not unsaved:
            self.exit()
        elif type(self.screen).__name__ != "ConfirmScreen":
            self.push_screen(screen_class("confirm", "ConfirmScreen")("A form has changes not saved yet. Quit anyway?", "Quit"),
                             lambda yes: self.exit() if yes else None)

    def start_reminders(self) -> None:
        """Deliver reminders while the app is open, on the same clock as the screens when it is fixed."""
        # The scheduler and the notifiers load here, not at import, to keep the first frame quick.
        from ritual.clock import utc_now
        from ritual.services.reminders.jobs import HEARTBEAT_SECONDS, start_app_reminders

        clock = self.data.clock
        now = self.reminder_now or (clock.now if clock.fixed_today else utc_now)
        self.reminders = start_app_reminders(self.data.settings, self.data.db.path, toast=self.show_reminder,
                                             now=now, heartbeat_seconds=self.heartbeat_seconds or HEARTBEAT_SECONDS,
                                             paths=self.paths)

    def show_reminder(self, reminder, late: bool) -> None:
        """*thread*: a due reminder (many at once arrive already grouped into one summary) as a toast."""
        self.call_from_thread(self._toast_reminder, reminder, late)

    def _toast_reminder(self, reminder, late: bool) -> None:
        """A reminder as a toast; the week's digest only points at the week when that week is on screen."""
        from ritual.services.reminders.notifiers import body_text, headline
        from ritual.text.reminders import brief

        on_screen = isinstance(self.screen, WeekScreen) and self.screen.shows_digest(reminder)
        title = headline(reminder, late)
        # A toast is 60 columns wide at most and half the screen at least, less its padding and edge.
        width = min(60, self.size.width // 2) - 3
        body = "It is the week on screen now." if on_screen else brief(body_text(reminder), width=width, title=title)
        # Names come from the user's data: shown as they are, never read as markup.
        self.notify(body, title=title, timeout=REMINDER_TOAST_SECONDS, markup=False)

    def on_notify(self, _: Notify) -> None:
        """Keep at most a few toasts on screen, once the new one is in."""
        self.call_later(self._trim_toasts)

    def _trim_toasts(self) -> None:
        """The oldest toasts give way to the newest few."""
        shown = list(self._notifications)
        for oldest in shown[: max(0, len(shown) - MOST_TOASTS)]:
            self._unnotify(oldest, refresh=False)
        self._refresh_notifications()

    def _mark_open(self) -> None:
        """Let `ritual remind --status` know reminders reach this app."""
        from ritual.services.reminders.app_presence import mark_app_open

        self.presence = mark_app_open(self.paths.state_dir) if self.paths is not None else None

    def on_unmount(self) -> None:
        """Stop the reminder engine with the app, and no longer count as open."""
        from ritual.services.reminders.app_presence import mark_app_closed

        if self.reminders is not None:
            self.reminders.stop()
        if getattr(self, "presence", None) is not None:
            mark_app_closed(self.presence)

    @work(thread=True, exclusive=True, group="reminders")
    def refresh_reminders(self) -> None:
        """*worker*: rebuild the reminder jobs from the changed data."""
        if self.reminders is not None:
            self.reminders.refresh()

    @work(thread=True, exclusive=True, group="daily-backup")
    def keep_daily_backup(self) -> None:
        """*worker*: the day's rolling backup, when the app stayed open past midnight."""
        from ritual.services.backup.rolling import backup_quietly

        if self.paths is None:
            return
        with self.data.writer() as db:
            backup_quietly(db, self.paths, self.data.settings.backups_keep, self.data.clock.now())

    def action_show(self, mode: str) -> None:
        """Go to the week, the friends, the calendar or the letter box itself, never to a screen opened there."""
        self.switch_mode(mode)
        while len(self.screen_stack) > 1:
            self.pop_screen()

    def action_add_friend(self) -> None:
        """Open the form for a new friend."""
        self.push_screen(self._new_screen("friend_form", "FriendFormScreen"))

    def action_export(self) -> None:
        """Export the calendar as an .ics file (and to CalDAV when set)."""
        self._open_once("export", "ExportScreen")

    def action_import(self) -> None:
        """Import contacts or birthdays from a file."""
        self._open_once("import_contacts", "ImportScreen")

    def action_supplies(self) -> None:
        """Stamps and cards on hand."""
        self._open_once("supplies", "SuppliesScreen")

    def action_review(self) -> None:
        """The weekly review."""
        self._open_once("review", "ReviewScreen")

    def action_projects(self) -> None:
        """Projects and where each card stands."""
        self._open_once("projects", "ProjectsScreen")

    def on_contacts_imported(self, message: ContactsImported) -> None:
        """Friends came in from a file: say so, and refresh what shows them."""
        self.notify(message.report.headline(), title="Import done")
        self.data_changed()

    def action_help(self) -> None:
        """Show the keys of the current screen."""
        if type(self.screen).__name__ == "HelpScreen":
            return
        self.push_screen(screen_class("help", "HelpScreen")(self._screen_title(), self.key_table()))

    def key_table(self) -> list[tuple[str, str]]:
        """Each active binding with a description, as (keys, what it does)."""
        return key_table(self)

    def _screen_title(self) -> str:
        if type(self.screen).__name__ == "ProfileScreen" and self.screen.friend:
            return self.screen.friend.name
        return SCREEN_NAMES.get(self.current_mode, "ritual")

    def on_friend_chosen(self, message: FriendChosen) -> None:
        """Open a friend's profile over whatever is showing."""
        self.push_screen(self._new_screen("profile", "ProfileScreen", message.friend_id))

    def on_friend_saved(self, message: FriendSaved) -> None:
        """A friend was saved here: say so, and refresh what shows them."""
        self.notify(f"Saved {message.friend.name}.")
        self.data_changed()

    def on_friend_deleted(self, message: FriendDeleted) -> None:
        """A friend was removed here: it can be taken back for a few seconds."""
        if message.restore_point is None:
            self.notify(f"Removed {message.name}.")
            self.data_changed()
        else:
            self.offer_undo(f"Removed {message.name}", message.restore_point)

    def on_demo_friends_loaded(self, message: DemoFriendsLoaded) -> None:
        """Demo friends arrived."""
        self.notify(f"Added {message.count} demo friends. Have a look around.")
        self.data_changed()

    def on_ritual_requested(self, message: RitualRequested) -> None:
        """Sit down to write to a friend."""
        self.push_screen(self._new_screen("ritual", "RitualScreen", message.friend_id, message.occasion,
                                          paths=self.paths, answering=message.answering))

    def on_letter_box_changed(self, message: LetterBoxChanged) -> None:
        """Letters or answers were saved here: say so when there is something to say, and refresh."""
        if message.note:
            self.notify(message.note)
        self.data_changed()

    def data_changed(self, elsewhere: bool = False) -> None:
        """Mark every screen stale and reload the one showing."""
        if not elsewhere:
            self.data.note_own_change()
        self.data_generation += 1
        self.call_after_refresh(self._refresh_showing)
        self.refresh_reminders()

    def _refresh_showing(self) -> None:
        if isinstance(self.screen, DataScreen):
            self.screen.post_message(DataChanged())

    def check_for_changes(self) -> None:
        """Reload when another ritual process changed the data (a cheap query when nothing did)."""
        if self.data.changed_elsewhere():
            self.data_changed(elsewhere=True)

    def on_app_focus(self, _: events.AppFocus) -> None:
        """Coming back to the terminal is a good moment to look for changes."""
        self.check_for_changes()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every action of the screen and the app once each, then Textual's themes and quit; no cursor moves."""
        seen_titles, seen_actions = set(), set()
        for active in screen.active_bindings.values():
            binding = active.binding
            action = binding.action.removeprefix("app.")
            if not palette_worthy(active) or binding.description in seen_titles or action in seen_actions:
                continue
            seen_titles.add(binding.description)
            seen_actions.add(action)
            yield SystemCommand(binding.description, f"key: {self.get_key_display(binding)}",
                                partial(self._run_from_palette, active.node, binding.action))
        extras = (("add_friend", "Add a friend", "open the form for someone new", self.action_add_friend),
                  ("export", "Export the calendar", "an .ics file, and CalDAV when set", self.action_export),
                  ("import", "Import contacts or birthdays", "from vCard, CSV or .ics files", self.action_import))
        for action, title, help_text, callback in extras:
            if action not in seen_actions:
                yield SystemCommand(title, help_text, callback)
        yield from (c for c in super().get_system_commands(screen)
                    if c.title not in PALETTE_NOISE and c.title not in seen_titles)

    async def _run_from_palette(self, node, action: str) -> None:
        await self.run_action(action, node)


def screen_class(module: str, name: str) -> type[Screen]:
    """A screen class from `ritual.tui.screens`, imported the first time it is needed."""
    return getattr(import_module(f"ritual.tui.screens.{module}"), name)


def build_app(context: RitualContext, check_seconds: float = CHECK_SECONDS) -> RitualApp:
    """The one factory used by the CLI and the tests."""
    return RitualApp(context.settings, context.db, context.clock, check_seconds, paths=context.paths)
