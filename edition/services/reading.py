"""Assemble an article for reading: blocks woven with their notes and citations (DESIGN §2).

The woven body depends only on the revision and on what editors attached to it, so it is
cached under a key made of those versions; a page then costs one query for the article.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from string import ascii_lowercase

from django.core.cache import cache
from django.template.loader import render_to_string

from edition.markdown import render_markdown, render_markdown_inline
from edition.models import Article
from edition.render.html import render_tree
from edition.weave import Span, weave

BODY_CACHE_SECONDS = 24 * 3600


@dataclass
class NoteView:
    key: str
    label: str
    kind: str  # source | editorial
    html: str
    block_number: int | None
    quote: str = ""


@dataclass
class CitationView:
    key: str
    text: str
    block_number: int


@dataclass
class BlockView:
    number: int
    kind: str
    text: str
    html: str = ""
    spans: list = field(default_factory=list)


@dataclass
class ArticleBody:
    blocks: list[BlockView]
    notes: list[NoteView]
    citations: list[CitationView]


def editorial_label(index: int) -> str:
    """a, b, … z, aa, ab, … : editorial notes are lettered, the source's own are numbered."""
    label = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        label = ascii_lowercase[rest] + label
    return label


def block_at(blocks, offset):
    """The block holding `offset`; an offset in a separator belongs to the block before it."""
    found = None
    for block in blocks:
        if block.start > offset:
            break
        found = block
    return found


def assemble_body(article: Article) -> ArticleBody:
    revision = article.current_revision
    blocks = list(revision.blocks.all())
    views = {b.number: BlockView(number=b.number, kind=b.kind, text=b.text) for b in blocks}
    notes, citations = [], []
    for footnote in revision.footnotes.all():
        key = footnote.marker
        html = escape(footnote.text)
        block = block_at(blocks, footnote.offset) if footnote.offset is not None else None
        notes.append(NoteView(key, footnote.marker, "source", html, block.number if block else None))
        if block:
            views[block.number].spans.append(
                Span(footnote.offset - block.start, footnote.offset - block.start, "note",
                     (("label", footnote.marker), ("sidenote_html", html)), key)
            )
    for index, citation in enumerate(revision.citations.select_related("block"), start=1):
        key = str(index)
        block = citation.block
        citations.append(CitationView(key, citation.text, block.number))
        views[block.number].spans.append(Span(citation.start - block.start, citation.end - block.start, "citation", (), key))
    placed = [n for n in article.editorial_notes.all() if n.start is not None and n.state != "orphaned"]
    for index, note in enumerate(sorted(placed, key=lambda n: (n.start, n.pk))):
        label = editorial_label(index)
        key = f"e{label}"
        html = render_markdown(note.body)
        end_block = block_at(blocks, note.end)
        notes.append(NoteView(key, label, "editorial", html, end_block.number if end_block else None, note.exact))
        add_editorial_spans(views, blocks, note, key, label, render_markdown_inline(note.body))
    notes.sort(key=lambda n: (n.block_number or 10**9, n.kind != "source"))
    for view in views.values():
        view.html = render_tree(weave(view.text, view.spans))
    return ArticleBody(list(views.values()), notes, citations)


def add_editorial_spans(views, blocks, note, key, label, sidenote_html):
    for block in blocks:
        start, end = max(note.start, block.start), min(note.end, block.end)
        if start < end:
            views[block.number].spans.append(Span(start - block.start, end - block.start, "editorial", (), key))
    end_block = block_at(blocks, note.end)
    if end_block:
        offset = min(note.end, end_block.end) - end_block.start
        views[end_block.number].spans.append(
            Span(offset, offset, "note", (("label", label), ("sidenote_html", sidenote_html)), key)
        )


def body_cache_key(article: Article) -> str:
    return f"article-body:v1:{article.pk}:{article.current_revision_id}:{article.body_version}"


def article_body_html(article: Article) -> str:
    """The rendered body of the article (blocks, notes, sources), from the cache when it can."""
    key = body_cache_key(article)
    html = cache.get(key)
    if html is None:
        body = assemble_body(article)
        html = render_to_string("edition/_article_body.html", {"article": article, "body": body})
        cache.set(key, html, BODY_CACHE_SECONDS)
    return html
