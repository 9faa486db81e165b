"""`ritual journal NAME --markdown`: letters both ways and the answers before writing, oldest first."""

from __future__ import annotations

import re
import stat


def fill(ritual) -> None:
    ritual.ok("friend", "add", "Ana Souza", "--birthday", "1990-12-14")
    ritual.ok("friend", "add", "Ben Carter")
    ritual.ok("letter", "add", "Ana", "--received", "--date", "2025-10-03", "--medium", "card",
              "--note", "# not a heading\nowls on the envelope")
    ritual.ok("reflect", "Ana", "--tone", "tenderness", "--seed", "5", input="- the owl stamp\n\ncedar\n\n")  # the follow-up skipped
    ritual.ok("letter", "add", "Ana", "--sent", "--occasion", "birthday", "--posted", "2026-11-25")


def test_markdown_journal_in_order_with_the_users_words_kept_as_text(ritual):
    fill(ritual)
    out = ritual.ok("journal", "Ana", "--markdown")
    lines = out.splitlines()
    assert lines[0] == "# Letters with Ana Souza"
    headings = [line for line in lines if line.startswith("#")]
    assert headings == [
        "# Letters with Ana Souza", "## 2025", "### Fri 3 Oct 2025 · Ana Souza wrote a card", "## 2026",
        "### Wed 25 Nov 2026 · Before writing (birthday · tenderness)",
        "### Wed 25 Nov 2026 · You wrote a letter (birthday)",
    ]
    assert "> \\# not a heading" in lines and "> owls on the envelope" in lines
    assert "Answered." in lines and "Posted Wed 25 Nov." in lines
    assert "\\- the owl stamp" in lines and "cedar" in lines
    assert sum(1 for line in lines if line.startswith("**")) == 2


def test_a_friend_without_letters_and_writing_to_a_private_file(ritual, tmp_path):
    fill(ritual)
    assert "No letters or reflections yet." in ritual.ok("journal", "Ben")
    target = tmp_path / "out" / "ana.md"
    said = ritual.ok("journal", "Ana", "--out", str(target))
    assert "Wrote the journal with Ana Souza" in said and "(3 entries)" in said
    assert target.read_text().startswith("# Letters with Ana Souza")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_an_unknown_friend_is_a_clear_problem(ritual):
    result = ritual("journal", "Nobody")
    assert result.exit_code == 1 and "Nobody" in result.stderr


def test_names_occasions_and_tones_are_plain_text_in_the_markdown(ritual):
    ritual.ok("friend", "add", "<script>alert(1)</script> # Heading")
    ritual.ok("letter", "add", "1", "--received", "--date", "2025-10-03", "--occasion", "[click](javascript:x)",
              "--tone", "*loud* `code`", "--note", "<img src=x> & *mine*")
    lines = ritual.ok("journal", "1").splitlines()
    assert lines[0] == "# Letters with \\<script\\>alert(1)\\</script\\> \\# Heading"
    heading = next(line for line in lines if line.startswith("### "))
    assert "\\[click\\](javascript:x)" in heading and "\\*loud\\* \\`code\\`" in heading
    assert "> \\<img src=x\\> \\& \\*mine\\*" in lines
    assert not any(re.search(r"(?<!\\)[<*`\[]", line) for line in lines if not line.startswith("#"))
