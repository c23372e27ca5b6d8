"""An article ready for an (X)HTML template: its blocks, notes, sources and annotations rendered.

Shared by the static site, the EPUB and the PDF; each passes its own `InlineHtml` (links, ids,
marker style). With `xml=True` the Markdown-made HTML of notes and annotations is made
well-formed XHTML for the EPUB.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

from .markup import xhtml

STYLES = Path(__file__).resolve().parent / "styles"  # the export's own stylesheets


def site_css() -> dict[str, bytes]:
    """The site's own stylesheets (static/css), copied into the static site and the EPUB."""
    static = Path(settings.BASE_DIR) / "static" / "css"
    return {"edition.css": (static / "edition.css").read_bytes(), "print.css": (static / "print.css").read_bytes()}


@dataclass
class BlockOut:
    number: int
    kind: str
    html: str


@dataclass
class NoteOut:
    key: str
    label: str
    kind: str  # source | editorial
    html: str
    block_number: int | None
    quote: str = ""
    linked: bool = False  # its marker is in the text (so a back link has somewhere to go)


@dataclass
class CitationOut:
    key: str
    html: str
    block_number: int


@dataclass
class AnnotationOut:
    key: str
    label: str
    author: str
    visibility: str
    motivation: str
    quote: str
    body_html: str
    tags: tuple
    placed: bool
    created: object
    deleted: bool
    replies: list = field(default_factory=list)
    linked: bool = False


@dataclass
class ArticlePage:
    meta: object
    blocks: list[BlockOut]
    notes: list[NoteOut]
    citations: list[CitationOut]
    annotations: list[AnnotationOut]

    @property
    def placed(self):
        return [a for a in self.annotations if a.placed]

    @property
    def orphaned(self):
        return [a for a in self.annotations if not a.placed]


def article_page(article, inline, *, xml: bool = False) -> ArticlePage:
    convert = xhtml if xml else (lambda html: html)
    blocks = [BlockOut(block.number, block.kind, inline.block(block)) for block in article.body.blocks]
    notes = []
    for note in article.body.notes:
        html = inline.render(note.tree) if note.tree is not None else convert(note.html)
        notes.append(NoteOut(note.key, note.label, note.kind, html, note.block_number, note.quote,
                             f"note:{note.key}" in inline.linked))
    citations = [CitationOut(c.key, inline.render(c.tree), c.block_number) for c in article.body.citations]
    annotations = [annotation_out(a, convert) for a in article.annotations]
    for annotation in annotations:
        annotation.linked = f"annotation:{annotation.key}" in inline.linked
    return ArticlePage(article.meta, blocks, notes, citations, annotations)


def annotation_out(annotation, convert) -> AnnotationOut:
    return AnnotationOut(
        key=annotation.key, label=annotation.label, author=annotation.author,
        visibility=annotation.visibility, motivation=annotation.motivation, quote=annotation.exact,
        body_html=convert(annotation.body_html()), tags=annotation.tags, placed=annotation.placed,
        created=annotation.created, deleted=annotation.row.deleted_at is not None,
        replies=[annotation_out(reply, convert) for reply in annotation.replies],
    )
