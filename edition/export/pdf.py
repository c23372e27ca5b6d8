"""PDF with WeasyPrint: a book laid out in parts, joined into one file.

Title page and contents, one chapter per article (running heads: the edition and the article;
paragraph numbers in the margin; source and editorial notes at the foot of the page; the readers'
annotations as margin notes beside their words, in full with replies as the chapter's endnotes),
then the glossary, the register, the events and the timeline.

WeasyPrint keeps every page's boxes until a document is written: 14–16 MB an article, so a
1,000-article book laid out at once needs 14–16 GB. Here the chapters are laid out BATCH_ARTICLES
at a time, each batch a document of its own whose page counter starts where the last one ended
(so folios and running heads run on), written to a temporary file and freed before the next
batch; then the back matter; then, last, the title page and the contents, whose page numbers are
known by then. The contents are numbered i, ii… and the chapters from 1, as books number them:
the contents' length (a page per ~20 articles) then cannot move the chapters' page numbers, which
are printed before it is laid out. `pdf_join` joins the parts into the output with their outline,
named destinations and links, the links between parts included.
"""
from __future__ import annotations

import gc
import logging
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from .apparatus import capped, with_titles
from .inline import InlineHtml
from .output import binary_output
from .pages import STYLES, article_page
from .pdf_join import CROSS_PART, join_parts

TEMPLATES = "edition/export/pdf/"
#: Articles laid out together. A batch's memory grows with it (~14 MB an article while laid out);
#: the time per article does not (25 or 50: ~0.75 s), and each part embeds its own subset of the
#: fonts (25 make the file ~5% larger than 50). 50 keeps a batch under ~1 GB and a 1,000-article
#: book to 20 parts (docs/performance.md, Export).
BATCH_ARTICLES = 50
BACK_MATTER = ("glossary", "register", "events", "timeline")  # ids of its sections, in the contents


@dataclass
class Part:
    path: Path
    pages: int
    starts: dict[str, int] = field(default_factory=dict)  # id -> the folio of the page it is on


def stylesheets():
    from weasyprint import CSS

    static = Path(settings.BASE_DIR) / "static" / "css"
    return [CSS(filename=str(static / "edition.css")), CSS(filename=str(static / "print.css")),
            CSS(filename=str(STYLES / "pdf.css"))]


def part_html(edition, body: str) -> str:
    return render_to_string(TEMPLATES + "part.html", {"edition": edition, "body": mark_safe(body)})


def chapter_batches(edition, size: int) -> Iterator[tuple[str, list[str]]]:
    """The chapters' HTML, `size` articles at a time, with the ids of their chapters."""
    apparatus = edition.apparatus

    def entry_href(slug):
        return f"#entry-{slug}" if apparatus.entry(slug) else None

    def event_href(slug):
        return f"#event-{slug}" if apparatus.event(slug) else None

    articles = edition.articles()
    while batch := list(islice(articles, size)):
        chapters = []
        for article in batch:
            inline = InlineHtml(article, entry_href=entry_href, event_href=event_href, style="footnote",
                                ids=f"{article.meta.ident}-")
            chapters.append(render_to_string(TEMPLATES + "chapter.html", {"page": article_page(article, inline)}))
        yield part_html(edition, "".join(chapters)), [article.meta.ident for article in batch]


def back_html(edition) -> str:
    apparatus, titles = edition.apparatus, edition.by_slug()

    def event_href(slug):
        return f"#event-{slug}" if apparatus.event(slug) else None

    def entries(items):
        return [(e, mark_safe(e.note_html()), capped(with_titles(e.places, titles))) for e in items]

    svg = edition.timeline_svg(lambda slug: f"#{titles[slug].ident}", event_href, scalable=True)
    return part_html(edition, render_to_string(TEMPLATES + "back.html", {
        "edition": edition, "glossary": entries(apparatus.glossary),
        "register": [(kind, heading, entries(items)) for kind, heading, items in apparatus.register()],
        "events": [(e, mark_safe(e.description_html()), capped(with_titles(e.places, titles)))
                   for e in apparatus.events],
        "svg": mark_safe(svg),
    }))


def front_html(edition, starts: dict[str, int]) -> str:
    """Title page and contents, with the folio where each chapter and back section begins."""
    return part_html(edition, render_to_string(TEMPLATES + "front.html", {
        "edition": edition, "contents": [(meta, starts.get(meta.ident)) for meta in edition.contents],
        "back": [(ident, ident.title(), starts.get(ident)) for ident in BACK_MATTER],
    }))


def render_part(html: str, path: Path, styles, *, first_page: int, wanted=()) -> Part:
    """Lay out one part, its first page numbered `first_page`, and write it to `path`."""
    part = _layout(html, path, styles, first_page, wanted)
    gc.collect()  # the layout leaves styles and boxes in reference cycles: free them before the next part
    return part


def _layout(html, path, styles, first_page, wanted) -> Part:
    """Links to ids that the part does not have are kept for the join (WeasyPrint drops them)."""
    from weasyprint import CSS, HTML

    counter = CSS(string=f"@page :first {{ counter-reset: page {first_page} }}")
    document = HTML(string=html, base_url=str(settings.BASE_DIR)).render(stylesheets=[*styles, counter])
    anchors, starts = set(), {}
    for folio, page in enumerate(document.pages, start=first_page):
        anchors.update(page.anchors)
        starts.update((name, folio) for name in page.anchors if name in wanted and name not in starts)
    for page in document.pages:
        page.links[:] = [("external", CROSS_PART + target, *rest) if kind == "internal" and target not in anchors
                         else (kind, target, *rest) for kind, target, *rest in page.links]
    document.write_pdf(path)
    return Part(path, len(document.pages), starts)


def write_pdf(edition, out, batch_articles: int | None = None) -> None:
    # The site's screen stylesheet has rules WeasyPrint skips (media queries, SVG paint): say nothing.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    styles = stylesheets()
    with tempfile.TemporaryDirectory(prefix="edition-pdf-") as folder:
        chapters, starts, folio = [], {}, 1
        batches = chapter_batches(edition, batch_articles or BATCH_ARTICLES)
        for number, (html, idents) in enumerate(batches, start=1):
            part = render_part(html, Path(folder) / f"chapters-{number:04d}.pdf", styles, first_page=folio,
                               wanted=set(idents))
            chapters.append(part)
            starts.update(part.starts)
            folio += part.pages
        back = render_part(back_html(edition), Path(folder) / "back.pdf", styles, first_page=folio,
                           wanted=BACK_MATTER)
        starts.update(back.starts)
        front = render_part(front_html(edition, starts), Path(folder) / "front.pdf", styles, first_page=1)
        with binary_output(out) as handle:
            join_parts([front.path, *(part.path for part in chapters), back.path], handle,
                       labels=[(0, "/r"), (front.pages, "/D")])
