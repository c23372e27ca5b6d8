"""EPUB 3, built by hand as a zip so that every byte is ours and epubcheck has nothing to warn of.

One XHTML chapter per article: paragraph numbers, source and editorial notes as EPUB footnotes
(`epub:type="noteref"` → `<aside epub:type="footnote">` with a back link), the readers'
annotations as footnotes too, the sources cited. Then the glossary, the register and the events as
linked sections (every mention in the text links to its entry), and the timeline as inline SVG.
Chapters are written as the articles come; the package document, which lists them, goes last.
"""
from __future__ import annotations

import uuid
import zipfile
from datetime import datetime, time, timezone

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from .apparatus import capped, with_titles
from .inline import InlineHtml
from .markup import xhtml
from .pages import STYLES, article_page, site_css

TEMPLATES = "edition/export/epub/"
CONTAINER = """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
"""


def chapter_name(meta) -> str:
    return f"text/{meta.slug}.xhtml"


def svg_for_xhtml(svg: str) -> str:
    """SVG 1.1 inside XHTML links with xlink:href (what EPUB reading systems and epubcheck expect)."""
    svg = svg.replace('<svg xmlns="http://www.w3.org/2000/svg"',
                      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"', 1)
    return svg.replace("<a href=", "<a xlink:href=")


class EpubWriter:
    def __init__(self, edition, archive: zipfile.ZipFile):
        self.edition, self.archive = edition, archive
        self.apparatus = edition.apparatus
        self.identifier = uuid.uuid5(uuid.NAMESPACE_URL, f"{edition.base_url}/export/{edition.stem}/"
                                     f"{','.join(m.slug for m in edition.contents)}/{edition.description}")

    def put(self, name: str, data, compress=True) -> None:
        payload = data.encode("utf-8") if isinstance(data, str) else data
        self.archive.writestr(name, payload, compress_type=zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED)

    def page(self, name: str, template: str, context: dict) -> None:
        root = "../" * name.count("/")
        context = {"edition": self.edition, "root": root, **context}
        self.put(f"OEBPS/{name}", render_to_string(TEMPLATES + template, context))

    def entry_href(self, slug, root="../"):
        entry = self.apparatus.entry(slug)
        if entry is None:
            return None
        return f"{root}{'glossary' if entry.in_glossary else 'register'}.xhtml#entry-{slug}"

    def event_href(self, slug, root="../"):
        return f"{root}events.xhtml#event-{slug}" if self.apparatus.event(slug) else None

    def write(self) -> None:
        self.put("mimetype", "application/epub+zip", compress=False)  # first, stored: the EPUB rule
        self.put("META-INF/container.xml", CONTAINER)
        css = site_css()
        self.put("OEBPS/css/edition.css", css["edition.css"])
        self.put("OEBPS/css/print.css", css["print.css"])
        self.put("OEBPS/css/book.css", (STYLES / "epub.css").read_bytes())
        self.page("title.xhtml", "title.xhtml", {})
        self.page("nav.xhtml", "nav.xhtml", {"toc": [(m, chapter_name(m)) for m in self.edition.contents]})
        for article in self.edition.articles():
            inline = InlineHtml(article, entry_href=self.entry_href, event_href=self.event_href,
                                style="noteref", epub=True)
            self.page(chapter_name(article.meta), "chapter.xhtml", {"page": article_page(article, inline, xml=True)})
        self.apparatus_pages()
        self.put("OEBPS/content.opf", self.package())

    def apparatus_pages(self) -> None:
        apparatus, titles = self.apparatus, self.edition.by_slug()

        def entries(items):
            return [(e, mark_safe(xhtml(e.note_html())), capped(with_titles(e.places, titles)),
                     [apparatus.entry(s) for s in e.see_also]) for e in items]

        self.page("glossary.xhtml", "glossary.xhtml", {"entries": entries(apparatus.glossary)})
        self.page("register.xhtml", "register.xhtml",
                  {"sections": [(kind, heading, entries(items)) for kind, heading, items in apparatus.register()]})
        events = [(e, mark_safe(xhtml(e.description_html())), capped(with_titles(e.places, titles)),
                   apparatus.entry(e.place) if e.place else None, [apparatus.entry(s) for s in e.participants])
                  for e in apparatus.events]
        self.page("events.xhtml", "events.xhtml", {"events": events})
        svg = self.edition.timeline_svg(lambda slug: chapter_name(titles[slug]),
                                        lambda slug: self.event_href(slug, root=""))
        self.page("timeline.xhtml", "timeline.xhtml", {"svg": mark_safe(svg_for_xhtml(svg))})

    def package(self) -> str:
        modified = datetime.combine(self.edition.created, time(0, 0), tzinfo=timezone.utc)
        chapters = [(f"art-{m.index}", chapter_name(m)) for m in self.edition.contents]
        return render_to_string(TEMPLATES + "content.opf", {
            "edition": self.edition, "identifier": self.identifier, "chapters": chapters,
            "modified": modified.strftime("%Y-%m-%dT%H:%M:%SZ"),
        })


def write_epub(edition, out) -> None:
    with zipfile.ZipFile(out, "w") as archive:
        EpubWriter(edition, archive).write()
