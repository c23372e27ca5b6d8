"""Assemble an article for reading: blocks woven with notes, citations, mentions, highlights.

The woven body depends only on the revision, on what editors attached to it, on the apparatus
and on the highlights shown; it is cached under a key made of those versions, so a page costs
one query for the article, one for the apparatus version, and the reader's own annotations.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from string import ascii_lowercase

from django.core.cache import cache
from django.template.loader import render_to_string

from edition.markdown import render_markdown, render_markdown_inline
from edition.models import ApparatusState, Article, Revision
from edition.render.html import render_tree
from edition.services.apparatus_defs import Definitions, mention_spans
from edition.weave import Node, Span, weave

BODY_CACHE_SECONDS = 24 * 3600


@dataclass(frozen=True)
class Highlight:
    """A reader's annotation laid over the text (canonical offsets), as the page shows it."""

    key: str
    start: int
    end: int
    css: str = ""  # e.g. "hl-public hl-mine"
    label: str = ""  # accessible description, e.g. "Public annotation by Mei"


@dataclass
class NoteView:
    key: str
    label: str
    kind: str  # source | editorial
    html: str
    block_number: int | None
    quote: str = ""
    tree: Node | None = None  # a source note's woven text (its mentions)
    source: str = ""  # an editorial note's Markdown


@dataclass
class CitationView:
    key: str
    text: str
    block_number: int
    html: str = ""
    tree: Node | None = None


@dataclass
class BlockView:
    number: int
    kind: str
    text: str
    start: int
    html: str = ""
    spans: list = field(default_factory=list)
    tree: Node | None = None


@dataclass
class ArticleBody:
    blocks: list[BlockView]
    notes: list[NoteView]
    citations: list[CitationView]
    definitions: Definitions


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


def assemble_body(article: Article, highlights=()) -> ArticleBody:
    body = weave_article(article, highlights)
    for block in body.blocks:
        block.html = render_tree(block.tree)
    return body


def weave_article(article: Article, highlights=()) -> ArticleBody:
    """The article's blocks as woven trees (edition.weave) with their notes and citations: what
    every output format renders. Block HTML is left to the caller (the page, or an export)."""
    revision = current_revision(article)
    blocks = [BlockView(b.number, b.kind, b.text, b.start) for b in revision.blocks.all()]
    footnotes = list(revision.footnotes.all())
    definitions = Definitions()
    by_block, by_footnote = mention_spans(revision, definitions)
    for block in blocks:
        block.spans.extend(by_block.get(block.number, ()))
    notes = footnote_notes(footnotes, blocks, by_footnote)
    citations = citation_spans(revision, blocks)
    notes += editorial_notes(article, blocks)
    add_highlights(blocks, highlights)
    notes.sort(key=lambda n: (n.block_number or 10**9, n.kind != "source"))
    for block in blocks:
        block.tree = weave(block.text, block.spans)
    return ArticleBody(blocks, notes, citations, definitions)


def current_revision(article: Article) -> Revision:
    """The article's current revision as weaving needs it: only its id and article are read, so a
    caller who has not loaded the row (the page) does not pay a query for it and its source text."""
    if Article.current_revision.is_cached(article):
        return article.current_revision
    revision = Revision(pk=article.current_revision_id, article_id=article.pk)
    revision._state.adding = False
    return revision


def footnote_notes(footnotes, blocks, mention_spans_by_footnote) -> list[NoteView]:
    notes = []
    for footnote in footnotes:
        tree = weave(footnote.text, mention_spans_by_footnote.get(footnote.pk, []))
        html = render_tree(tree)
        block = block_at(blocks, footnote.offset) if footnote.offset is not None else None
        notes.append(NoteView(footnote.marker, footnote.marker, "source", html, block.number if block else None,
                              tree=tree))
        if block:
            at = footnote.offset - block.start
            block.spans.append(Span(at, at, "note", (("label", footnote.marker), ("sidenote_html", html)), footnote.marker))
    return notes


def citation_spans(revision, blocks) -> list[CitationView]:
    """Citations link to the list of sources; a mention inside one (a news agency, a paper) is
    linked from that list instead, since a link cannot sit inside another link."""
    citations, by_number = [], {b.number: b for b in blocks}
    for index, citation in enumerate(revision.citations.select_related("block"), start=1):
        block = by_number[citation.block.number]
        start, end = citation.start - block.start, citation.end - block.start
        inside = [s for s in block.spans if s.kind == "entry" and start <= s.start and s.end <= end]
        block.spans = [s for s in block.spans if s not in inside]
        shifted = [Span(s.start - start, s.end - start, s.kind, s.attrs, s.key) for s in inside]
        tree = weave(citation.text, shifted)
        citations.append(CitationView(str(index), citation.text, block.number, render_tree(tree), tree))
        block.spans.append(Span(start, end, "citation", (), str(index)))
    return citations


def editorial_notes(article, blocks) -> list[NoteView]:
    notes = []
    placed = [n for n in article.editorial_notes.all() if n.start is not None and n.state != "orphaned"]
    for index, note in enumerate(sorted(placed, key=lambda n: (n.start, n.pk))):
        label, key = editorial_label(index), f"e{editorial_label(index)}"
        end_block = block_at(blocks, note.end)
        notes.append(NoteView(key, label, "editorial", render_markdown(note.body),
                              end_block.number if end_block else None, note.exact, source=note.body))
        for block, start, end in clip(blocks, note.start, note.end):
            block.spans.append(Span(start, end, "editorial", (), key))
        if end_block:
            at = min(note.end, end_block.start + len(end_block.text)) - end_block.start
            sidenote = render_markdown_inline(note.body)
            end_block.spans.append(Span(at, at, "note", (("label", label), ("sidenote_html", sidenote)), key))
    return notes


def clip(blocks, start, end):
    """(block, local start, local end) for each block a canonical span covers."""
    for block in blocks:
        s, e = max(start, block.start), min(end, block.start + len(block.text))
        if s < e:
            yield block, s - block.start, e - block.start


def add_highlights(blocks, highlights) -> None:
    for highlight in highlights:
        attrs = (("css", highlight.css), ("label", highlight.label))
        for index, (block, start, end) in enumerate(clip(blocks, highlight.start, highlight.end)):
            # Only the first piece of a highlight that spans paragraphs carries its id.
            piece = attrs + ((("continued", "1"),) if index else ())
            block.spans.append(Span(start, end, "highlight", piece, highlight.key))


def body_cache_key(article: Article, highlights=()) -> str:
    marks = hashlib.sha256(repr(sorted(highlights, key=lambda h: h.key)).encode()).hexdigest()[:16]
    # page_article() reads the apparatus version with the article; other callers ask for it.
    version = getattr(article, "apparatus_version", None)
    if version is None:
        version = ApparatusState.current()
    return f"article-body:v2:{article.pk}:{article.current_revision_id}:{article.body_version}:{version}:{marks}"


def article_body_html(article: Article, highlights=()) -> str:
    """The rendered body of the article (blocks, notes, sources, definitions), cached."""
    key = body_cache_key(article, highlights)
    html = cache.get(key)
    if html is None:
        body = assemble_body(article, highlights)
        html = render_to_string("edition/_article_body.html", {"article": article, "body": body})
        cache.set(key, html, BODY_CACHE_SECONDS)
    return html
