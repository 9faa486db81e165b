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
