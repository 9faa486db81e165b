"""`ritual reflect` answering a letter, after time apart, with an arc, a follow-up, a heart and a long memory."""

from __future__ import annotations

from ritual.paths import Paths
from ritual.store.database import open_database
from ritual.store.reflections import ReflectionRepository


def rows(ritual, friend_id: int = 1):
    """Every reflection of the friend's latest sitting."""
    db = open_database(Paths.under(ritual.home).database)
    try:
        store = ReflectionRepository(db)
        return store.sitting(store.latest_sitting(friend_id))
    finally:
        db.close()


def add_ana(ritual, *extra: str):
    ritual.ok("friend", "add", "Ana Souza", "--nickname", "Nana", "--birthday", "1990-12-14", "--country", "BR", *extra)


def test_the_briefing_shows_the_letter_being_answered_and_asks_reply_questions(ritual):
    add_ana(ritual)
    ritual.ok("letter", "add", "Ana", "--received", "--date", "2026-10-03", "--medium", "postcard",
              "--note", "From Porto; the tram photo.", "--quote", "the river smells of oranges",
              "--quote", "tell me about the pigeon")
    shown = ritual.json("letter", "show", "1", "--json")
    assert shown["quotes"] == ["the river smells of oranges", "tell me about the pigeon"]
    out = ritual.ok("reflect", "Ana", "--occasion", "just-because", "--seed", "2", input="a\n\nb\nc\nd\n")
    answering = out.split("Answering their postcard of Sat 3 Oct 2026")[1].split("Question 1")[0]
    assert "From Porto; the tram photo." in answering
    assert "“the river smells of oranges”" in answering and "“tell me about the pigeon”" in answering
    assert [r.prompt_id for r in rows(ritual) if r.prompt_id.startswith("reply.")]


def test_reply_to_names_a_received_letter_and_refuses_others(ritual):
    add_ana(ritual)
    ritual.ok("letter", "add", "Ana", "--received", "--date", "2026-09-01", "--note", "the first one")
    ritual.ok("letter", "add", "Ana", "--sent", "--date", "2026-09-10")
    chosen = ritual.ok("reflect", "Ana", "--reply-to", "1", input="")
    assert "Answering their letter of Tue 1 Sep 2026" in chosen and "the first one" in chosen
    wrong = ritual("reflect", "Ana", "--reply-to", "2", input="")
    assert wrong.exit_code == 2 and "--reply-to" in wrong.stderr and "not a letter received" in wrong.stderr
    assert ritual("letter", "add", "Ana", "--sent", "--quote", "x").exit_code == 2


def test_quotes_are_checked(ritual):
    add_ana(ritual)
    long = ritual("letter", "add", "Ana", "--received", "--quote", "x" * 600)
    assert long.exit_code == 2 and "quote" in long.stderr and "500" in long.stderr
    assert ritual("letter", "add", "Ana", "--received", "--quote", "  ").exit_code == 2


def test_profile_dates_count_and_long_gaps_bring_time_aware_questions(ritual):
    add_ana(ritual, "--last-sent", "2026-04-20", "--last-received", "2026-11-11")
    out = ritual.ok("reflect", "Ana", "--occasion", "just-because", "--questions", "5", "--seed", "4", input="")
    assert "you last wrote  Mon 20 Apr 2026 (7 months ago; from the profile)" in out
    assert "they last wrote Wed 11 Nov 2026 (2 weeks ago; from the profile)" in out
    assert "no letter logged yet" not in out
    again = ritual.ok("reflect", "Ana", "--occasion", "just-because", "--seed", "5", input="a\n\nb\nc\nd\n")
    asked = [r.question for r in rows(ritual)]
    assert [q for q in asked if "seven months" in q] and "{" not in again


def test_tone_errors_come_before_the_briefing_and_a_missing_birthday_is_named(ritual):
    ritual.ok("friend", "add", "Bo")
    wrong = ritual("reflect", "Bo", "--tone", "grumpy", input="")
    assert wrong.exit_code == 2 and "Before you write" not in wrong.stdout
    out = ritual.ok("reflect", "Bo", "--occasion", "birthday", input="")
    assert "for             birthday (no birthday on file for Bo)" in out


