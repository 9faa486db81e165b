"""`ritual reflect NAME` with scripted answers: briefing, questions, skips, outline, saved reflections."""

from __future__ import annotations

import io

from ritual.commands.reflect import read_answer
from ritual.paths import Paths
from ritual.store.database import open_database
from ritual.store.reflections import ReflectionRepository


def add_ana(ritual):
    ritual.ok("friend", "add", "Ana Souza", "--birthday", "1990-12-14", "--country", "BR",
              "--relationship", "pen pal", "--note", "Green ink. Loves owls.")
    ritual.ok("letter", "add", "Ana", "--received", "--date", "2026-10-03", "--medium", "card")


def saved(ritual):
    db = open_database(Paths.under(ritual.home).database)
    try:
        return ReflectionRepository(db).sitting(ReflectionRepository(db).latest_sitting(1))
    finally:
        db.close()


def test_briefing_questions_and_outline(ritual):
    add_ana(ritual)
    out = ritual.ok("reflect", "Ana", "--tone", "tenderness", "--seed", "5",
                    input="the owl stamp\n\n\ncedar\nher move\nthe bench\n")
    assert "Before you write to Ana Souza" in out and "Green ink" in out
    assert "birthday on Mon 14 Dec 2026" in out and "write by Mon 23 Nov, post by Wed 25 Nov" in out
    assert "Answering their card of Sat 3 Oct 2026" in out and "One detail, if you like" in out
    assert out.count("Question 2 of 4") == 2 and "Skipped; here is another." in out
    outline = out.split("Notes for your letter to Ana Souza")[1]
    assert "(birthday · tenderness)" in outline
    assert [line.strip() for line in outline.splitlines()[-1:]] == ["the bench"]
    rows = saved(ritual)
    assert [r.answer for r in rows] == ["the owl stamp", "", "cedar", "her move", "the bench"]
    assert rows[1].skipped and all(r.tone == "tenderness" and r.occasion == "birthday" for r in rows)


def test_answers_are_kept_when_input_ends_early_and_come_back_next_time(ritual):
    add_ana(ritual)
    first = ritual.ok("reflect", "Ana", "--occasion", "thank-you", "--seed", "1", input="the spare room\n")
    assert "your answers so far are kept" in first and "Notes for your letter" in first
    asked_first = {r.prompt_id for r in saved(ritual)}
    ritual.today = ritual.today.replace(year=2027)
    again = ritual.ok("reflect", "Ana", "--occasion", "thank-you", "--questions", "3", "--seed", "1", input="a\nb\nc\n")
    assert "A year ago, for thank you" in again and "“the spare room”" in again
    assert not asked_first & {r.prompt_id for r in saved(ritual)}


def test_log_option_and_no_answers(ritual):
    add_ana(ritual)
    quiet = ritual.ok("reflect", "Ana", input="")
    assert "No answers this time" in quiet
    logged = ritual.ok("reflect", "Ana", "--log", "--tone", "hope", input="one\ntwo\nthree\nfour\n")
    assert "Logged your letter to Ana Souza as written today" in logged
    (sent,) = ritual.json("letter", "list", "--sent")
    assert sent["tone"] == "hope" and sent["occasion"] == "birthday"


def test_bad_tone_and_unknown_friend(ritual):
    add_ana(ritual)
    wrong = ritual("reflect", "Ana", "--tone", "grumpy", input="")
    assert wrong.exit_code == 2 and "--tone" in wrong.stderr and "longing" in wrong.stderr
    assert ritual("reflect", "Nobody", input="").exit_code == 1


def test_a_broken_user_deck_names_its_file_and_line(ritual):
    add_ana(ritual)
    deck = Paths.under(ritual.home).config_dir / "prompts" / "mine.toml"
    deck.parent.mkdir(parents=True)
    deck.write_text('[[prompt]]\nid = "mine.a"\nquestion = "Q?"\ncategories = ["memory"]\ntones = ["joyful"]\n')
    result = ritual("reflect", "Ana", input="x\n")
    assert result.exit_code == 2 and f"{deck}, line 5" in result.stderr and "joyful" in result.stderr


def test_terminal_answers_run_over_lines_until_an_empty_one():
    stream = io.StringIO("first line\nsecond line\n\n\nlast\n")
    assert read_answer(stream, paragraphs=True) == "first line\nsecond line"
    assert read_answer(stream, paragraphs=True) == ""  # an empty first line skips
    assert read_answer(stream, paragraphs=True) == "last"
    assert read_answer(stream, paragraphs=True) is None
