"""Prompt decks: the shipped deck's breadth, the user's own decks, and errors naming file and line."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from ritual.core.model import RELATIONSHIPS
from ritual.core.prompt_choice import select
from ritual.core.prompts import OCCASIONS, TONE_NAMES, Moment, fitting, relationship_key
from ritual.paths import Paths, shipped_config_dir
from ritual.services.letters.decks import DeckError, load_deck, load_prompts, parse_deck, read_deck, shipped_deck

THEMES = ("memory", "admiration", "gratitude", "change", "hope", "unsaid", "play")
MAIN_RELATIONSHIPS = ("friend", "family", "partner", "mentor", "pen pal")


@pytest.fixture
def paths(tmp_path: Path) -> Paths:
    return Paths.under(tmp_path / "home")


def user_deck(paths: Paths, name: str, text: str) -> Path:
    folder = paths.config_dir / "prompts"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    target.write_text(text, encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def shipped() -> tuple:
    """The shipped prompts, read once for the module's many cases."""
    return shipped_deck().prompts


def test_shipped_deck_is_broad(paths):
    deck = load_prompts(paths)
    assert len(deck) >= 300
    assert len({p.id for p in deck}) == len(deck)
    assert len({p.question for p in deck}) == len(deck)
    categories = Counter(c for p in deck for c in p.categories)
    assert all(categories[theme] >= 8 for theme in THEMES), categories
    assert {o for p in deck for o in p.occasions} >= set(OCCASIONS)
    assert {t for p in deck for t in p.tones} == set(TONE_NAMES)
    assert {r for p in deck for r in p.relationships} >= set(MAIN_RELATIONSHIPS) - {"friend"}


@pytest.mark.parametrize("occasion", OCCASIONS)
@pytest.mark.parametrize("tone", [None, *TONE_NAMES])
def test_every_occasion_and_tone_has_five_questions_over_three_categories(shipped, occasion, tone):
    deck = shipped
    for relationship in MAIN_RELATIONSHIPS:
        moment = Moment(relationship_key(relationship), occasion, tone)
        chosen = select(deck, moment, [], 5, seed=3)
        assert len(chosen) == 5, (moment, len(fitting(deck, moment)))
        assert len({c for p in chosen for c in p.categories}) >= 3


def test_play_stays_out_of_sympathy(shipped):
    deck = shipped
    for tone in (None, *TONE_NAMES):
        assert not [p.id for p in fitting(deck, Moment(occasion="sympathy", tone=tone)) if p.id.startswith("play.")]


def test_user_deck_adds_replaces_and_switches_off(paths):
    user_deck(paths, "mine.toml", """
disable = ["memory.weather", "play.invent-a-holiday"]

[[prompt]]
id = "mine.kitchen-radio"
question = "Which song was on the kitchen radio that summer?"
categories = ["memory"]
relationships = ["Pen-pal"]

[[prompt]]
id = "memory.a-place"
question = "Which street do you still walk with them in your head?"
categories = ["memory"]
""")
    deck = {p.id: p for p in load_prompts(paths)}
    assert "memory.weather" not in deck and "play.invent-a-holiday" not in deck
    assert deck["mine.kitchen-radio"].relationships == ("pen pal",)
    assert deck["memory.a-place"].question.startswith("Which street")


def test_syntax_error_names_file_and_line(paths):
    bad = user_deck(paths, "broken.toml", '[[prompt]]\nid = "x.y"\nquestion = "Unclosed?\ncategories = ["memory"]\n')
    with pytest.raises(DeckError) as caught:
        load_prompts(paths)
    assert caught.value.path == bad and caught.value.line == 3
    assert str(bad) in caught.value.message and "line 3" in caught.value.message


@pytest.mark.parametrize(
    ("body", "line", "words"),
    [
        ('question = "Q?"\ncategories = ["memory"]\ntones = ["joyful"]\n', 6, "'joyful' is not one of"),
        ('question = "Q?"\ncategories = []\n', 5, "needs at least one category"),
        ('question = "Q?"\ncategories = ["memory"]\nrelationships = ["boss"]\n', 6, "'boss' is not one of"),
        ('question = "Q?"\ncategories = ["memory"]\nmood = "sad"\n', 6, "unknown key 'mood'"),
        ('categories = ["memory"]\n', 2, "needs a question"),
        ('question = "Q?"\ncategories = "memory"\n', 5, "must be a list"),
    ],
)
def test_problems_name_the_line(paths, body, line, words):
    text = '# my deck\n[[prompt]]\nid = "mine.one"\n' + body
    with pytest.raises(DeckError) as caught:
        parse_deck(text, Path("mine.toml"))
    assert caught.value.line == line and words in caught.value.problem, caught.value.message