def test_a_misspelt_occasion_is_refused_with_the_name_it_meant(ritual):
    ritual.ok("friend", "add", "Bo")
    wrong = ritual("reflect", "Bo", "--occasion", "birthdy", input="")
    assert wrong.exit_code == 2 and "did you mean birthday?" in wrong.stderr and "Before you write" not in wrong.stdout
    assert ritual("reflect", "Bo", "--occasion", "name day", input="").exit_code == 0


def test_an_arc_with_a_follow_up_a_heart_and_the_friend_named(ritual):
    add_ana(ritual)
    out = ritual.ok("reflect", "Ana", "--occasion", "just-because", "--heart", "--log", "--seed", "7",
                    input="the tram\nthe yellow one at Ribeira\nb\nc\nthat she is missed\n")
    assert "One detail, if you like" in out and "Nana" in out and "{name}" not in out
    saved = rows(ritual)
    assert [r.detail for r in saved] == [False, True, False, False, False]
    assert saved[-1].heart and not any(r.heart for r in saved[:-1])
    outline = out.split("Notes for your letter to Ana Souza")[1]
    assert outline.index("The heart of it") < outline.index("that she is missed") < outline.index("1. ")
    assert "+ the yellow one at Ribeira" in outline
    shown = ritual.ok("letter", "show", "1")
    assert "4 questions answered" in shown


def test_the_briefing_shortens_long_answers_groups_sittings_and_marks_posted_letters(ritual):
    add_ana(ritual)
    ritual.ok("reflect", "Ana", "--occasion", "thank-you", "--log", "--seed", "1", input="word " * 2400 + "\n\nb\nc\nd\n")
    ritual.ok("letter", "mark", "1", "posted")
    ritual.today = ritual.today.replace(year=2027)
    ritual.ok("reflect", "Ana", "--occasion", "just-because", "--seed", "3", input="fresh\n\n")
    ritual.today = ritual.today.replace(month=12)
    out = ritual.ok("reflect", "Ana", "--occasion", "holiday", input="")
    earlier = out.split("From earlier rituals")[1].split("Question 1")[0]
    assert "A year ago, for thank you · went into a posted letter" in earlier
    assert "for just because" in earlier and "just because · went" not in earlier
    assert len(earlier.splitlines()) < 25 and "word word…" in earlier


def test_the_journal_keeps_the_effort_the_phrases_and_the_heart(ritual):
    add_ana(ritual)
    ritual.ok("letter", "add", "Ana", "--received", "--date", "2026-10-03", "--quote", "tell me about the pigeon")
    ritual.ok("reflect", "Ana", "--occasion", "just-because", "--heart", "--log", "--seed", "7",
              input="the tram\nthe yellow one\nb\nc\nthat she is missed\n")
    journal = ritual.ok("journal", "Ana")
    assert "Kept: “tell me about the pigeon”" in journal and "4 questions answered." in journal
    assert "(the heart of it)" in journal and "**+** the yellow one" in journal


def test_on_this_day_comes_back_in_the_week_and_the_briefing_never_for_a_muted_or_removed_friend(ritual):
    add_ana(ritual)
    ritual.ok("friend", "add", "Ben Carter")
    ritual.ok("letter", "add", "Ana", "--received", "--date", "2025-11-26", "--medium", "card",
              "--quote", "the pigeon came back")
    ritual.ok("letter", "add", "Ben", "--received", "--date", "2024-11-27", "--medium", "postcard")
    week = " ".join(ritual.ok("week").split())
    assert "On this day A year ago this week Ana Souza's card arrived; they wrote “the pigeon came back”." in week
    assert week.count("this week") == 1
    briefing = " ".join(ritual.ok("reflect", "Ana", input="").split())
    assert "on this day A year ago this week Ana Souza's card arrived" in briefing
    ritual.ok("remind", "mute", "Ana")
    muted = " ".join(ritual.ok("week").split())
    assert "Ana Souza's card" not in muted and "Two years ago this week Ben Carter's postcard arrived." in muted
    assert "on this day" not in ritual.ok("reflect", "Ana", input="")
    ritual.ok("friend", "rm", "Ben", "--yes")
    assert "On this day" not in ritual.ok("week")
