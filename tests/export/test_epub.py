"""EPUB 3: epubcheck finds no error and no warning; notes are EPUB footnotes with back links;
mentions link to the glossary and register sections; the navigation lists every article."""
import re
import subprocess
import zipfile

import pytest
from lxml import etree

from .conftest import class_export
from .validators import command

XHTML = {"x": "http://www.w3.org/1999/xhtml", "epub": "http://www.idpf.org/2007/ops"}
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"


@pytest.fixture(scope="module")
def book(write, people):
    return class_export(write, people, "epub", anonymise=True)


@pytest.fixture(scope="module")
def chapters(book):
    with zipfile.ZipFile(book) as archive:
        return {name: etree.fromstring(archive.read(name)) for name in archive.namelist()
                if name.endswith(".xhtml")}


def chapter(chapters, slug_start):
    return next(tree for name, tree in chapters.items() if name.startswith(f"OEBPS/text/{slug_start}"))


def test_epubcheck_finds_no_errors_and_no_warnings(book):
    result = subprocess.run([*command("epubcheck"), str(book)], capture_output=True, text=True, timeout=300)
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    assert re.search(r"Messages: 0 fatals / 0 errors / 0 warnings", report) or "No errors or warnings" in report, report
    assert "WARNING" not in report and "ERROR" not in report, report


def test_epubcheck_passes_an_export_of_one_article_without_annotations(write, people):
    book = write("epub", scope=[people.asianews.slug])
    result = subprocess.run([*command("epubcheck"), str(book)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0 and "WARNING" not in result.stdout + result.stderr, result.stdout + result.stderr


def test_the_mimetype_comes_first_and_uncompressed(book):
    with zipfile.ZipFile(book) as archive:
        first = archive.infolist()[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
        assert archive.read("mimetype") == b"application/epub+zip"


def test_the_navigation_lists_every_article_then_the_apparatus(chapters, people):
    nav = chapters["OEBPS/nav.xhtml"]
    titles = [a.text for a in nav.iterfind(".//x:nav[@id='toc']//x:a", XHTML)]
    assert people.kishida.title in titles and people.asianews.title in titles
    assert titles[-4:] == ["Glossary", "Register", "Events", "Timeline"]


def test_a_source_note_is_a_footnote_with_a_back_link(chapters, people):
    tree = chapter(chapters, people.asianews.slug)
    ref = tree.find(".//x:a[@id='ref-1']", XHTML)
    assert ref.get(EPUB_TYPE) == "noteref" and ref.get("href") == "#note-1"
    note = tree.find(".//x:aside[@id='note-1']", XHTML)
    assert note.get(EPUB_TYPE) == "footnote"
    assert note.find(".//x:a[@role='doc-backlink']", XHTML).get("href") == "#ref-1"
    assert "Hu-Fukuda agreement" in "".join(note.itertext())


def test_an_editorial_note_and_the_annotations_are_footnotes_too(chapters, people):
    tree = chapter(chapters, people.kishida.slug)
    asides = {aside.get("id"): "".join(aside.itertext()) for aside in tree.iterfind(".//x:aside", XHTML)}
    assert "détente" in asides["note-ea"]
    assert "Hope" in asides["ann-a3"] and "it is rhetoric" in asides["ann-a3"]  # the replies come along
    for key in asides:
        prefix = "annref-" if key.startswith("ann-") else "ref-"
        assert tree.find(f".//x:a[@id='{prefix}{key.split('-', 1)[1]}']", XHTML) is not None, key


def test_mentions_link_to_their_glossary_or_register_entry(chapters, people):
    tree = chapter(chapters, people.kishida.slug)
    links = {a.get("href") for a in tree.iterfind(".//x:a[@class='mention mention-person']", XHTML)}
    assert "../register.xhtml#entry-xi-jinping" in links
    register = chapters["OEBPS/register.xhtml"]
    assert register.find(".//x:dt[@id='entry-xi-jinping']", XHTML) is not None
    glossary = chapters["OEBPS/glossary.xhtml"]
    assert glossary.find(".//x:section", XHTML).get(EPUB_TYPE) == "glossary"


def test_paragraphs_are_numbered(chapters, people):
    tree = chapter(chapters, people.kishida.slug)
    third = tree.find(".//x:p[@id='p3']", XHTML)
    assert third.find("x:span[@class='pnum']", XHTML).text == "3"


def test_the_timeline_is_inline_svg_declared_in_the_package(book, chapters):
    timeline = chapters["OEBPS/timeline.xhtml"]
    assert timeline.find(".//{http://www.w3.org/2000/svg}svg") is not None
    with zipfile.ZipFile(book) as archive:
        assert 'properties="svg"' in archive.read("OEBPS/content.opf").decode()
