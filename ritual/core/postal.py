"""Postal timing: transit working days to a country, mail days, and the post-by and write-by dates."""

from collections.abc import Mapping
from datetime import date, timedelta
from types import MappingProxyType
from typing import NamedTuple

from ritual.core.records import Checked
from ritual.errors import InvalidValue

_ONE_DAY = timedelta(days=1)


# Read-only, so every table without figures of its own may share the one empty mapping.
_NONE: Mapping = MappingProxyType({})


class _TransitFields(NamedTuple):
    """The fields of a TransitTable."""

    domestic: int
    same_region: int
    world: int
    regions: Mapping[str, frozenset[str]] = _NONE
    overrides: Mapping[str, int] = _NONE
    # Researched figures that beat the generic ones: domestic transit per home country, transit per region.
    domestic_by_country: Mapping[str, int] = _NONE
    region_days: Mapping[str, int] = _NONE


class TransitTable(Checked, _TransitFields):
    """Working days a card takes from the home country to a destination."""

    __slots__ = ()

    def _check(self) -> None:
        for name, days in (("domestic", self.domestic), ("same_region", self.same_region), ("world", self.world)):
            if days < 0:
                raise InvalidValue(f"transit.{name}", days, "must not be negative")
        for table, values in (("overrides", self.overrides), ("domestic", self.domestic_by_country),
                              ("region_transit", self.region_days)):
            for name, days in values.items():
                if days < 0:
                    raise InvalidValue(f"transit.{table}.{name}", days, "must not be negative")

    def days(self, home: str, destination: str) -> int:
        """Transit working days from `home` to `destination` (domestic when unknown)."""
        if not destination or destination == home:
            return self.domestic_by_country.get(home, self.domestic)
        if destination in self.overrides:
            return self.overrides[destination]
        # Two countries may share several regions (the EU inside Europe): the one with a researched figure wins.
        shared = [self.region_days.get(name, self.same_region)
                  for name, members in self.regions.items() if home in members and destination in members]
        return min(shared) if shared else self.world

    def longest(self) -> int:
        """The longest transit in the table, for planning look-ahead."""
        return max(self.domestic, self.same_region, self.world, *self.overrides.values(),
                   *self.domestic_by_country.values(), *self.region_days.values(), 0)


class _MailFields(NamedTuple):
    """The fields of a MailCalendar."""

    mail_weekdays: frozenset[int]
    holidays: frozenset[date] = frozenset()


class MailCalendar(Checked, _MailFields):
    """The days the post runs: weekdays (0 = Monday) minus public holidays."""

    __slots__ = ()

    def _check(self) -> None:
        if not self.mail_weekdays or not self.mail_weekdays <= set(range(7)):
            raise InvalidValue("mail_days", sorted(self.mail_weekdays), "must name at least one weekday")

    def is_mail_day(self, day: date) -> bool:
        """True when letters are collected and delivered on `day`."""
        return day.weekday() in self.mail_weekdays and day not in self.holidays

    def last_mail_day_on_or_before(self, day: date) -> date:
        """The latest mail day not after `day`."""
        while not self.is_mail_day(day):
            day -= _ONE_DAY
        return day

    def first_mail_day_on_or_after(self, day: date) -> date:
        """The earliest mail day not before `day`."""
        while not self.is_mail_day(day):
            day += _ONE_DAY
        return day

    def mail_days_before(self, day: date, count: int) -> date:
        """The mail day `count` mail days before `day`."""
        while count > 0:
            day -= _ONE_DAY
            if self.is_mail_day(day):
                count -= 1
        return day

    def mail_days_after(self, day: date, count: int) -> date:
        """The mail day `count` mail days after `day`."""
        while count > 0:
            day += _ONE_DAY
            if self.is_mail_day(day):
                count -= 1
        return day


def post_by(occasion: date, transit_days: int, mail: MailCalendar) -> date:
    """The last day to post so the card is delivered on or before `occasion`."""
    delivery = mail.last_mail_day_on_or_before(occasion)
    return mail.mail_days_before(delivery, transit_days)


def write_by(posted_by: date, writing_lead_days: int) -> date:
    """The day to write by: the writing lead (calendar days) before the post-by date."""
    return posted_by - timedelta(days=writing_lead_days)


def earliest_arrival(today: date, transit_days: int, mail: MailCalendar) -> date:
    """When a card posted at the first chance from `today` would arrive."""
    return mail.mail_days_after(mail.first_mail_day_on_or_after(today), transit_days)
