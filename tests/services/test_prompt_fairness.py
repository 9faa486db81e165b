"""The shipped deck simulated: fair choice, the grief family, the apology's shape, aliases, ages and breadth."""

from __future__ import annotations

from collections import Counter

import pytest

from ritual.core.prompt_choice import select
from ritual.core.prompts import CLOSING, GRIEF_FAMILY, OCCASIONS, TONE_NAMES, Moment, fitting, relationship_key
from ritual.services.letters.decks import shipped_deck

SITTINGS = 1000


@pytest.fixture(scope="module")
def deck():
    """The shipped prompts and aliases, read once."""
    return shipped_deck()


def first_sittings(prompts, moment: Moment, count: int = 4) -> list[list]:
    """A thousand friends' first sittings for the same moment, each with its own seed."""
    return [select(prompts, moment, [], count, seed) for seed in range(SITTINGS)]


@pytest.mark.parametrize("occasion", OCCASIONS)
def test_every_occasion_offers_at_least_twelve_distinct_questions_over_first_sittings(deck, occasion):
    sittings = first_sittings(deck.prompts, Moment("friend", occasion))
    asked = Counter(p.key for chosen in sittings for p in chosen)
    assert len(asked) >= 12, asked
    assert all(len({p.key for p in chosen}) == len(chosen) == 4 for chosen in sittings)


@pytest.mark.parametrize("occasion", sorted(GRIEF_FAMILY))
@pytest.mark.parametrize("tone", [None, "playfulness", "celebration", "tenderness"])
def test_grief_family_never_draws_light_prompts_and_always_draws_its_own(deck, occasion, tone):
    for chosen in first_sittings(deck.prompts, Moment("friend", occasion, tone))[:300]:
        assert not [p.id for p in chosen if p.light]
        assert any(occasion in p.occasions for p in chosen)


def test_comfort_only_sympathy_prompts_come_up_without_asking(deck):
    asked = {p.id for chosen in first_sittings(deck.prompts, Moment("friend", "sympathy")) for p in chosen}
    assert {"sympathy.months-not-days", "sympathy.urge-to-fix"} <= asked


@pytest.mark.parametrize("count", [3, 4, 5])
def test_an_apology_keeps_its_shape(deck, count):
    for chosen in first_sittings(deck.prompts, Moment("friend", "apology"), count)[:200]:
        steps = [p.step for p in chosen if p.step]
        assert steps == sorted(steps) and steps[:2] == [1, 2]
        assert chosen[-1].stage == CLOSING and "apology" in chosen[-1].occasions
        assert not [p.id for p in chosen if p.light]


def test_every_sitting_goes_warm_deep_forward_and_closes_once(deck):
    order = {"warm": 0, "deep": 1, "forward": 2}
    for chosen in first_sittings(deck.prompts, Moment("family", "birthday"))[:300]:
        stages = [p.stage for p in chosen]
        assert stages[-1] == CLOSING and stages.count(CLOSING) == 1
        assert [order[s] for s in stages[:-1]] == sorted(order[s] for s in stages[:-1])


def test_a_custom_occasion_draws_any_occasion_prompts_and_nothing_light_in_a_tender_tone(deck):
    for tone in ("tenderness", "comfort", "longing"):
        fit = fitting(deck.prompts, Moment("friend", "name-day", tone))
        assert len(fit) >= 12 and not [p.id for p in fit if p.occasions or p.light]
    assert [p for p in fitting(deck.prompts, Moment("friend", "name-day", "playfulness")) if p.light]


@pytest.mark.parametrize(("word", "family"), [
    ("grandparent", "family"), ("Sibling", "family"), ("parent", "family"), ("child", "family"),
    ("cousin", "family"), ("Grandma", "family"), ("teacher", "mentor"), ("coach", "mentor"),
    ("neighbor", "neighbour"), ("co-worker", "colleague"), ("wife", "partner"),
])
def test_common_relationship_words_reach_their_family(deck, word, family):
    key = relationship_key(word, deck.aliases)
    assert key == family
    assert [p for p in fitting(deck.prompts, Moment(key)) if family in p.relationships]


@pytest.mark.parametrize("relationship", ["friend", "neighbour", "colleague"])
def test_friends_neighbours_and_colleagues_have_six_questions_of_their_own(deck, relationship):
    own = [p for p in deck.prompts if relationship in p.relationships and not p.occasions]
    assert len(own) >= 6


def test_a_friend_of_eighty_eight_is_not_asked_about_ten_years_on(deck):
    old = {p.id for chosen in first_sittings(deck.prompts, Moment("friend", "birthday", age=88)) for p in chosen}
    young = {p.id for chosen in first_sittings(deck.prompts, Moment("friend", "birthday", age=30)) for p in chosen}
    unknown = {p.id for p in fitting(deck.prompts, Moment("friend", "birthday"))}
    assert "hope.ten-years-on" not in old and "hope.ten-years-on" in young
    assert [i for i in old if i.startswith("elder.")] and not [i for i in young | unknown if i.startswith("elder.")]


def test_reply_and_long_gap_prompts_only_when_the_moment_says_so(deck):
    plain = {p.id for p in fitting(deck.prompts, Moment())}
    replying = {p.id for p in fitting(deck.prompts, Moment(replying=True, months_apart=7))}
    assert not [i for i in plain if i.startswith(("reply.", "gap."))]
    assert {"reply.what-they-asked", "reply.line-to-answer-first", "gap.happened-since"} <= replying
    asked = Counter(p.id for seed in range(300) for p in select(deck.prompts, Moment(replying=True), [], 4, seed))
    assert sum(n for i, n in asked.items() if i.startswith("reply.")) >= 150


def test_every_shipped_prompt_has_tones_and_every_occasion_twelve_prompts(deck):
    assert [p.id for p in deck.prompts if not p.tones] == []
    own = Counter(o for p in deck.prompts for o in p.occasions)
    assert {o: own[o] for o in OCCASIONS if own[o] < 12} == {}
    assert set(TONE_NAMES) == {t for p in deck.prompts for t in p.tones}


def test_near_duplicates_are_grouped(deck):
    groups = Counter(p.group for p in deck.prompts if p.group)
    assert all(n >= 2 for n in groups.values()), groups
    by_id = {p.id: p.group for p in deck.prompts}
    for pair in (("gratitude.without-knowing", "memory.forgotten-kindness"),
                 ("gratitude.because-of-them", "admiration.introduced-you"),
                 ("play.most-absurd", "play.favourite-disaster"), ("memory.loose-thread", "penpal.last-letter")):
        assert by_id[pair[0]] and by_id[pair[0]] == by_id[pair[1]]