def test_duplicate_ids_and_unknown_disables_are_reported(paths):
    twice = '[[prompt]]\nid = "a.b"\nquestion = "1?"\ncategories = ["x"]\n\n[[prompt]]\nid = "a.b"\nquestion = "2?"\ncategories = ["x"]\n'
    with pytest.raises(DeckError, match="used twice") as caught:
        parse_deck(twice, Path("twice.toml"))
    assert caught.value.line == 6
    user_deck(paths, "off.toml", 'disable = [\n  "memory.a-place",\n  "memory.no-such-thing",\n]\n')
    with pytest.raises(DeckError, match="no-such-thing") as caught:
        load_prompts(paths)
    assert caught.value.line == 3


def test_shipped_ids_are_not_reused_across_files():
    ids = Counter()
    for path in (shipped_config_dir() / "prompts").glob("*.toml"):
        ids.update(p.id for p, _ in parse_deck(path.read_text(encoding="utf-8"), path).prompts)
    assert [i for i, n in ids.items() if n > 1] == []


def test_relationship_constants_cover_the_decks():
    assert set(MAIN_RELATIONSHIPS) <= set(RELATIONSHIPS)


def test_groups_aliases_and_new_keys_are_checked_with_their_line(paths):
    user_deck(paths, "mine.toml", """
[aliases]
family = ["Great-aunt"]
mentor = ["piano teacher"]

[[prompt]]
id = "mine.aunt"
question = "What did {name} keep in the sideboard?"
categories = ["memory"]
relationships = ["family"]
group = "unnoticed-kindness"
tones = ["nostalgia"]
""")
    deck = load_deck(paths)
    assert deck.aliases["great aunt"] == "family" and deck.aliases["piano teacher"] == "mentor"
    assert deck.aliases["grandparent"] == "family"
    assert {p.id for p in deck.prompts if p.group == "unnoticed-kindness"} >= {"mine.aunt", "memory.forgotten-kindness"}


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ('[aliases]\nboss = ["manager"]\n', 2, "'boss' is not one of"),
        ('[aliases]\nfamily = ["sister"]\nfriend = ["sister"]\n', 3, "given to both family and friend"),
        ('[aliases]\nfamily = ["friend"]\n', 2, "already a relationship"),
        ('[[prompt]]\nid = "a.b"\nquestion = "Q {who}?"\ncategories = ["x"]\n', 3, "{who} is not a placeholder"),
        ('[[prompt]]\nid = "a.b"\nquestion = "In the {gap}?"\ncategories = ["x"]\n', 3, "needs when"),
        ('[[prompt]]\nid = "a.b"\nquestion = "Q?"\ncategories = ["x"]\narc = "middle"\n', 5, "arc 'middle'"),
        ('[[prompt]]\nid = "a.b"\nquestion = "Q?"\ncategories = ["x"]\ngroup = "Two words"\n', 5, "one word"),
        ('[[prompt]]\nid = "a.b"\nquestion = "Q?"\ncategories = ["x"]\nmin_age = "old"\n', 5, "whole number"),
        ('[[prompt]]\nid = "a.b"\nquestion = "Q?"\ncategories = ["x"]\nwhen = ["soon"]\n', 5, "'soon' is not one of"),
    ],
)
def test_deck_problems_with_groups_aliases_and_conditions_name_the_line(text, line, words):
    with pytest.raises(DeckError) as caught:
        parse_deck(text, Path("mine.toml"))
    assert caught.value.line == line and words in caught.value.problem, caught.value.message


def test_a_group_named_like_a_prompt_or_mixing_closings_is_refused(paths):
    user_deck(paths, "mine.toml", '\n[[prompt]]\nid = "mine.x"\nquestion = "Q?"\ncategories = ["x"]\n'
              'group = "memory.a-place"\n')
    with pytest.raises(DeckError, match="also a prompt id") as caught:
        load_deck(paths)
    assert caught.value.line == 2
    user_deck(paths, "mine.toml", '[[prompt]]\nid = "mine.x"\nquestion = "Q?"\ncategories = ["x"]\n'
              'group = "unnoticed-kindness"\narc = "closing"\n')
    with pytest.raises(DeckError, match="mixes closing"):
        load_deck(paths)


def test_a_deck_unchanged_since_it_was_read_is_not_parsed_again_and_an_edited_one_is(paths):
    mine = user_deck(paths, "mine.toml", '[[prompt]]\nid = "mine.x"\nquestion = "Q?"\ncategories = ["x"]\n')
    first = read_deck(mine)
    assert read_deck(mine) is first
    user_deck(paths, "mine.toml", '[[prompt]]\nid = "mine.y"\nquestion = "Q?"\ncategories = ["x"]\n')
    assert [p.id for p, _ in read_deck(mine).prompts] == ["mine.y"]
    assert "mine.y" in {p.id for p in load_deck(paths).prompts}
