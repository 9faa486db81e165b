"""Choosing questions: fit, no repeats before a round is through, category spread, skips, seeds."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from ritual.core.prompt_choice import another, select, unasked
from ritual.core.prompts import JUST_BECAUSE, Moment, Prompt, categories_of, fitting, occasion_key, relationship_key

CATEGORIES = ("memory", "admiration", "gratitude", "change", "hope", "unsaid", "play")
TONES = ("tenderness", "playfulness", "apology", "comfort", "hope")
OCCASIONS = ("birthday", "sympathy", JUST_BECAUSE)


@st.composite
def decks(draw, min_size: int = 1) -> list[Prompt]:
    """Random decks with unique ids and a mix of restrictions."""
    size = draw(st.integers(min_size, 24))
    deck = []
    for n in range(size):
        deck.append(Prompt(
            id=f"p{n}",
            question=f"Question {n}?",
            categories=tuple(draw(st.sets(st.sampled_from(CATEGORIES), min_size=1, max_size=2))),
            occasions=tuple(draw(st.sets(st.sampled_from(OCCASIONS), max_size=1))),
            tones=tuple(draw(st.sets(st.sampled_from(TONES), max_size=2))),
        ))
    return deck


moments = st.builds(Moment, st.just("friend"), st.sampled_from(OCCASIONS), st.one_of(st.none(), st.sampled_from(TONES)))


def run_sessions(deck, moment, counts, seed):
    """Simulate sittings for one friend; return every prompt id asked, in order."""
    history: list[str] = []
    for number, count in enumerate(counts):
        chosen = select(deck, moment, history, count, seed + number)
        assert len({p.id for p in chosen}) == len(chosen), "a sitting never asks the same question twice"
        history += [p.id for p in chosen]
    return history


@settings(max_examples=60, deadline=None)
@given(decks(), moments, st.lists(st.integers(3, 5), min_size=1, max_size=12), st.integers(0, 2**32))
def test_no_prompt_repeats_until_every_fitting_prompt_was_asked(deck, moment, counts, seed):
    fit_ids = {p.id for p in fitting(deck, moment)}
    seen: set[str] = set()
    for prompt_id in run_sessions(deck, moment, counts, seed):
        assert prompt_id in fit_ids
        assert prompt_id not in seen, "asked again before the round was through"
        seen.add(prompt_id)
        if seen == fit_ids:
            seen = set()


@settings(max_examples=60, deadline=None)
@given(decks(), moments, st.integers(3, 5), st.lists(st.sampled_from([f"p{n}" for n in range(24)]), max_size=30),
       st.integers(0, 2**32))
def test_at_least_three_categories_when_the_fresh_prompts_allow(deck, moment, count, history, seed):
    fresh = unasked(fitting(deck, moment), history)
    chosen = select(deck, moment, history, count, seed)
    assert len(chosen) == min(count, len(fitting(deck, moment)))
    if len(fresh) >= count and len(categories_of(fresh)) >= 3:
        assert len(categories_of(chosen)) >= 3


@settings(max_examples=30, deadline=None)
@given(decks(), moments, st.integers(3, 5), st.integers(0, 2**32))
def test_the_same_seed_chooses_the_same_questions(deck, moment, count, seed):
    assert select(deck, moment, [], count, seed) == select(deck, moment, [], count, seed)


@settings(max_examples=50, deadline=None)
@given(decks(), moments, st.integers(0, 2**32))
def test_skipping_offers_another_until_the_deck_is_spent(deck, moment, seed):
    fit = fitting(deck, moment)
    sitting = select(deck, moment, [], 3, seed)
    while True:
        offered = another(deck, moment, [p.id for p in sitting], sitting, seed)
        if offered is None:
            break
        assert offered not in sitting and offered in fit
        sitting.append(offered)
    assert sorted(p.id for p in sitting) == sorted(p.id for p in fit)


def prompt(pid, categories=("memory",), **kw) -> Prompt:
    return Prompt(pid, f"{pid}?", tuple(categories), **{k: tuple(v) for k, v in kw.items()})


def test_occasion_and_relationship_restrict_and_avoid_excludes():
    birthday_only = prompt("b", occasions=["birthday"])
    partners = prompt("p", relationships=["partner"])
    no_sympathy = prompt("j", avoid_occasions=["sympathy"])
    assert birthday_only.fits(Moment(occasion="birthday")) and not birthday_only.fits(Moment())
    assert partners.fits(Moment("partner")) and not partners.fits(Moment("friend"))
    assert no_sympathy.fits(Moment()) and not no_sympathy.fits(Moment(occasion="sympathy"))


def test_tender_tones_only_when_chosen():
    sorry = prompt("s", tones=["apology"])
    mixed = prompt("m", tones=["apology", "gratitude"])
    assert not sorry.fits(Moment()) and sorry.fits(Moment(tone="apology"))
    assert mixed.fits(Moment()) and not mixed.fits(Moment(tone="playfulness"))
    assert prompt("n").fits(Moment(tone="comfort"))


def test_the_occasion_always_draws_its_own_and_the_tone_leans_without_always_winning():
    deck = [prompt("plain1", ["memory"]), prompt("plain2", ["hope"]), prompt("plain3", ["play"]),
            prompt("toned", ["gratitude"], tones=["pride"]), prompt("bday", ["change"], occasions=["birthday"])]
    sittings = [select(deck, Moment(occasion="birthday", tone="pride"), [], 3, seed=n) for n in range(300)]
    assert all("bday" in [p.id for p in chosen] for chosen in sittings)
    drawn = Counter(p.id for chosen in sittings for p in chosen)
    assert drawn["toned"] > max(drawn["plain1"], drawn["plain2"], drawn["plain3"])
    assert min(drawn["plain1"], drawn["plain2"], drawn["plain3"]) > 0


def test_a_spent_round_starts_again_without_repeating_within_the_sitting():
    deck = [prompt(f"p{n}", [c]) for n, c in enumerate(("memory", "hope", "play", "unsaid"))]
    for seed in range(20):
        chosen = select(deck, Moment(), ["p0", "p1", "p2"], 3, seed=seed)
        assert chosen[0].id == "p3" and len({p.id for p in chosen}) == 3


def test_names_are_normalised():
    assert occasion_key("Thank you") == "thank-you" and occasion_key(None) == JUST_BECAUSE
    assert occasion_key("new_baby") == "new-baby"
    assert relationship_key("Pen-Pal") == "pen pal" and relationship_key("") == "friend"


def test_a_sitting_asks_four_questions_unless_told_three_to_five():
    from ritual.core.prompts import DEFAULT_QUESTIONS, QUESTION_RANGE

    assert DEFAULT_QUESTIONS == 4 and QUESTION_RANGE == (3, 5)


def test_once_three_categories_are_covered_the_next_draw_may_repeat_one():
    # Three categories must be reached first; the fourth question is a free draw, not forced to a fourth category.
    deck = [prompt(f"m{n}", ["memory"]) for n in range(6)] + [prompt("h", ["hope"]), prompt("p", ["play"]),
                                                             prompt("u", ["unsaid"])]
    spreads = [len(categories_of(select(deck, Moment(), [], 4, seed=n))) for n in range(100)]
    assert min(spreads) == 3 and max(spreads) == 4


def test_only_a_letter_of_loss_or_illness_is_grieving():
    assert [Moment(occasion=o).grieving for o in ("sympathy", "get-well", "death-anniversary")] == [True] * 3
    assert not Moment(occasion="apology").grieving and not Moment().grieving and not Moment(occasion="birthday").grieving


def test_a_prompts_place_in_the_arc_follows_its_first_category_unless_declared():
    assert [prompt(c, [c, "hope"]).stage for c in ("memory", "play", "presence", "gratitude")] == ["warm"] * 4
    assert prompt("h", ["hope", "memory"]).stage == "forward"
    assert [prompt(c, [c, "memory"]).stage for c in ("change", "unsaid", "admiration")] == ["deep"] * 3
    assert Prompt("d", "d?", ("memory",), arc="closing").stage == "closing"


def test_an_age_limit_includes_the_age_it_names():
    ranged = Prompt("r", "r?", ("hope",), min_age=18, max_age=30)
    assert [ranged.fits(Moment(age=age)) for age in (17, 18, 30, 31)] == [False, True, True, False]
    assert not ranged.fits(Moment()) and prompt("any").fits(Moment()) and prompt("any").fits(Moment(age=3))


def test_a_prompt_carrying_only_the_asked_for_tones_waits_to_be_asked_even_with_both():
    both = prompt("both", tones=["apology", "comfort"])
    assert not both.fits(Moment()) and both.fits(Moment(tone="comfort")) and both.fits(Moment(tone="apology"))
    # A letter of loss lets comfort come unasked; apology still waits.
    assert both.fits(Moment(occasion="sympathy")) and not prompt("sorry", tones=["apology"]).fits(Moment(occasion="sympathy"))
