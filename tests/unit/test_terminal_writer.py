"""Printing without click writes what click.echo and click.style would, on every kind of stream."""

from __future__ import annotations

import io
import sys

import click
import pytest

from ritual.text.output import Styler
from ritual.text.safe import say, write_out

KINDS = {"heading": {"bold": True}, "muted": {"dim": True}, "attention": {"fg": "yellow"}, "accent": {"fg": "cyan"}}


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_each_style_is_the_one_click_would_write(kind):
    painted = getattr(Styler(True), kind)("Léa — 14 Mar")
    assert painted == click.style("Léa — 14 Mar", **KINDS[kind])
    assert getattr(Styler(False), kind)("Léa — 14 Mar") == "Léa — 14 Mar"


def _streams(encoding: str) -> tuple[io.BytesIO, io.TextIOWrapper]:
    raw = io.BytesIO()
    return raw, io.TextIOWrapper(raw, encoding=encoding, write_through=False)


@pytest.mark.parametrize("encoding", ["utf-8", "ascii", "US-ASCII", "latin-1"])
@pytest.mark.parametrize("err", [False, True])
def test_the_bytes_written_are_click_echos_on_any_encoding(monkeypatch, encoding, err):
    text = "São Paulo, Léa"
    if "ascii" in encoding.lower():
        text += " — \udcff"  # beyond the stream's own encoding: UTF-8 goes below it, a lone surrogate as `?`
    ours, theirs = _streams(encoding), _streams(encoding)
    monkeypatch.setattr(sys, "stderr" if err else "stdout", ours[1])
    write_out(text + "\n", err)
    monkeypatch.setattr(sys, "stderr" if err else "stdout", theirs[1])
    click.echo(text, err=err, color=True)
    # Both flushed every byte: nothing waits in the text layer.
    assert ours[0].getvalue() == theirs[0].getvalue() and ours[0].getvalue()


def test_a_stream_without_bytes_below_it_takes_the_text_itself(monkeypatch):
    page = io.StringIO()
    monkeypatch.setattr(sys, "stdout", page)
    say("Léa\x1b]0;x\x07", nl=False)
    assert page.getvalue() == "Léa^[]0;x^G"


def test_no_stream_attached_prints_nothing_and_raises_nothing(monkeypatch):
    monkeypatch.setattr(sys, "stdout", None)
    say("nobody reads this")
    write_out("nor this")


LONG_PAGE = "\n".join(f"  write    Write to Léa Müller {n} — birthday ({n % 90}) Sat 14 Mar" for n in range(400))


@pytest.mark.parametrize("encoding", ["utf-8", "latin-1"])
def test_a_long_page_is_written_as_the_short_way_would_write_it(monkeypatch, encoding):
    page = LONG_PAGE if encoding == "utf-8" else LONG_PAGE.replace("—", "-")  # what Latin-1 can hold
    ours, theirs = _streams(encoding), _streams(encoding)
    monkeypatch.setattr(sys, "stdout", ours[1])
    say(page)
    monkeypatch.setattr(sys, "stdout", theirs[1])
    write_out(page + "\n")
    assert ours[0].getvalue() == theirs[0].getvalue() == (page + "\n").encode(encoding)


def test_a_long_page_follows_what_the_stream_still_held(monkeypatch):
    raw, stream = _streams("utf-8")
    monkeypatch.setattr(sys, "stdout", stream)
    stream.write("first ")  # still in the text layer, not flushed
    say(LONG_PAGE, nl=False)
    assert raw.getvalue() == ("first " + LONG_PAGE).encode()


@pytest.mark.parametrize("styled", [False, True])
def test_a_control_character_deep_in_a_long_page_is_still_shown_not_sent(monkeypatch, styled):
    raw, stream = _streams("utf-8")
    monkeypatch.setattr(sys, "stdout", stream)
    page = Styler(styled).heading("Upcoming") + "\n" + LONG_PAGE + "\nEvil\x1b]0;PWNED\x07 \x9b2J"
    say(page, color=styled)
    written = raw.getvalue().decode()
    assert written.endswith("Evil^[]0;PWNED^G \ufffd2J\n")
    assert written.startswith("\x1b[1mUpcoming\x1b[0m\n" if styled else "Upcoming\n")


def test_a_long_styled_page_keeps_only_the_stylers_own_codes(monkeypatch):
    raw, stream = _streams("utf-8")
    monkeypatch.setattr(sys, "stdout", stream)
    page = "\n".join(Styler(True).attention(line) for line in LONG_PAGE.splitlines())
    say(page, color=True)
    assert raw.getvalue() == (page + "\n").encode()
    say(page, color=False)  # colour off: even the Styler's codes are shown, not sent
    assert "\x1b" not in raw.getvalue().decode()[len(page) + 1:]


def test_a_long_page_holding_a_lone_surrogate_is_left_to_the_stream(monkeypatch):
    raw, stream = _streams("utf-8")
    monkeypatch.setattr(sys, "stdout", stream)
    with pytest.raises(UnicodeEncodeError):
        say(LONG_PAGE + "\udcff")  # as before: a strict UTF-8 stream refuses it, nothing is half written
    assert raw.getvalue() == b""
