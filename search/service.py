"""Search: the one service behind the search page (and anything else that looks things up).

    results = search(user, "tariffs", Filters(kind="annotation", annotations="class"), page=1)

1. The text is parsed (search.query) and widened with the names of the entries it names.
2. Filters become index tokens (search.facets), so the engine applies them inside its index.
3. The engine returns matching documents with their scores in its cheap order (SQLite: newest
   first; PostgreSQL: as its index finds them), each part bounded: at most SEARCH_MAX_CANDIDATES
   paragraphs and half as many annotations, so that a word found in 150,000 paragraphs costs no
   more than one found in 2,000 (when there are more, the result says so); and the entries and
   events, which are few and shown apart, first those the query names.
4. Of the annotations, only those `visible_annotations(user)` returns are kept: the rule itself,
   asked about the candidates' ids in one query.
5. Paragraphs and annotations are ranked together, all are counted by facet, and the page is cut
   here; only the page's documents are read whole and get snippets.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from annotations.models import Annotation
from annotations.selectors import visible_annotations
from edition.models import Article
from search import facets
from search.engines import START, STOP, Candidate, EngineQuery, engine_for
from search.models import SearchDocument
from search.names import name_index
from search.query import Query, QueryError, build, flatten, tokens

__all__ = ["Filters", "QueryError", "Results", "search"]

PAGE_SIZE = 20
FEATURED = 5
APPARATUS = (SearchDocument.ENTRY, SearchDocument.EVENT)
ADJACENT_MARKS = re.compile(f"{STOP}(\\s+){START}")
APPARATUS_LIMIT = 200
NARROW_DATES = 400  # days: a narrower range is filtered by date tokens, a wider one on the rows
TOP_ARTICLES, TOP_TAGS = 10, 15
ANNOTATION_FILTERS = ("mine", "class")


def candidate_limit() -> int:
    """How many paragraphs are ranked and counted at most (and half as many annotations, before
    those the reader may not see are left out)."""
    return int(getattr(settings, "SEARCH_MAX_CANDIDATES", 500))


@dataclass(frozen=True)
class Filters:
    kind: str = ""
    publication: str = ""
    article: int | None = None
    tag: str = ""
    date_from: date | None = None
    date_to: date | None = None
    annotations: str = ""  # "mine" or "class"


@dataclass(frozen=True)
class Hit:
    document: SearchDocument
    snippet: SafeString
    score: float


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    active: bool = False


@dataclass
class Results:
    query: Query
    hits: list[Hit]
    total: int
    more: bool  # more documents matched than were ranked and counted (`total`)
    page: int
    pages: int
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    engine: str = ""
    featured: list[Hit] = field(default_factory=list)  # entries and events named by the query
    named: int = 0  # entries and events found in all


def search(user, text: str, filters: Filters = Filters(), page: int = 1) -> Results:
    """Raises QueryError (with a message for the reader) for a query that cannot be searched."""
    if filters.annotations and (user is None or not user.is_authenticated):
        raise QueryError("Log in to search your own and your classes’ annotations.")
    query = build(text, name_index())
    engine = engine_for()
    wanted = engine_query(user, query, filters)
    found, more = [], False
    with engine.searching():
        for kinds, limit, ranked in windows(filters):
            rows = engine.candidates(wanted, limit + 1, kinds, ranked)
            more |= len(rows) > limit
            rows = rows[:limit]
            found += visible_only(user, filters, rows) if SearchDocument.ANNOTATION in kinds else rows
    names = [c for c in found if c.kind in APPARATUS]
    passages = [c for c in found if c.kind not in APPARATUS]
    named = by_name(names, query)
    listed = named if filters.kind in APPARATUS else sorted(passages, key=lambda c: (-c.score, -c.id))
    pages = max(1, math.ceil(len(listed) / PAGE_SIZE))
    page = min(max(1, page), pages)
    shown = listed[(page - 1) * PAGE_SIZE:page * PAGE_SIZE]
    featured = named[:FEATURED] if page == 1 and not filters.kind else []
    found_hits = hits(engine, wanted, featured + shown)
    return Results(query, found_hits[len(featured):], len(found), more, page, pages,
                   count_facets(found, filters, user), engine.NAME, found_hits[:len(featured)], len(names))


def windows(filters: Filters) -> list[tuple[tuple[str, ...], int, bool]]:
    """What the engine is asked for, each part bounded: (kinds, limit, ranked). Paragraphs and
    annotations separately, newest first, so that a stream of new annotations never crowds the
    text out; entries and events (few, and named rather than ranked) on their own."""
    limit = candidate_limit()
    parts = {SearchDocument.PARAGRAPH: ((SearchDocument.PARAGRAPH,), limit, True),
             SearchDocument.ANNOTATION: ((SearchDocument.ANNOTATION,), max(1, limit // 2), True),
             "apparatus": (APPARATUS, APPARATUS_LIMIT, False)}
    if filters.annotations or filters.kind == SearchDocument.ANNOTATION:
        return [parts[SearchDocument.ANNOTATION]]
    if filters.kind in APPARATUS:
        return [((filters.kind,), APPARATUS_LIMIT, False)]
    if filters.kind:
        return [parts[filters.kind]]
    return list(parts.values())


def by_name(candidates: list[Candidate], query: Query) -> list[Candidate]:
    """Entries and events, those one of whose names the query is first, then by kind and title."""
    if not candidates:
        return []
    wanted = {unit.tokens for unit in flatten(query.expression)}
    every = {token for unit in query.units for token in unit.tokens}
    rows = (SearchDocument.objects.filter(id__in=[c.id for c in candidates])
            .values_list("id", "title", "heading", "extra"))
    score = {}
    for pk, title, heading, extra in rows:
        names = {tuple(t.casefold() for t in tokens(n)) for n in f"{heading} · {extra}".split(" · ")}
        in_heading = {t.casefold() for t in tokens(heading)}
        score[pk] = (2 if names & wanted else 1 if every <= in_heading else 0, title.casefold())
    return sorted(candidates, key=lambda c: (-score[c.id][0], c.kind != SearchDocument.ENTRY, score[c.id][1]))


def visible_only(user, filters: Filters, found: list[Candidate]) -> list[Candidate]:
    """The annotation candidates whose annotation `visible_annotations(user)` has (the rule
    itself, asked about these ids in one query: never a copy of it), deleted ones never."""
    visible = visible_annotations(user).filter(deleted_at__isnull=True)
    if filters.annotations == "mine":
        visible = visible.filter(author=user)
    elif filters.annotations == "class":
        visible = visible.filter(visibility=Annotation.CLASS)
    ids = {c.object_id for c in found}
    allowed = set(visible.filter(pk__in=ids).order_by().values_list("pk", flat=True)) if ids else set()
    return [c for c in found if c.object_id in allowed]


def engine_query(user, query: Query, filters: Filters) -> EngineQuery:
    """Filters as index tokens (the engine intersects them inside its index), except a wide date
    range, which is cheaper checked on the rows found than as the many documents' tokens."""
    groups = []
    if filters.annotations == "mine":
        groups.append((facets.author_token(user.pk),))
    elif filters.annotations == "class":
        groups.append((facets.visibility_token(Annotation.CLASS),))
    if filters.publication:
        groups.append((facets.publication_token(filters.publication),))
    if filters.article:
        groups.append((facets.article_token(filters.article),))
    if filters.tag:
        groups.append((facets.tag_token(" ".join(filters.tag.split())),))
    dates = None
    if filters.date_from or filters.date_to:
        start, end = date_bounds(filters.date_from, filters.date_to)
        if (end - start).days > NARROW_DATES:
            dates = (start, end)
        else:
            groups.append(tuple(facets.date_range_tokens(start, end)) or (facets.MARK + "none",))
    return EngineQuery(query.expression, tuple(groups), dates)


