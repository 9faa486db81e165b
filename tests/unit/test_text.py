"""The wording helpers every renderer shares: days, plurals, dates with or without a year, folded names."""

from __future__ import annotations

from datetime import date

from ritual.core.text import date_words, fold, plural, short_day


def test_short_day_is_english_whatever_the_locale():
    assert short_day(date(2026, 3, 14)) == "Sat 14 Mar"
    assert short_day(date(2026, 1, 5)) == "Mon 5 Jan" and short_day(date(2026, 12, 6)) == "Sun 6 Dec"


def test_one_is_singular_and_every_other_count_plural():
    assert plural(1, "day") == "1 day"
    assert plural(0, "day") == "0 days" and plural(2, "day") == "2 days"


def test_date_words_with_and_without_day_and_year():
    assert date_words(8, 1) == "8 January" and date_words(8, 1, 1990) == "8 January 1990"
    assert date_words(None, 6) == "June" and date_words(None, 12, 2026) == "December 2026"


def test_fold_drops_accents_and_case_and_keeps_the_letters():
    assert fold("São Paulo") == "sao paulo" and fold("Łódź") == "lodz" and fold("Æsop") == "aesop"
    assert fold("plain") == "plain"


def test_a_long_reminder_toast_shows_its_first_lines_and_counts_the_rest():
    from ritual.text.reminders import brief

    body = "\n".join(f"Tue 24 Nov  Write to friend {n}" for n in range(9))
    shown = brief(body).splitlines()
    assert shown[:3] == body.splitlines()[:3] and shown[3] == "… and 6 more: the week shows them all (w)"
    assert brief("one\ntwo") == "one\ntwo" and len(brief(body, most=2).splitlines()) == 2


def test_a_namesake_line_names_the_friend_where_they_live_and_their_birthday_or_says_there_is_none():
    from ritual.core.text import namesake_line

    assert namesake_line(15, "Noah Garcia", "", "Austin, US", "12 May") == (
        "      15  Noah Garcia · Austin, US · birthday 12 May")
    assert namesake_line(7, "Noah Garcia", "No", "", "") == "       7  Noah Garcia (No) · no city · no birthday"


def test_a_reminder_toast_at_80_columns_keeps_headline_and_body_within_its_rows():
    from ritual.text.reminders import TOAST_ROWS, _rows, brief

    title = "Waiting for you: 1 card to write, 1 to post, 1 letter waiting for a reply, 5 friends who might enjoy a letter"
    lines = ["No hurry: here is what is waiting, all in one place.",
             *(f"Tue 24 Nov  It has been a while since you wrote to Friend {n} (last letter 27 Jul)." for n in range(8))]
    narrow, wide = brief("\n".join(lines), width=37, title=title), brief("\n".join(lines), width=57, title=title)
    assert _rows(title, 37) + _rows(narrow, 37) <= TOAST_ROWS
    assert narrow.splitlines() == [lines[0], "… and 8 more: the week shows them all (w)"]
    assert _rows(title, 57) + _rows(wide, 57) <= TOAST_ROWS and len(wide.splitlines()) > len(narrow.splitlines())
    assert brief("one\ntwo", width=37, title="Write to Ana") == "one\ntwo"
