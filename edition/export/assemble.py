"""The assembled edition: one structure that every export writer renders (DESIGN §7).

`assemble_edition` decides what goes in (the scope, the annotation set, anonymisation) and loads
what is small at once: the contents (article metadata), the readers, the apparatus (entries,
events, where they occur). The articles themselves, woven into inline trees by the same code as
the reading page (`edition.services.reading.weave_article`), are produced one at a time by
`Edition.articles()`, so that a writer can stream a 1,000-article edition in bounded memory.
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone

from edition.markdown import render_markdown
from edition.models import Article, Block
from edition.services.reading import ArticleBody, Highlight, weave_article

from .apparatus import Apparatus, load_apparatus
from .selection import AnnotationSet, Readers, choose_set, readers_of, selected

TITLE = "China–Japan Relations"
SUBTITLE = "An Annotated Edition"
FILE_STEM = "china-japan-edition"
DEFAULT_BASE_URL = "http://localhost:8000"
META_FIELDS = ("id", "slug", "title", "subtitle", "kicker", "dateline", "byline", "published", "publication",
               "attribution", "source_url", "source_file")


class UnknownArticles(ValueError):
    """The scope names articles the edition does not have."""


@dataclass(frozen=True)
class ArticleMeta:
    """What the contents, a running head or a source description needs: no text."""

    index: int  # 1-based, in the edition's order (publication date, then title)
    pk: int
    slug: str
    title: str
    subtitle: str
    kicker: str
    dateline: str
    byline: str
    published: date | None
    publication: str
    attribution: str
    source_url: str
    source_file: str

    @property
    def ident(self) -> str:
        """A prefix for ids when several articles share one document (PDF, TEI)."""
        return f"a{self.index}"


@dataclass
class AnnotationExport:
    row: object  # the Annotation, with author, article and tags loaded (the W3C presenter needs it)
    label: str  # "A3" for the third thread of an article; "" for a reply
    reader: object  # selection.Reader
    body: str  # Markdown, scrubbed of readers' names when anonymised
    tags: tuple[str, ...]
    placed: bool  # woven into the current text (else orphaned: shown apart with its quote)
    replies: list[AnnotationExport] = field(default_factory=list)
    paragraph: int | None = None  # the number of the block its words begin in (placed roots)

    @property
    def key(self) -> str:
        return self.label.lower()

    @property
    def author(self) -> str:
        return self.reader.label

    def body_html(self) -> str:
        return render_markdown(self.body)

    # What the writers read of the annotation itself.
    motivation = property(lambda self: self.row.motivation)
    visibility = property(lambda self: self.row.visibility)
    exact = property(lambda self: self.row.exact)
    start = property(lambda self: self.row.start)
    end = property(lambda self: self.row.end)
    state = property(lambda self: self.row.state)
    created = property(lambda self: self.row.created)
    modified = property(lambda self: self.row.modified)


@dataclass
class ArticleExport:
    meta: ArticleMeta
    body: ArticleBody  # blocks with .tree, notes, citations, definitions
    annotations: list[AnnotationExport]  # thread roots in text order, placed then orphaned

    @property
    def placed(self):
        return [a for a in self.annotations if a.placed]

    @property
    def orphaned(self):
        return [a for a in self.annotations if not a.placed]

    def annotation_end_blocks(self) -> dict[str, int]:
        """For each placed annotation, the number of the block its words end in (its marker goes there)."""
        ends = {}
        for annotation in self.placed:
            for block in self.body.blocks:
                if block.start < annotation.end <= block.start + len(block.text):
                    ends[annotation.key] = block.number
                    break
        return ends


@dataclass
class Edition:
    title: str
    subtitle: str
    created: date
    base_url: str
    contents: list[ArticleMeta]
    aset: AnnotationSet
    anonymised: bool
    readers: Readers
    apparatus: Apparatus
    whole: bool  # the whole edition, or chosen articles
    progress: Callable[[int], object] | None = None

    @property
    def stem(self) -> str:
        return f"{FILE_STEM}-{self.created.isoformat()}"

    @property
    def description(self) -> str:
        scope = "The whole edition" if self.whole else f"{len(self.contents)} chosen article(s)"
        anonymous = ", readers anonymised" if self.anonymised and self.aset.kind != "none" else ""
        return f"{scope}. {self.aset.describe()}{anonymous}."

    @property
    def years(self) -> str:
        dates = [meta.published for meta in self.contents if meta.published]
        if not dates:
            return ""
        first, last = min(dates).year, max(dates).year
        return str(first) if first == last else f"{first}–{last}"

    def by_slug(self) -> dict[str, ArticleMeta]:
        return {meta.slug: meta for meta in self.contents}

    def _rows(self) -> Iterator[tuple[ArticleMeta, Article]]:
        metas = {meta.pk: meta for meta in self.contents}
        rows = Article.objects.filter(current_revision__isnull=False)
        if not self.whole:
            rows = rows.filter(pk__in=list(metas))
        rows = (rows.select_related("current_revision")
                .defer("current_revision__source_text", "current_revision__cleaning")
                .order_by("published", "title", "pk"))
        for article in rows.iterator(chunk_size=50):
            if article.pk in metas:  # not one ingested since the edition was assembled
                yield metas[article.pk], article

    def annotations(self) -> Iterator[tuple[ArticleMeta, list[AnnotationExport]]]:
        """Each article's annotation threads, without weaving the text (CSV, W3C)."""
        for meta, article in self._rows():
            yield meta, self._threads(article)
            self._tick()

    def articles(self) -> Iterator[ArticleExport]:
        """Each article woven with its notes, apparatus and annotation highlights, one at a time."""
        for meta, article in self._rows():
            threads = self._threads(article)
            highlights = [Highlight(a.key, a.start, a.end, f"hl-{a.visibility}", f"Annotation {a.label} by {a.author}")
                          for a in threads if a.placed]
            yield ArticleExport(meta, weave_article(article, highlights), threads)
            self._tick()

    def _tick(self):
        if self.progress is not None:
            self.progress(1)

    def _threads(self, article) -> list[AnnotationExport]:
        if self.aset.kind == "none":
            return []
        rows = list(selected(self.aset).filter(article_id=article.pk).select_related("author", "author__profile")
                    .prefetch_related("tags").order_by("start", "created", "id"))
        exports = {}
        for row in rows:
            row.article = article  # the presenter asks for its URL; no query per row
            reader = self.readers.of(row.author)
            if self.anonymised:
                row.body = self.readers.scrub(row.body)
            placed = row.parent_id is None and row.revision_id == article.current_revision_id and row.start is not None
            exports[row.pk] = AnnotationExport(row, "", reader, row.body,
                                               tuple(sorted(t.name for t in row.tags.all())), placed)
        roots = []
        for row in sorted(rows, key=lambda r: (r.created, r.pk)):
            item = exports[row.pk]
            if row.parent_id is None:
                roots.append(item)
            elif row.parent_id in exports:
                exports[row.parent_id].replies.append(item)
        roots = [r for r in roots if r.row.deleted_at is None or r.replies]
        _number_paragraphs(article, [r for r in roots if r.placed])
        roots.sort(key=lambda r: (not r.placed, r.start if r.placed else 0, r.row.created, r.row.pk))
        for number, root in enumerate(roots, start=1):
            root.label = f"A{number}"
        return roots

    def timeline_svg(self, article_href: Callable[[str], str], event_href: Callable[[str], str],
                     scalable: bool = False) -> str:
        return self.apparatus.timeline_svg(self.contents, article_href, event_href, scalable)


