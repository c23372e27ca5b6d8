"""The PDF laid out in batches: two articles at a time here, so that the five seed articles make
three chapter parts (then the back matter, then the front). It must be the book laid out in one
batch, page for page, with its page numbers running on across the parts, the contents right, and
every link, destination and outline entry that crosses from one part to another working."""
import re

import pytest
from pypdf import PdfReader

from edition.export import pdf
from edition.export.assemble import assemble_edition
from edition.export.pdf_join import CROSS_PART

from .pdf_reading import contents_folio, destinations, flat, folio, internal_targets, links, outline, page_texts


def edition_of(people):
    return assemble_edition("all", "class", user=people.teacher, classroom=people.classroom, anonymise=True,
                            base_url="http://testserver")


@pytest.fixture(scope="module")
def laid_out(people, tmp_path_factory):
    """The book in batches of two, and the parts it was made of: (name, first page, pages)."""
    folder, parts = tmp_path_factory.mktemp("pdf-batches"), []
    real = pdf.render_part

    def recorded(html, path, styles, *, first_page, wanted=()):
        part = real(html, path, styles, first_page=first_page, wanted=wanted)
        parts.append((path.stem, first_page, part.pages))
        return part

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pdf, "render_part", recorded)
        pdf.write_pdf(edition_of(people), folder / "batched.pdf", batch_articles=2)
    return folder / "batched.pdf", parts


@pytest.fixture(scope="module")
def whole(people, tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf-whole") / "whole.pdf"
    pdf.write_pdf(edition_of(people), path, batch_articles=50)
    return path


@pytest.fixture(scope="module")
def book(laid_out):
    return laid_out[0]


@pytest.fixture(scope="module")
def parts(laid_out):
    return laid_out[1]


@pytest.fixture(scope="module")
def pages(book):
    return page_texts(book)


@pytest.fixture(scope="module")
def reader(book):
    return PdfReader(book, strict=True)


@pytest.fixture(scope="module")
def dests(reader):
    return destinations(reader)


@pytest.fixture(scope="module")
def front_pages(parts):
    return dict((name, pages) for name, _, pages in parts)["front"]


def part_of(parts, front_pages, index) -> str:
    """The name of the part a page of the joined book comes from."""
    if index < front_pages:
        return "front"
    folio_ = index - front_pages + 1
    return next(name for name, first, count in parts if name != "front" and first <= folio_ < first + count)


def test_the_chapters_are_laid_out_two_articles_at_a_time_then_the_back_then_the_front(parts):
    assert [name for name, _, _ in parts] == ["chapters-0001", "chapters-0002", "chapters-0003", "back", "front"]
    folio_ = 1
    for name, first, count in parts[:-1]:
        assert first == folio_, (name, parts)  # each part's counter starts where the last one ended
        folio_ += count
    assert parts[-1][1] == 1


def test_it_is_the_same_book_as_one_laid_out_at_once(pages, reader, whole):
    assert pages == page_texts(whole)
    single = PdfReader(whole)
    assert len(internal_targets(reader)) == len(internal_targets(single))
    assert destinations(reader) == destinations(single)
    assert outline(reader) == outline(single)


def test_the_page_numbers_run_on_across_the_parts(pages, reader, front_pages):
    printed = [folio(page) for page in pages[front_pages:]]
    assert printed == [str(number) for number in range(1, len(printed) + 1)]
    assert reader.page_labels[front_pages:] == printed  # what a viewer shows is what is printed
    assert reader.page_labels[:front_pages] == ["i", "ii", "iii"][:front_pages]


def test_the_contents_give_the_page_where_each_chapter_starts(pages, dests, people, front_pages):
    for meta in edition_of(people).contents:
        number = contents_folio(pages, meta.title)
        index = front_pages + number - 1
        assert folio(pages[index]) == str(number)
        assert dests[meta.ident] == index, meta.title  # the chapter's own destination
        head = flat("\n".join(pages[index].strip().splitlines()[:8]))
        assert meta.title[:40] in head, (meta.title, head)
        assert meta.title[:40] not in flat(pages[index - 1]) or index == front_pages


def test_the_contents_give_the_pages_of_the_back_matter(pages, dests, front_pages):
    for ident, heading in [("glossary", "Glossary"), ("register", "Register"), ("events", "Events"),
                           ("timeline", "Timeline")]:
        index = front_pages + contents_folio(pages, heading) - 1
        assert dests[ident] == index and flat(pages[index]).startswith(f"China–Japan Relations {heading}")


def test_every_link_leads_to_a_destination_of_the_book(reader, dests):
    targets = internal_targets(reader)
    assert len(targets) > 100
    assert [name for _, name in targets if name not in dests] == []
    uris = [str(link["/A"].get("/URI", "")) for _, link in links(reader) if "/A" in link]
    assert not [uri for uri in uris if uri.startswith(CROSS_PART)]  # none left unresolved by the join


def test_links_cross_between_all_the_parts(reader, dests, parts, front_pages):
    crossings = {(part_of(parts, front_pages, index), part_of(parts, front_pages, dests[name]))
                 for index, name in internal_targets(reader)}
    assert {("front", "chapters-0001"), ("front", "chapters-0003"), ("front", "back"),  # the contents
            ("chapters-0001", "back"), ("chapters-0003", "back"),  # mentions to the glossary and register
            ("back", "chapters-0001"), ("back", "chapters-0003")} <= crossings  # the places of an entry


def test_the_contents_link_each_chapter_to_its_first_page(reader, dests, people, front_pages):
    from_contents = {name for index, name in internal_targets(reader) if index < front_pages}
    idents = {meta.ident for meta in edition_of(people).contents}
    assert idents | {"glossary", "register", "events", "timeline"} == from_contents


def test_paragraph_links_lead_to_the_numbered_paragraph(reader, pages, dests):
    paragraph_links = [name for _, name in internal_targets(reader) if re.fullmatch(r"a\d+-p\d+", name)]
    assert len(paragraph_links) > 20
    for name in set(paragraph_links):
        chapter, number = re.fullmatch(r"(a\d+)-p(\d+)", name).groups()
        page = dests[name]
        assert dests[chapter] <= page
        assert re.search(rf"^\s*{number}\s+\S", pages[page], re.MULTILINE), (name, pages[page][:300])


def test_the_outline_has_each_chapter_at_its_first_page(reader, dests, people):
    entries = outline(reader)
    top = [title for depth, title, _ in entries if depth == 0]
    titles = [meta.title for meta in edition_of(people).contents]
    assert top == ["China–Japan Relations", "Contents", *titles, "Glossary", "Register", "Events", "Timeline"]
    for meta in edition_of(people).contents:
        assert (0, meta.title, dests[meta.ident]) in entries
    assert any(depth == 1 for depth, _, _ in entries)  # headings within a chapter, under it


def test_footnotes_and_margin_notes_stay_in_their_parts(pages):
    text = flat(" ".join(pages))
    assert "One reason why the Hu-Fukuda agreement has never come to fruition" in text
    assert text.count("Hope as policy") >= 2
