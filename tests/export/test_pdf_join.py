"""Joining PDF parts (edition/export/pdf_join.py), on small documents made here: a link to an id
of another part works once joined, one to an id no part has is dropped, the page labels and the
outline are the parts' own, and a part's layout is freed once it is written."""
import gc
import io

import pytest
from pypdf import PdfReader

from edition.export.pdf import render_part
from edition.export.pdf_join import CROSS_PART, join_parts

from .pdf_reading import destinations, internal_targets, links, outline

PAGE = '<div style="break-before: page">{}</div>'


def html(*pages) -> str:
    return "<!doctype html><html><body>" + "".join(PAGE.format(page) for page in pages) + "</body></html>"


@pytest.fixture
def joined(tmp_path):
    """Two parts: the first links to the second, to itself, and to an id neither has."""
    first = render_part(html('<h1 id="intro">Intro</h1><a href="#there">there</a> <a href="#here">here</a> '
                             '<a href="#nowhere">nowhere</a>', '<p id="here">Here</p>'),
                        tmp_path / "first.pdf", [], first_page=1)
    second = render_part(html("<p>Filler</p>", '<h1 id="there">There</h1><a href="#intro">back</a>'),
                         tmp_path / "second.pdf", [], first_page=3)
    out = io.BytesIO()
    pages = join_parts([first.path, second.path], out, labels=[(0, "/r"), (1, "/D")])
    return pages, PdfReader(io.BytesIO(out.getvalue()), strict=True)


def test_it_keeps_every_page_in_order(joined):
    pages, reader = joined
    assert pages == len(reader.pages) == 4
    assert "Filler" in reader.pages[2].extract_text() and "There" in reader.pages[3].extract_text()


def test_a_link_to_another_part_leads_to_its_destination(joined):
    _, reader = joined
    dests = destinations(reader)
    assert dests == {"intro": 0, "here": 1, "there": 3}
    assert sorted(internal_targets(reader)) == [(0, "here"), (0, "there"), (3, "intro")]


def test_a_link_to_an_id_no_part_has_is_dropped(joined):
    _, reader = joined
    assert all("/Dest" in link for _, link in links(reader))  # nothing left as a URI
    assert "nowhere" not in {name for _, name in internal_targets(reader)}


def test_the_page_labels_are_the_ones_asked_for(joined):
    _, reader = joined
    assert reader.page_labels == ["i", "1", "2", "3"]


def test_the_outline_is_the_parts_outlines_in_order(joined):
    _, reader = joined
    assert outline(reader) == [(0, "Intro", 0), (0, "There", 3)]


def test_a_part_is_laid_out_with_its_page_numbers_from_the_first_asked_for(tmp_path):
    style = "@page { @bottom-center { content: counter(page) } }"
    document = f'<!doctype html><html><head><style>{style}</style></head><body>{PAGE.format("a") * 2}</body></html>'
    part = render_part(document, tmp_path / "part.pdf", [], first_page=7)
    texts = [page.extract_text() for page in PdfReader(part.path).pages]
    assert part.pages == 2 and "7" in texts[0] and "8" in texts[1]


def test_a_part_records_the_page_of_the_ids_it_is_asked_for(tmp_path):
    part = render_part(html("<p id='a'>A</p>", "<p id='b'>B</p>", "<p id='c'>C</p>"), tmp_path / "part.pdf", [],
                       first_page=10, wanted={"b", "c"})
    assert part.starts == {"b": 11, "c": 12}


def test_a_parts_layout_is_freed_once_it_is_written(tmp_path):
    """Nothing keeps the document, and what its layout left in reference cycles (computed styles,
    boxes) is collected before the next part is laid out, not whenever the collector gets to it."""
    from weasyprint.css import ComputedStyle
    from weasyprint.document import Document, Page
    from weasyprint.formatting_structure.boxes import Box

    gc.disable()
    try:
        render_part(html(*["<p>text</p>"] * 5), tmp_path / "part.pdf", [], first_page=1)
        alive = [obj for obj in gc.get_objects() if isinstance(obj, (Document, Page, ComputedStyle, Box))]
    finally:
        gc.enable()
    assert alive == []


def test_the_cross_part_links_are_uris_in_a_part_before_the_join(tmp_path):
    part = render_part(html('<a href="#elsewhere">x</a>'), tmp_path / "part.pdf", [], first_page=1)
    (_, link), = links(PdfReader(part.path))
    assert link["/A"]["/URI"] == CROSS_PART + "elsewhere"
