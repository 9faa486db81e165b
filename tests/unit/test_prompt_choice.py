"""Choosing with groups, an arc and a closing question; names, gaps and misspelt occasions."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ritual.core.prompt_choice import another, arrange, select
from ritual.core.prompts import CLOSING, Moment, Prompt, close_occasion, fitting, gap_words, relationship_key

CATEGORIES = ("memory", "admiration", "gratitude", "change", "hope", "unsaid", "play")
GROUPS = ("", "", "g1", "g2", "g3")


@st.composite
def grouped_decks(draw) -> list[Prompt]:
    """Random decks where some prompts share a near-duplicate group and a few are closing questions."""
    size = draw(st.integers(2, 24))
    deck = []
    for n in range(size):
        group = draw(st.sampled_from(GROUPS))
        arcs = ("", "", "warm", "forward") if group else ("", "", "warm", "forward", CLOSING)  # as decks check
        deck.append(Prompt(
            id=f"p{n}", question=f"Question {n}?",
            categories=tuple(draw(st.sets(st.sampled_from(CATEGORIES), min_size=1, max_size=2))),
            group=group, arc=draw(st.sampled_from(arcs)),
        ))
    return deck


@settings(max_examples=200, deadline=None)
@given(grouped_decks(), st.lists(st.integers(3, 5), min_size=1, max_size=12), st.integers(0, 2**32))
def test_no_group_repeats_until_every_fitting_group_was_asked(deck, counts, seed):
    history: list[str] = []
    for number, count in enumerate(counts):
        chosen = select(deck, Moment(), history, count, seed + number)
        assert len({p.key for p in chosen}) == len(chosen), "one sitting never asks two of a group"
        history += [p.id for p in chosen]
    by_id = {p.id: p for p in deck}
    for closing in (False, True):
        pool = {p.key for p in deck if (p.stage == CLOSING) == closing}
        seen: set[str] = set()
        for prompt_id in history:
            key = by_id[prompt_id].key
            if key not in pool:
                continue
            assert key not in seen, "a group came back before the round was through"
            seen.add(key)
            if seen == pool:
                seen = set()


@settings(max_examples=150, deadline=None)
@given(grouped_decks(), st.integers(3, 5), st.integers(0, 2**32))
def test_one_closing_question_ends_the_sitting_after_warm_deep_and_forward(deck, count, seed):
    chosen = select(deck, Moment(), [], count, seed)
    stages = [p.stage for p in chosen]
    main = {p.key for p in deck if p.stage != CLOSING}
    if main and any(p.stage == CLOSING for p in deck):
        assert stages[-1] == CLOSING and stages.count(CLOSING) == 1
    assert chosen == arrange(chosen[:-1]) + chosen[-1:] or chosen == arrange(chosen)


@settings(max_examples=100, deadline=None)
@given(grouped_decks(), st.integers(0, 2**32))
def test_skipping_never_offers_a_near_duplicate_of_the_sitting(deck, seed):
    sitting = select(deck, Moment(), [], 3, seed)
    for _ in range(30):
        offered = another(deck, Moment(), [p.id for p in sitting], sitting, seed)
        if offered is None:
            break
        assert offered.key not in {p.key for p in sitting}
        sitting.append(offered)
    assert {p.key for p in sitting} >= {p.key for p in deck if p.stage != CLOSING}


def test_questions_carry_the_name_and_the_time_apart():
    prompt = Prompt("g", "In the {gap} since you wrote, what would {name} never guess?", ("change",), when=("long-gap",))
    assert prompt.ask("Ana", gap_words(5)) == "In the five months since you wrote, what would Ana never guess?"
    assert gap_words(14) == "year" and gap_words(40) == "three years"
    assert not prompt.fits(Moment(months_apart=2)) and prompt.fits(Moment(months_apart=3))


def test_reply_prompts_need_a_letter_to_answer_and_ages_bound_prompts():
    reply = Prompt("r", "What did they ask?", ("curiosity",), when=("reply",))
    young = Prompt("y", "Ten years on?", ("hope",), max_age=75)
    old = Prompt("o", "What have they seen change?", ("curiosity",), min_age=70)
    assert not reply.fits(Moment()) and reply.fits(Moment(replying=True))
    assert young.fits(Moment()) and young.fits(Moment(age=40)) and not young.fits(Moment(age=88))
    assert not old.fits(Moment()) and not old.fits(Moment(age=40)) and old.fits(Moment(age=88))


def test_light_prompts_stay_out_of_loss_illness_and_apology():
    light = Prompt("l", "Silly?", ("memory",), tones=("playfulness", "tenderness"))
    comfort = Prompt("c", "Stay close?", ("care",), tones=("comfort",))
    for occasion in ("sympathy", "get-well", "death-anniversary", "apology"):
        assert not light.fits(Moment(occasion=occasion, tone="tenderness"))
    assert light.fits(Moment(occasion="birthday"))
    assert comfort.fits(Moment(occasion="get-well")) and not comfort.fits(Moment(occasion="birthday"))
    assert not light.fits(Moment(occasion="name-day", tone="tenderness"))
    assert light.fits(Moment(occasion="name-day", tone="playfulness"))
    assert fitting([comfort], Moment(occasion="sympathy", tone="playfulness")) == [comfort]


def test_misspelt_occasions_meet_their_shipped_name_and_aliases_map_relationships():
    assert close_occasion("birthdy") == "birthday" and close_occasion("Thank yuo") == "thank-you"
    assert close_occasion("birthday") is None and close_occasion("name day") is None
    assert relationship_key("Grand-ma", {"grand ma": "family"}) == "family"
    assert relationship_key("Teacher", {}) == "teacher"


def _p(pid: str, categories=("memory",), **kw) -> Prompt:
    return Prompt(pid, f"{pid}?", categories, **kw)


def test_the_draw_leans_three_to_one_toward_the_occasion_and_two_to_one_toward_the_tone():
    import random
    from collections import Counter

    from ritual.core.prompt_choice import OCCASION_WEIGHT, TONE_WEIGHT, _weighted

    pool = [_p("plain"), _p("occ", occasions=("birthday",)), _p("tone", tones=("tenderness",)),
            _p("both", occasions=("birthday",), tones=("tenderness",))]
    moment = Moment(occasion="birthday", tone="tenderness")
    rng = random.Random(7)
    drawn = Counter(_weighted(pool, moment, rng).id for _ in range(14_000))
    # Weights 1, 1 + 3, 1 + 2 and 1 + 3 + 2 of 14: about 1,000, 4,000, 3,000 and 6,000 draws.
    assert (OCCASION_WEIGHT, TONE_WEIGHT) == (3, 2)
    for pid, expected in (("plain", 1000), ("occ", 4000), ("tone", 3000), ("both", 6000)):
        assert abs(drawn[pid] - expected) < expected * 0.08, drawn


def test_replying_or_a_long_gap_asks_for_one_prompt_written_for_it():
    from ritual.core.prompt_choice import _candidates

    reply, gap, plain = _p("reply", when=("reply",)), _p("gap", when=("long-gap",)), _p("plain")
    pool = [plain, reply, gap]
    covered = {"a", "b", "c"}
    assert _candidates(pool, covered, Moment(replying=True), []) == [reply]
    assert _candidates(pool, covered, Moment(replying=True), [reply]) == pool
    assert _candidates(pool, covered, Moment(months_apart=3), []) == [gap]
    assert _candidates(pool, covered, Moment(months_apart=2), []) == pool
    assert _candidates(pool, covered, Moment(), []) == pool


def test_categories_are_covered_first_until_three_are():
    from ritual.core.prompt_choice import _candidates

    seen, fresh = _p("seen", ("memory",)), _p("fresh", ("gratitude",))
    assert _candidates([seen, fresh], {"memory", "play"}, Moment(), []) == [fresh]
    assert _candidates([seen, fresh], {"memory", "play", "change"}, Moment(), []) == [seen, fresh]
    assert _candidates([seen], {"memory"}, Moment(), []) == [seen]


def test_an_occasion_prompt_is_wanted_until_one_is_drawn():
    from ritual.core.prompt_choice import _candidates

    own, plain = _p("own", occasions=("wedding",)), _p("plain")
    covered = {"a", "b", "c"}
    assert _candidates([plain, own], covered, Moment(occasion="wedding"), []) == [own]
    assert _candidates([plain, own], covered, Moment(occasion="wedding"), [own]) == [plain, own]


DECK = [_p("w1", ("memory",), arc="warm"), _p("d1", ("gratitude",), arc="deep"),
        _p("f1", ("change",), arc="forward"), _p("d2", ("admiration",), arc="deep"),
        _p("c1", ("presence",), arc="closing"), _p("c2", ("play",), arc="closing")]


def test_one_closing_question_ends_a_sitting_of_more_than_one():
    for seed in range(5):
        chosen = select(DECK, Moment(), [], 4, seed)
        assert len(chosen) == 4 and [p.stage for p in chosen].count(CLOSING) == 1
        assert chosen[-1].stage == CLOSING


def test_a_sitting_of_one_asks_no_closing_question():
    for seed in range(5):
        [only] = select(DECK, Moment(), [], 1, seed)
        assert only.stage != CLOSING


def test_closing_questions_alone_make_no_sitting():
    assert select([p for p in DECK if p.stage == CLOSING], Moment(), [], 3, 1) == []


def test_an_occasions_steps_come_first_in_order_and_only_as_many_as_asked():
    steps = [_p(f"s{n}", ("memory",), occasions=("wedding",), step=n) for n in (3, 1, 2)]
    deck = [*steps, _p("w", ("play",), arc="warm"), _p("c", ("presence",), arc="closing")]
    chosen = select(deck, Moment(occasion="wedding"), [], 3, 2)
    assert [p.id for p in chosen] == ["s1", "s2", "c"]


def test_arrange_puts_steps_first_then_warm_deep_forward_and_closing_last():
    mixed = [_p("c", arc="closing"), _p("f", arc="forward"), _p("s2", step=2), _p("d", arc="deep"),
             _p("w", arc="warm"), _p("s1", step=1)]
    assert [p.id for p in arrange(mixed)] == ["s1", "s2", "w", "d", "f", "c"]


def test_a_sitting_of_two_is_one_question_and_the_closing_one():
    for seed in range(3):
        first, last = select(DECK, Moment(), [], 2, seed)
        assert first.stage != CLOSING and last.stage == CLOSING


def test_while_too_few_categories_are_covered_a_prompt_adding_none_is_never_drawn():
    # Two memory prompts and two others: a sitting of three always spans three categories, never memory twice.
    deck = [Prompt(id=f"q{n}", question=f"Question {n}?", categories=(category,))
            for n, category in enumerate(("memory", "memory", "hope", "play"))]
    for seed in range(200):
        chosen = select(deck, Moment(), [], 3, seed)
        assert sorted(c for p in chosen for c in p.categories) == ["hope", "memory", "play"], seed


def test_the_time_apart_reads_in_months_below_a_year_then_in_whole_years():
    assert [gap_words(n) for n in (3, 11, 12, 23, 24, 35, 36, 130)] == [
        "three months", "eleven months", "year", "year", "two years", "two years", "three years", "ten years"]
