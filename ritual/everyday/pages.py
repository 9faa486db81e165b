"""What `ritual`, `ritual week` and `ritual upcoming` print once their arguments are read: the command line and
the quick door share these, so both print the same."""

from __future__ import annotations

from datetime import date, timedelta

from ritual.context import RitualContext
from ritual.core.planner import AgendaItem
from ritual.errors import InvalidValue
from ritual.services.planning.agenda import agenda
from ritual.store.friends import FriendRepository
from ritual.text.output import Styler
from ritual.text.render import render_upcoming
from ritual.text.safe import say
from ritual.text.setup import unchosen_hint

EMPTY_HINT = """No friends yet. Add the first one, for example:

  ritual friend add "Ana Souza" --birthday 1990-03-14 --country BR

or fill this home with demo friends to look around:  ritual demo"""


def show_home(context: RitualContext) -> None:
    """What bare `ritual` shows away from a terminal: this week, or how to begin on an empty database."""
    from ritual.services.planning.week import week as plan_week
    from ritual.text.week import week_text

    if FriendRepository(context.db).count() == 0:
        say(EMPTY_HINT)
        return
    plan = plan_week(context.settings, context.db, context.clock.today(), context.clock.today())
    say(week_text(plan, Styler(context.color)), color=context.color)
    _hint_unchosen_home(context)


def show_week(context: RitualContext, day: str | None, as_json: bool, show_all: bool) -> None:
    """The week holding `day` (today by default), Monday to Sunday, as text or JSON."""
    # The week's sessions, supplies and letter box load only here: `upcoming` needs none of them.
    from ritual.services.planning.week import week as plan_week
    from ritual.text.week import week_text

    target = _day_from(day, context.clock.today(), "--date")
    plan = plan_week(context.settings, context.db, target, context.clock.today())
    if as_json:
        import json

        from ritual.services.planning.serialize import week_entries

        say(json.dumps(week_entries(plan), ensure_ascii=False, indent=2))
    elif FriendRepository(context.db).count() == 0:
        say(EMPTY_HINT)
    else:
        say(week_text(plan, Styler(context.color), show_all), color=context.color)
        _hint_unchosen_home(context)


def show_upcoming(context: RitualContext, start: str | None, days: int | None, as_json: bool,
                  show_all: bool) -> None:
    """Everything due in the `days` from `start` (today, and the settings' span, by default)."""
    today = context.clock.today()
    first = _day_from(start, today, "--from")
    span = context.settings.upcoming_days if days is None else days
    if span < 1:
        raise InvalidValue("upcoming_days", span, "must be 1 or more: give --days, or set it in config.toml")
    last = first + timedelta(days=span - 1)
    items = agenda(context.settings, context.db, first, last, today)
    if as_json:
        print_json(items)
    else:
        say(render_upcoming(items, first, last, Styler(context.color), show_all), color=context.color)
        _hint_unchosen_home(context)


def print_json(items: list[AgendaItem]) -> None:
    """The agenda contract: a JSON array sorted by date then kind."""
    import json

    say(json.dumps([i.as_dict() for i in items], ensure_ascii=False, indent=2))


def _hint_unchosen_home(context: RitualContext) -> None:
    """Say so while the plan rests on a country the user never chose: nothing silently assumes the US."""
    if not context.settings.home_country_chosen:
        say("\n" + Styler(context.color).muted(unchosen_hint(context.settings.home_country)), color=context.color)


def _day_from(text: str | None, today: date, option: str) -> date:
    """The day named after `option`, or today when none is."""
    if not text:
        return today
    # Date words load only when a day is named: most runs plan from today, and their patterns cost every start.
    from ritual.core.date_words import parse_day_words

    return parse_day_words(text, today, option)
