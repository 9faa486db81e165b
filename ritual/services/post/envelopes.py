"""An envelope as a PDF page: the return address top left, the recipient's address where the post reads it."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ritual.services.post.address_format import FormattedAddress
from ritual.services.post.pdf_document import Box, draw_lines, new_document, save

# Width and height in millimetres, landscape, as the envelope goes through a printer's manual feed.
ENVELOPE_SIZES = {
    "DL": (220.0, 110.0),
    "C6": (162.0, 114.0),
    "C5": (229.0, 162.0),
    "US10": (241.3, 104.8),
}
MARGIN = 12.0
# The top-right corner stays free for the stamp.
STAMP_ROOM = 40.0


def recipient_box(width: float, height: float) -> Box:
    """The address area: the right half, below the stamp, above the bottom strip sorting machines print on."""
    top = max(height * 0.45, STAMP_ROOM)
    left = width * 0.42
    return Box(left, top, width - left - MARGIN, height - top - 15.0)


def return_box(width: float, height: float) -> Box:
    """Top left, small, clear of the stamp."""
    return Box(MARGIN, MARGIN, width * 0.42 - MARGIN - 5, STAMP_ROOM - MARGIN)


def envelope_pdf(recipient: FormattedAddress, sender: Sequence[str], size: str, path: Path) -> Path:
    """Write one envelope of `size` (DL, C6, C5, US10) to `path`."""
    width, height = ENVELOPE_SIZES[size]
    pdf = new_document(width, height)
    pdf.set_title(f"Envelope to {recipient.name}")
    pdf.add_page()
    if sender:
        draw_lines(pdf, sender, return_box(width, height), 8.0)
    draw_lines(pdf, recipient.lines, recipient_box(width, height), 12.0)
    return save(pdf, path)


def envelopes_pdf(recipients: Sequence[FormattedAddress], sender: Sequence[str], size: str, path: Path) -> Path:
    """Write one envelope of `size` per recipient, a page each, to `path`."""
    width, height = ENVELOPE_SIZES[size]
    pdf = new_document(width, height)
    pdf.set_title("Envelopes")
    for recipient in recipients:
        pdf.add_page()
        if sender:
            draw_lines(pdf, sender, return_box(width, height), 8.0)
        draw_lines(pdf, recipient.lines, recipient_box(width, height), 12.0)
    return save(pdf, path)