def _number_paragraphs(article, placed) -> None:
    if not placed:
        return
    blocks = list(Block.objects.filter(revision_id=article.current_revision_id).order_by("start")
                  .values_list("start", "number"))
    starts = [start for start, _ in blocks]
    for annotation in placed:
        index = bisect_right(starts, annotation.start) - 1
        annotation.paragraph = blocks[index][1] if index >= 0 else None


def article_metas(scope) -> tuple[list[ArticleMeta], bool]:
    articles = Article.objects.filter(current_revision__isnull=False).order_by("published", "title", "pk")
    whole = scope in (None, "all")
    if not whole:
        slugs = list(dict.fromkeys(scope))
        articles = articles.filter(slug__in=slugs)
        missing = set(slugs) - set(articles.values_list("slug", flat=True))
        if missing:
            raise UnknownArticles(f"No article {', '.join(sorted(missing))}.")
    rows = articles.values_list(*META_FIELDS)
    metas = [ArticleMeta(index, *row) for index, row in enumerate(rows, start=1)]
    return metas, whole


def assemble_edition(scope="all", annotation_set="none", user=None, classroom=None, anonymise=False,
                     *, base_url: str = DEFAULT_BASE_URL, today: date | None = None) -> Edition:
    """The edition to export. `scope`: "all" or article slugs; the annotation set: none, public,
    mine (the user's) or class (the classroom's, for its teachers: ExportForbidden otherwise)."""
    aset = choose_set(annotation_set, user, classroom)
    contents, whole = article_metas(scope)
    pool = selected(aset) if whole else selected(aset).filter(article_id__in=[meta.pk for meta in contents])
    readers = readers_of(pool, anonymise, aset.classroom)
    return Edition(
        title=TITLE, subtitle=SUBTITLE, created=today or timezone.localdate(), base_url=base_url.rstrip("/"),
        contents=contents, aset=aset, anonymised=anonymise, readers=readers,
        apparatus=load_apparatus(contents, whole), whole=whole,
    )
