"""Addresses laid out by each country's rules, and envelope and label PDFs read back and rendered."""

from __future__ import annotations

import stat

import pytest

from ritual.core.model import Address, Friend
from ritual.services.post.address_format import format_address, format_friend
from ritual.services.post.pdf_document import BODY_FONTS, CJK_FONTS, find_font

ADDRESSES = {
    "DE": ("Anna Müller", Address(("Invalidenstraße 117",), "Berlin", "", "10115", "DE"),
           ["Anna Müller", "Invalidenstraße 117", "10115 BERLIN", "GERMANY"]),
    "US": ("John Carter", Address(("1600 Amphitheatre Pkwy", "Apt 4"), "Mountain View", "California", "94043", "US"),
           ["John Carter", "1600 Amphitheatre Pkwy", "Apt 4", "MOUNTAIN VIEW, CA 94043", "UNITED STATES"]),
    "JP": ("山田 太郎", Address(("神宮前1-2-3",), "渋谷区", "東京都", "150-0001", "JP"),
           ["〒150-0001", "東京都", "渋谷区", "神宮前1-2-3", "山田 太郎", "JAPAN"]),
    "FR": ("Camille Dubois", Address(("12 rue de la Paix",), "Paris", "", "75002", "FR"),
           ["Camille Dubois", "12 rue de la Paix", "75002 PARIS", "FRANCE"]),
    "BR": ("Ana Souza", Address(("Rua Augusta, 1200",), "São Paulo", "SP", "01304-001", "BR"),
           ["Ana Souza", "Rua Augusta, 1200", "SÃO PAULO-SP", "01304-001", "BRAZIL"]),
}
needs_font = pytest.mark.skipif(find_font(BODY_FONTS) is None, reason="no DejaVu Sans (fonts-dejavu-core)")
needs_cjk = pytest.mark.skipif(find_font(CJK_FONTS) is None, reason="no CJK font (fonts-droid-fallback)")


@pytest.mark.parametrize("country", sorted(ADDRESSES))
def test_each_country_orders_its_lines_as_its_post_expects(country):
    name, address, expected = ADDRESSES[country]
    formatted = format_address(name, address, home_country="GB")
    assert list(formatted.lines) == expected and formatted.printable


def test_japanese_in_latin_letters_uses_the_latin_layout_and_keeps_the_city():
    formatted = format_address("Taro Yamada", Address(("1-2-3 Jingumae",), "Shibuya-ku", "Tokyo", "150-0001", "JP"), "DE")
    assert formatted.lines == ("Taro Yamada", "1-2-3 Jingumae", "Shibuya-ku, TOKYO", "150-0001", "JAPAN")


def test_domestic_mail_leaves_the_country_out():
    name, address, expected = ADDRESSES["DE"]
    assert list(format_address(name, address, home_country="DE").lines) == expected[:-1]


def test_missing_required_fields_are_named_before_printing():
    formatted = format_address("Ana Souza", Address(("Rua Augusta, 1200",), "São Paulo", "", "", "BR"), "US")
    assert not formatted.printable
    assert formatted.problem_text() == ("Ana Souza (BR): region or state (--region) is missing; "
                                        "postal code (--postal-code) is missing")


def test_an_odd_postal_code_is_mentioned_but_does_not_stop_printing():
    formatted = format_address("Jo", Address(("10 Downing St",), "London", "", "12", "GB"), "US")
    assert formatted.printable and "postal code" in formatted.problem_text()


def test_a_friend_without_an_address_cannot_be_printed():
    assert not format_friend(Friend("Nobody"), "US").printable


def test_a_country_the_data_does_not_know_still_prints_what_was_given():
    formatted = format_address("Jo", Address(("1 Main Road",), "Town", "", "999", "ZZ"), "US")
    assert formatted.lines == ("Jo", "1 Main Road", "999 TOWN", "ZZ")


def pdf_lines(path) -> list[str]:
    from pypdf import PdfReader

    return [line.strip() for page in PdfReader(path).pages for line in page.extract_text().splitlines() if line.strip()]


def render_png(path, out):
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    image = document[0].render(scale=1).to_pil()
    image.save(out)
    return image


@needs_font
@needs_cjk
@pytest.mark.parametrize("country", sorted(ADDRESSES))
def test_envelope_pdf_reads_back_in_the_countrys_line_order(country, tmp_path):
    from ritual.services.post.envelopes import envelope_pdf

    name, address, expected = ADDRESSES[country]
    sender = ("Émilie Lefèvre", "Ελληνικά 3", "Москва 101000")
    path = envelope_pdf(format_address(name, address, "GB"), sender, "DL", tmp_path / "envelope.pdf")
    assert pdf_lines(path) == list(sender) + expected
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


@needs_font
@pytest.mark.parametrize("size", ["DL", "C6", "C5", "US10"])
def test_envelope_sizes_render_to_an_image_of_that_shape(size, tmp_path):
    from ritual.services.post.envelopes import ENVELOPE_SIZES, envelope_pdf

    name, address, _ = ADDRESSES["FR"]
    path = envelope_pdf(format_address(name, address, "GB"), (), size, tmp_path / "e.pdf")
    image = render_png(path, tmp_path / "e.png")
    width, height = ENVELOPE_SIZES[size]
    assert abs(image.width / image.height - width / height) < 0.02
    assert image.convert("L").getextrema()[0] < 100  # something dark was drawn


@needs_font
@needs_cjk
@pytest.mark.parametrize("sheet", ["A4-21", "LETTER-30"])
def test_labels_fill_sheets_in_order_and_open(sheet, tmp_path):
    from ritual.services.post.labels import SHEETS, labels_pdf

    formatted = [format_address(*ADDRESSES[c][:2], "GB") for c in sorted(ADDRESSES)]
    batch = formatted * 7  # 35 labels: more than one sheet of either kind
    path = labels_pdf(batch, sheet, tmp_path / "labels.pdf")
    from pypdf import PdfReader

    assert len(PdfReader(path).pages) == -(-len(batch) // SHEETS[sheet].per_page)
    assert pdf_lines(path)[: sum(len(a.lines) for a in formatted)] == [line for a in formatted for line in a.lines]
    assert render_png(path, tmp_path / "labels.png").width > 100


def test_every_label_box_stays_on_its_page():
    from ritual.services.post.labels import SHEETS

    for sheet in SHEETS.values():
        for index in range(sheet.per_page):
            box = sheet.box(index)
            assert 0 < box.x and box.x + box.width < sheet.page[0]
            assert 0 < box.y and box.y + box.height < sheet.page[1]
