"""PDF pages with an embedded Unicode font, and blocks of address lines fitted into a box."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ritual.errors import RitualError
from ritual.private_files import write_private_bytes

# DejaVu Sans covers Latin, Greek and Cyrillic (Debian: fonts-dejavu-core); a CJK font, when present, fills in
# Chinese, Japanese and Korean. RITUAL_FONT names a TrueType font to use instead.
BODY_FONTS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "/usr/local/share/fonts/DejaVuSans.ttf",
    "/Library/Fonts/Arial Unicode.ttf",
    "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
)
CJK_FONTS = (
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts-droid-fallback/truetype/DroidSansFallback.ttf",
    "/usr/share/fonts/droid/DroidSansFallbackFull.ttf",
)
MIN_POINTS = 5.0
POINT_MM = 25.4 / 72
LINE_SPACING = 1.25


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle on the page in millimetres, from its top-left corner."""

    x: float
    y: float
    width: float
    height: float


def find_font(candidates: Sequence[str], env: str | None = None) -> Path | None:
    """The first font file that exists, the one named by the environment variable first."""
    chosen = os.environ.get(env, "") if env else ""
    for path in ([chosen] if chosen else []) + list(candidates):
        if path and Path(path).is_file():
            return Path(path)
    return None


def new_document(width: float, height: float):
    """An empty fpdf2 document of one page size (millimetres) with the body font and any CJK fallback loaded."""
    from fpdf import FPDF

    body = find_font(BODY_FONTS, "RITUAL_FONT")
    if body is None:
        raise RitualError("no Unicode font was found to print with: install DejaVu Sans (Debian: fonts-dejavu-core) "
                          "or set RITUAL_FONT to a TrueType font file")
    pdf = FPDF(unit="mm", format=(width, height))
    pdf.set_auto_page_break(False)
    pdf.set_margins(0, 0, 0)
    pdf.add_font("body", fname=str(body))
    cjk = find_font(CJK_FONTS)
    if cjk is not None:
        pdf.add_font("cjk", fname=str(cjk))
        pdf.set_fallback_fonts(["cjk"], exact_match=False)
    pdf.set_font("body", size=10)
    pdf.set_creator("ritual")
    return pdf


def fitted_size(pdf, lines: Sequence[str], box: Box, largest: float) -> float:
    """The largest font size up to `largest` at which every line fits the box's width and all fit its height."""
    size = largest
    while size > MIN_POINTS:
        pdf.set_font("body", size=size)
        tall = len(lines) * size * POINT_MM * LINE_SPACING
        if tall <= box.height and all(pdf.get_string_width(line) <= box.width for line in lines):
            break
        size -= 0.5
    return size


def draw_lines(pdf, lines: Sequence[str], box: Box, largest: float) -> None:
    """Write the lines top-down in the box, each on its own line, at the size that fits."""
    size = fitted_size(pdf, lines, box, largest)
    pdf.set_font("body", size=size)
    step = size * POINT_MM * LINE_SPACING
    for number, line in enumerate(lines):
        # cell() rather than text(): only cells switch to the fallback font for characters the body font lacks.
        pdf.set_xy(box.x, box.y + step * number)
        pdf.cell(w=box.width, h=step, text=line)


def save(pdf, path: Path) -> Path:
    """Write the PDF owner-only: it holds names and addresses."""
    return write_private_bytes(path, bytes(pdf.output()))
