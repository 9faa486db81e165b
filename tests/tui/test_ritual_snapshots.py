"""The ritual at a fixed size, clock, seed and data; each picture is paired with a check of the state behind it."""

from __future__ import annotations

from ritual.store.letters import LetterRepository
from ritual.store.reflections import ReflectionRepository
from tests.tui.test_snapshots import snap

TO_RITUAL = ("f", "enter", "r")
TO_QUESTIONS = (*TO_RITUAL, "enter", "down", "down", "enter")


def typed(text: str) -> tuple[str, ...]:
    """Keys that type `text`."""
    return tuple("space" if c == " " else c for c in text)


def test_ritual_briefing(snap_compare, app):
    assert snap(snap_compare, app, TO_RITUAL,
                lambda screen: screen.step == "briefing" and screen.preparation.briefing.occasion == "birthday")


def test_ritual_tones(snap_compare, app):
    assert snap(snap_compare, app, (*TO_RITUAL, "enter"), lambda screen: screen.step == "tone")


def test_ritual_question(snap_compare, app, context):
    def asked(screen) -> bool:
        (saved,) = ReflectionRepository(context.db).sitting(screen.sitting.id)
        return saved.answer == "the owl stamp" and screen.tone == "tenderness" and screen.detail is not None

    assert snap(snap_compare, app, (*TO_QUESTIONS, *typed("the owl stamp"), "ctrl+s", *typed("cedar")), asked)


def test_ritual_outline_logged(snap_compare, app, context):
    answers = ("the owl stamp", "cedar", "her move", "the bench")
    keys = [key for text in answers for key in (*typed(text), "ctrl+s")]
    keys.insert(len(typed(answers[0])) + 1, "ctrl+n")  # the follow-up after the first answer, skipped

    def logged(screen) -> bool:
        (letter,) = LetterRepository(context.db).list()
        return screen.step == "outline" and letter.status == "written" and len(screen.sitting.answered) == 4

    assert snap(snap_compare, app, (*TO_QUESTIONS, *keys, "l"), logged)
