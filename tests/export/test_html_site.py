"""The static site: a zip that works opened from disk. Every internal link and source resolves to
a file (and an id in it) inside the package; nothing points at the server."""
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html
import pytest
from django.conf import settings

from .conftest import class_export, unzip


@pytest.fixture(scope="module")
def site(write, people, tmp_path_factory):
    archive = class_export(write, people, "html", anonymise=True)
    root = unzip(archive, tmp_path_factory.mktemp("site"))
    (folder,) = root.iterdir()
    return folder


def pages(site):
    return {path: lxml.html.parse(str(path)).getroot() for path in site.rglob("*.html")}


def references(page):
    for element in page.iter():
        for attribute in ("href", "src", "xlink:href", "{http://www.w3.org/1999/xlink}href"):
            value = element.get(attribute)
            if value is not None:
                yield value


def test_the_zip_holds_one_folder_named_for_the_edition_and_the_day(site):
    assert site.name.startswith("china-japan-edition-")
    assert (site / "index.html").exists()


def test_every_internal_link_and_source_resolves(site):
    ids = {}
    broken = []
    for path, page in pages(site).items():
        for ref in references(page):
            parts = urlsplit(ref)
            if parts.scheme in ("http", "https", "mailto"):
                continue
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            if not target.is_file() or site.resolve() not in target.parents:
                broken.append(f"{path.relative_to(site)} → {ref}")
                continue
            if parts.fragment:
                if target not in ids:
                    ids[target] = {e.get("id") for e in lxml.html.parse(str(target)).getroot().iter() if e.get("id")}
                if parts.fragment not in ids[target]:
                    broken.append(f"{path.relative_to(site)} → {ref} (no such id)")
    assert broken == []


def test_nothing_points_at_the_server(site):
    for path, page in pages(site).items():
        for ref in references(page):
            assert not ref.startswith("/"), f"{path.name}: {ref}"
        assert "/static/" not in path.read_text()


def test_it_has_no_script(site):
    for path, page in pages(site).items():
        assert not page.xpath("//script"), path.name


def test_it_carries_the_sites_own_stylesheets(site):
    static = Path(settings.BASE_DIR) / "static" / "css"
    assert (site / "css" / "edition.css").read_bytes() == (static / "edition.css").read_bytes()
    assert (site / "css" / "print.css").read_bytes() == (static / "print.css").read_bytes()


def test_it_has_entry_and_event_pages_linked_from_the_text(site, people):
    article = pages(site)[site / "articles" / f"{people.kishida.slug}.html"]
    hrefs = {a.get("href") for a in article.iter("a")}
    assert "../entries/xi-jinping.html" in hrefs
    assert any(href.startswith("../events/") for href in hrefs)
    entry = (site / "entries" / "xi-jinping.html").read_text()
    assert "Xi Jinping" in entry and f"../articles/{people.kishida.slug}.html#p" in entry


def test_annotations_sit_beside_the_text(site, people):
    article = pages(site)[site / "articles" / f"{people.kishida.slug}.html"]
    margin = article.xpath("//span[contains(@class, 'annotation-sidenote')]")
    assert any("Hope as policy" in m.text_content() for m in margin)
    thread = article.get_element_by_id("ann-a3").text_content()
    assert "it is rhetoric" in thread and "Teacher 1" in thread


def test_paragraph_numbers_and_notes_are_the_sites(site, people):
    article = pages(site)[site / "articles" / f"{people.asianews.slug}.html"]
    assert article.get_element_by_id("p3").find_class("pnum")[0].text == "3"
    assert "Hu-Fukuda agreement" in article.get_element_by_id("note-1").text_content()