def date_bounds(start: date | None, end: date | None) -> tuple[date, date]:
    """The range, an open end closed at the edition's first or last date."""
    dated = SearchDocument.objects.filter(date__isnull=False).values_list("date", flat=True)
    if start is None:  # one query per end: each is one step along the date index
        start = dated.order_by("date").first() or date.min
    if end is None:
        end = dated.order_by("-date").first() or date.min
    return start, end


def hits(engine, wanted: EngineQuery, chosen: list[Candidate]) -> list[Hit]:
    ids = [c.id for c in chosen]
    rows = SearchDocument.objects.filter(id__in=ids).select_related("author__profile", "classroom").in_bulk()
    passages = engine.snippets(wanted, chosen)
    return [Hit(rows[c.id], highlight(passages.get(c.id) or rows[c.id].text[:240]), c.score)
            for c in chosen if c.id in rows]


def highlight(passage: str) -> SafeString:
    """The passage escaped, with <mark> where the engine put its sentinels (only there)."""
    escaped = escape(passage.strip())
    if escaped.count(START) != escaped.count(STOP):
        escaped = escaped.replace(START, "").replace(STOP, "")
    escaped = ADJACENT_MARKS.sub(r"\1", escaped)  # PostgreSQL marks a phrase word by word
    return mark_safe(escaped.replace(START, "<mark>").replace(STOP, "</mark>"))


def count_facets(found: list[Candidate], filters: Filters, user) -> dict[str, list[FacetValue]]:
    kinds = Counter(c.kind for c in found)
    labels = dict(SearchDocument.KINDS)
    result = {
        "kind": [FacetValue(k, labels[k], kinds[k], filters.kind == k) for k, _ in SearchDocument.KINDS if kinds[k]],
        "publication": _values(Counter(c.publication for c in found if c.publication), filters.publication),
        "year": [FacetValue(str(y), str(y), n) for y, n in
                 sorted(Counter(c.year for c in found if c.year).items(), reverse=True)],
        "tag": _values(Counter(t for c in found for t in c.tags.split("\n") if t), filters.tag, TOP_TAGS),
        "article": _articles(Counter(c.article_id for c in found if c.article_id), filters.article),
    }
    if user is not None and user.is_authenticated:
        notes = [c for c in found if c.kind == SearchDocument.ANNOTATION]
        mine = sum(1 for c in notes if c.author_id == user.pk)
        shared = sum(1 for c in notes if c.visibility == Annotation.CLASS)
        result["annotations"] = [FacetValue(v, label, n, filters.annotations == v) for v, label, n in
                                 (("mine", "Mine", mine), ("class", "My classes’", shared)) if n]
    return result


def _values(counts: Counter, active: str, top: int | None = None) -> list[FacetValue]:
    return [FacetValue(value, value, n, value == active) for value, n in counts.most_common(top)]


def _articles(counts: Counter, active: int | None) -> list[FacetValue]:
    top = counts.most_common(TOP_ARTICLES)
    titles = dict(Article.objects.filter(pk__in=[pk for pk, _ in top]).values_list("pk", "title"))
    return [FacetValue(str(pk), titles.get(pk, f"Article {pk}"), n, pk == active) for pk, n in top]
