"""PDF with WeasyPrint: a book made from one HTML document and the print stylesheets.

Title page, contents with page numbers, one chapter per article (running heads: the edition and
the article; paragraph numbers in the margin; source and editorial notes at the foot of the page;
the readers' annotations as margin notes beside their words, in full with replies as the
chapter's endnotes), then the glossary, the register, the events and the timeline.

WeasyPrint lays out the whole book at once (it must, for the contents' page numbers), so a PDF is
the one format that cannot stream: its memory grows with the edition (see docs/performance.md).
"""
from __future__ import annotations

import logging
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from .apparatus import capped, with_titles
from .inline import InlineHtml
from .pages import STYLES, article_page

TEMPLATES = "edition/export/pdf/"


def stylesheets():
    from weasyprint import CSS

    static = Path(settings.BASE_DIR) / "static" / "css"
    return [CSS(filename=str(static / "edition.css")), CSS(filename=str(static / "print.css")),
            CSS(filename=str(STYLES / "pdf.css"))]


def book_html(edition) -> str:
    """The whole book as one HTML document."""
    apparatus = edition.apparatus
    titles = edition.by_slug()

    def entry_href(slug):
        return f"#entry-{slug}" if apparatus.entry(slug) else None

    def event_href(slug):
        return f"#event-{slug}" if apparatus.event(slug) else None

    parts = [render_to_string(TEMPLATES + "front.html", {"edition": edition})]
    for article in edition.articles():
        inline = InlineHtml(article, entry_href=entry_href, event_href=event_href, style="footnote",
                            ids=f"{article.meta.ident}-")
        parts.append(render_to_string(TEMPLATES + "chapter.html", {"page": article_page(article, inline)}))

    def entries(items):
        return [(e, mark_safe(e.note_html()), capped(with_titles(e.places, titles))) for e in items]

    svg = edition.timeline_svg(lambda slug: f"#{titles[slug].ident}", event_href, scalable=True)
    parts.append(render_to_string(TEMPLATES + "back.html", {
        "edition": edition, "glossary": entries(apparatus.glossary),
        "register": [(kind, heading, entries(items)) for kind, heading, items in apparatus.register()],
        "events": [(e, mark_safe(e.description_html()), capped(with_titles(e.places, titles)))
                   for e in apparatus.events],
        "svg": mark_safe(svg),
    }))
    return "".join(parts)


def write_pdf(edition, out) -> None:
    from weasyprint import HTML

    # The site's screen stylesheet has rules WeasyPrint skips (media queries, SVG paint): say nothing.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    html = book_html(edition)
    document = HTML(string=html, base_url=str(settings.BASE_DIR)).render(stylesheets=stylesheets())
    document.write_pdf(out)
