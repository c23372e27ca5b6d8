"""The static site: a zip of plain HTML pages that work opened from disk, with no server.

Same look as the site (its own stylesheets copied in), every link relative: contents, one page
per article with its notes, sources and the annotations in the margin, glossary, register, entry
and event pages, the events and the timeline. No script: mentions link to their entry pages.
Pages are written into the zip as they are made, so memory stays flat however many articles.
"""
from __future__ import annotations

import zipfile

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from .apparatus import with_titles
from .inline import InlineHtml
from .pages import STYLES, article_page, site_css

TEMPLATES = "edition/export/site/"


class SiteWriter:
    def __init__(self, edition, archive: zipfile.ZipFile):
        self.edition, self.archive = edition, archive
        self.folder = edition.stem
        self.apparatus = edition.apparatus

    def put(self, name: str, data) -> None:
        payload = data.encode("utf-8") if isinstance(data, str) else data
        self.archive.writestr(f"{self.folder}/{name}", payload)

    def page(self, name: str, template: str, context: dict) -> None:
        root = "../" * name.count("/")
        context = {"edition": self.edition, "root": root, **context}
        self.put(name, render_to_string(TEMPLATES + template, context))

    def entry_href(self, prefix=""):
        return lambda slug: f"{prefix}entries/{slug}.html" if self.apparatus.entry(slug) else None

    def event_href(self, prefix=""):
        return lambda slug: f"{prefix}events/{slug}.html" if self.apparatus.event(slug) else None

    def write(self) -> None:
        for name, data in site_css().items():
            self.put(f"css/{name}", data)
        self.put("css/export.css", (STYLES / "site.css").read_bytes())
        self.page("index.html", "index.html", {"nav": "contents", "articles": self.edition.contents})
        for article in self.edition.articles():
            inline = InlineHtml(article, entry_href=self.entry_href("../"), event_href=self.event_href("../"))
            self.page(f"articles/{article.meta.slug}.html", "article.html",
                      {"page": article_page(article, inline), "nav": "contents"})
        self.apparatus_pages()

    def apparatus_pages(self) -> None:
        apparatus, titles = self.apparatus, self.edition.by_slug()
        self.page("glossary.html", "glossary.html", {"nav": "glossary", "entries": apparatus.glossary})
        self.page("register.html", "register.html", {"nav": "register", "sections": apparatus.register()})
        self.page("events.html", "events.html", {"nav": "events", "events": apparatus.events})
        svg = self.edition.timeline_svg(lambda slug: f"articles/{slug}.html", self.event_href())
        self.page("timeline.html", "timeline.html", {"nav": "timeline", "svg": mark_safe(svg)})
        for entry in apparatus.entries:
            self.page(f"entries/{entry.slug}.html", "entry.html", {
                "nav": "glossary" if entry.in_glossary else "register", "entry": entry,
                "note_html": mark_safe(entry.note_html()), "places": with_titles(entry.places, titles),
                "see_also": [apparatus.entry(slug) for slug in entry.see_also],
                "events": [e for e in apparatus.events if entry.slug in e.participants or e.place == entry.slug],
            })
        for event in apparatus.events:
            self.page(f"events/{event.slug}.html", "event.html", {
                "nav": "events", "event": event, "description_html": mark_safe(event.description_html()),
                "place": apparatus.entry(event.place) if event.place else None,
                "participants": [apparatus.entry(slug) for slug in event.participants],
                "related": [apparatus.event(slug) for slug in event.related],
                "places": with_titles(event.places, titles),
            })


def write_html_site(edition, out) -> None:
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        SiteWriter(edition, archive).write()
