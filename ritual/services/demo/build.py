"""Realistic demo friends, reproducible from a seed: for trying ritual out and for benchmarks."""

from __future__ import annotations

import random
from datetime import date, timedelta

from ritual.core.dates import PartialDate
from ritual.core.model import ANNIVERSARY, Address, Friend, Occasion
from ritual.services.demo.data import CIRCLES, HOW_MET, NOTES, PEOPLE, RELATIONSHIPS


def demo_friends(count: int, seed: int, today: date) -> list[Friend]:
    """`count` friends from many countries, with the tricky dates people really have."""
    rng = random.Random(seed)
    countries = sorted(PEOPLE)
    return [_friend(rng, countries[i % len(countries)] if i < len(countries) else rng.choice(countries), i, today)
            for i in range(count)]


def _friend(rng: random.Random, country: str, index: int, today: date) -> Friend:
    given, family, streets, towns = PEOPLE[country]
    city, postal_code, region = rng.choice(towns)
    address = Address(
        lines=(f"{rng.choice(streets)} {rng.randint(1, 120)}",),
        city=city,
        region=region,
        postal_code=postal_code,
        country=country,
        label="home",
    )
    cadence = rng.choice([None, None, None, 30, 60, 90, 180])
    # Most people are written to about as often as they wish; a few have gone quiet.
    usual_gap = int((cadence or 120) * rng.uniform(0.3, 1.15))
    last_sent = today - timedelta(days=max(3, usual_gap)) if rng.random() < 0.8 else None
    last_received = today - timedelta(days=rng.randint(5, 300)) if rng.random() < 0.5 else None
    return Friend(
        name=f"{rng.choice(given)} {rng.choice(family)}",
        birthday=_birthday(rng, index),
        feb29="mar1" if index % 97 == 7 else None,
        addresses=(address,),
        tags=tuple(sorted(set(rng.sample(CIRCLES, rng.randint(0, 2))))),
        relationship=rng.choice(RELATIONSHIPS),
        how_met=rng.choice(HOW_MET),
        notes=rng.choice(NOTES) if rng.random() < 0.4 else "",
        cadence_days=cadence,
        last_sent=last_sent,
        last_received=last_received,
        occasions=_occasions(rng),
    )


def _birthday(rng: random.Random, index: int) -> PartialDate | None:
    # A few of each hard case, spread through any number of friends.
    if index % 40 == 3:
        return PartialDate(2, 29, rng.choice([1980, 1984, 1992, 2000]))
    if index % 40 == 11:
        return PartialDate(2, 29)
    if index % 25 == 5:
        return PartialDate(rng.randint(1, 12))
    if index % 30 == 9:
        return None
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)
    year = None if rng.random() < 0.2 else rng.randint(1940, 2012)
    return PartialDate(month, day, year)


def _occasions(rng: random.Random) -> tuple[Occasion, ...]:
    if rng.random() > 0.15:
        return ()
    year = rng.randint(1975, 2024)
    return (Occasion(ANNIVERSARY, PartialDate(rng.randint(1, 12), rng.randint(1, 28), year)),)
