"""The PDF book, read back with poppler: titles, contents with page numbers, running heads,
paragraph numbers, a note at the foot of its page, the annotations; and its pages render.
(Laid out in several parts: test_pdf_batches.py.)"""
import re
import subprocess

import pytest
from pypdf import PdfReader

from .conftest import class_export
from .pdf_reading import contents_folio, destinations, flat, folio, internal_targets, outline, page_texts
from .validators import command

FOOTNOTE = "One reason why the Hu-Fukuda agreement has never come to fruition"


@pytest.fixture(scope="module")
def book(write, people):
    return class_export(write, people, "pdf", anonymise=True)


@pytest.fixture(scope="module")
def pages(book):
    return page_texts(book)


@pytest.fixture(scope="module")
def reader(book):
    return PdfReader(book, strict=True)


def page_of(pages, words):
    return next(index for index, page in enumerate(pages) if words in " ".join(page.split()))


def test_it_is_a_pdf_with_the_titles_of_the_articles(book, pages, people):
    assert book.read_bytes().startswith(b"%PDF-")
    text = " ".join(" ".join(pages).split())
    assert "China–Japan Relations" in text
    assert people.kishida.title in text and people.asianews.title in text


def test_the_contents_give_each_article_its_page(pages, people):
    number = contents_folio(pages, people.asianews.title)
    (page,) = [page for page in pages if folio(page) == str(number)]
    assert people.asianews.title in flat(page)


def test_the_front_matter_is_numbered_apart_from_the_chapters(pages, reader):
    labels = reader.page_labels
    assert labels[:3] == ["i", "ii", "1"]
    assert folio(pages[0]) is None and folio(pages[1]) == "ii"  # a title page has no number
    assert [folio(page) for page in pages[2:]] == labels[2:]  # the viewer's numbers are the printed ones


def test_its_links_lead_to_destinations_it_has(reader):
    targets = internal_targets(reader)
    dests = destinations(reader)
    assert len(targets) > 100 and all(name in dests for _, name in targets)


def test_it_has_an_outline_of_its_chapters_and_back_matter(reader, people):
    top = [title for depth, title, _ in outline(reader) if depth == 0]
    assert top[:2] == ["China–Japan Relations", "Contents"]
    assert top[-4:] == ["Glossary", "Register", "Events", "Timeline"]
    assert people.kishida.title in top and people.asianews.title in top


def test_pages_have_running_heads(pages, people):
    start = page_of(pages, "One of the main drivers behind Beijing’s conciliatory tone")
    head = pages[start].strip().splitlines()[0]
    assert "China–Japan Relations" in head and people.kishida.title[:30] in head


def test_paragraphs_are_numbered_in_the_margin(pages):
    page = pages[page_of(pages, "The talks signaled initial momentum")]
    assert re.search(r"^\s*2\s+The talks signaled initial momentum", page, re.MULTILINE), page


def test_a_source_note_is_at_the_foot_of_its_page(pages):
    index = page_of(pages, FOOTNOTE)
    page = " ".join(pages[index].split())
    assert "position from anti-Japanese nationalists in China" in page  # the paragraph that calls it
    assert page.index(FOOTNOTE) > page.index("position from anti-Japanese nationalists in China")


def test_the_annotations_are_in_the_margin_and_in_full_after_the_article(pages):
    text = " ".join(" ".join(pages).split())
    assert text.count("Hope as policy") >= 2  # margin note and endnote
    assert "it is rhetoric" in text and "Teacher 1" in text
    assert "words the editors later cut" in text  # the orphan, kept


def test_the_glossary_register_and_events_close_the_book(pages):
    text = " ".join(" ".join(pages).split())
    for heading in ("Glossary", "Register", "Events", "Timeline"):
        assert heading in text
    assert "Treaty of Peace and Friendship" in text


def test_its_pages_render(book, tmp_path):
    subprocess.run([*command("pdftoppm"), "-png", "-r", "40", "-f", "1", "-l", "3", str(book), str(tmp_path / "page")],
                   check=True, timeout=120)
    images = sorted(tmp_path.glob("page-*.png"))
    assert len(images) == 3 and all(image.stat().st_size > 1000 for image in images)
