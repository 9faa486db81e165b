"""Sheets of address labels as PDF pages, for a batch of cards."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ritual.services.post.address_format import FormattedAddress
from ritual.services.post.pdf_document import Box, draw_lines, new_document, save


@dataclass(frozen=True, slots=True)
class Sheet:
    """A label sheet: page size, grid, the first label's corner and the step between labels (millimetres)."""

    page: tuple[float, float]
    columns: int
    rows: int
    left: float
    top: float
    label: tuple[float, float]
    pitch: tuple[float, float]
    padding: float
    points: float

    @property
    def per_page(self) -> int:
        """Labels on one sheet."""
        return self.columns * self.rows

    def box(self, index: int) -> Box:
        """The printable area of label `index` on its page (left to right, then down)."""
        row, column = divmod(index % self.per_page, self.columns)
        x = self.left + column * self.pitch[0] + self.padding
        y = self.top + row * self.pitch[1] + self.padding
        return Box(x, y, self.label[0] - 2 * self.padding, self.label[1] - 2 * self.padding)


SHEETS = {
    # 21 labels of 63.5 x 38.1 mm on A4, the common layout of L7160 sheets.
    "A4-21": Sheet((210.0, 297.0), 3, 7, 7.2, 15.1, (63.5, 38.1), (66.0, 38.1), 3.5, 10.0),
    # 30 labels of 2 5/8 x 1 inch on US Letter, the layout of 5160 sheets.
    "LETTER-30": Sheet((215.9, 279.4), 3, 10, 4.8, 12.7, (66.7, 25.4), (69.85, 25.4), 2.5, 8.0),
}


def labels_pdf(addresses: Sequence[FormattedAddress], sheet_name: str, path: Path) -> Path:
    """Write the addresses on as many sheets as they need, in the order given."""
    sheet = SHEETS[sheet_name]
    pdf = new_document(*sheet.page)
    pdf.set_title("Address labels")
    for index, address in enumerate(addresses):
        if index % sheet.per_page == 0:
            pdf.add_page()
        draw_lines(pdf, address.lines, sheet.box(index), sheet.points)
    if not addresses:
        pdf.add_page()
    return save(pdf, path)
