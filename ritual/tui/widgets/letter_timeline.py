"""A friend's recent letters both ways and the rituals before them, newest first, in a few calm lines."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from rich.text import Text
from textual.widgets import Static

from ritual.core.letters import ANSWERED, ARRIVED, POSTED, RECEIVED, WRITTEN, Letter, Reflection
from ritual.tui.formatting import short_date, since

TIMELINE_ENTRIES = 6
STATUS_WORDS = {WRITTEN: "written", POSTED: "in the post", ARRIVED: "arrived", RECEIVED: "waiting for your reply",
                ANSWERED: "answered"}


def letter_line(letter: Letter, today: date) -> Text:
    """`Tue 20 Jan  you wrote · card · birthday · in the post`."""
    text = Text(f"{short_date(letter.day, today):<15} ", style="dim")
    text.append("you wrote" if letter.sent else "they wrote", style="bold")
    about = [letter.medium, letter.occasion, STATUS_WORDS.get(letter.status, letter.status)]
    text.append("".join(f" · {part}" for part in about if part))
    return text


def sitting_line(answers: list[Reflection], today: date) -> Text:
    """`Sat 7 Mar  a ritual · 3 answers · tenderness`."""
    first = answers[0]
    text = Text(f"{short_date(first.asked_at.date(), today):<15} ", style="dim")
    count = len(answers)
    text.append("a ritual", style="bold italic")
    text.append(f" · {count} answer{'s' if count != 1 else ''}")
    if first.tone:
        text.append(f" · {first.tone}")
    return text


def sittings(reflections: Iterable[Reflection]) -> list[list[Reflection]]:
    """Answers grouped by the sitting they were given in, in the order met."""
    grouped: dict[str, list[Reflection]] = {}
    for reflection in reflections:
        grouped.setdefault(reflection.sitting, []).append(reflection)
    return list(grouped.values())


def timeline_text(letters: Iterable[Letter], reflections: Iterable[Reflection], today: date,
                  limit: int = TIMELINE_ENTRIES, last_letter: date | None = None) -> Text:
    """The newest letters and rituals together, or a kind word when none is logged yet."""
    entries = [(x.day, 1, letter_line(x, today)) for x in letters]
    entries += [(group[0].asked_at.date(), 0, sitting_line(group, today)) for group in sittings(reflections)]
    entries.sort(key=lambda entry: (entry[0], entry[1]), reverse=True)
    if not entries and last_letter is not None:
        # The friend's last-letter date came from an import or an edit, not from letters logged here.
        return Text(f"None logged in ritual yet; the last letter either way was {since(last_letter, today)}. "
                    "r sits you down to write.", style="dim italic")
    if not entries:
        return Text("No letters or rituals yet. r sits you down to write.", style="dim italic")
    return Text("\n").join(line for _, _, line in entries[:limit])


class LetterTimeline(Static):
    """The timeline block on a friend's profile; the screen hands it the letters and answers."""

    DEFAULT_CSS = """
    LetterTimeline { height: auto; margin: 1 0 0 0; }
    """

    def show(self, letters: Iterable[Letter], reflections: Iterable[Reflection], today: date,
             last_letter: date | None = None) -> None:
        """Draw the timeline from these letters and answers."""
        text = Text("Letters and rituals\n", style="bold")
        self.update(text.append_text(timeline_text(letters, reflections, today, last_letter=last_letter)))
