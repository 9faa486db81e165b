"""`ritual demo`: fill this home with realistic demo friends."""

from __future__ import annotations

import click

from ritual.context import RitualContext
from ritual.errors import RitualError
from ritual.services.demo.build import demo_friends
from ritual.store.friends import FriendRepository
from ritual.text.safe import say


@click.command()
@click.option("--friends", "count", type=click.IntRange(1, 100_000), default=24, show_default=True, help="How many.")
@click.option("--seed", type=int, default=1, show_default=True, help="Same seed, same friends.")
@click.option("--force", is_flag=True, help="Add them even if this home already has friends.")
@click.pass_obj
def demo(context: RitualContext, count: int, seed: int, force: bool) -> None:
    """Fill this home with demo friends from many countries."""
    repo = FriendRepository(context.db)
    existing = repo.count()
    if existing and not force:
        raise RitualError(
            f"this home already has {existing} friends; use --force to add demo friends anyway, "
            "or --home DIR to try them somewhere else"
        )
    repo.add_many(demo_friends(count, seed, context.clock.today()))
    say(f"Added {count} demo friends. See the week with: ritual week")


def register(group: click.Group) -> None:
    """Add this module's commands to the root group."""
    group.add_command(demo)
