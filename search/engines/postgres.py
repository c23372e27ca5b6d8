"""PostgreSQL full-text search (django.contrib.postgres): a generated tsvector column on
search_searchdocument with a partial GIN index per part of a search (migration 0002, PostgreSQL
only).

The vector weighs heading A, text B, extra C (English stemming) and the filter tokens D (no
stemming). The reader's lexemes are restricted to weights A-C, so they never match a filter
token; every filter is one more AND-ed term, answered by the GIN index. Queries are written as
to_tsquery text from the parsed tokens (letters and digits only), prefixes as 'tarif':*.
"""
from __future__ import annotations

from contextlib import contextmanager

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVectorField
from django.db import connection, transaction
from django.db.models import TextField, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Concat, ExtractYear

from search.engines import COLUMNS, START, STOP, Candidate, EngineQuery
from search.facets import MARK
from search.models import SearchDocument
from search.query import All, Any, Unit

NAME = "PostgreSQL full-text search"
WORD_WEIGHTS = "ABC"

ADD_COLUMN = (
    "ALTER TABLE search_searchdocument ADD COLUMN IF NOT EXISTS search_vector tsvector "
    "GENERATED ALWAYS AS ("
    "setweight(to_tsvector('english'::regconfig, coalesce(heading, '')), 'A') || "
    "setweight(to_tsvector('english'::regconfig, coalesce(text, '')), 'B') || "
    "setweight(to_tsvector('english'::regconfig, coalesce(extra, '')), 'C') || "
    "setweight(to_tsvector('simple'::regconfig, coalesce(facets, '')), 'D')) STORED"
)
# One GIN index per part of a search (as the SQLite engine has one FTS5 table per part): a part
# is searched through its own posting lists, not by intersecting a "kind" term's.
PARTS = {"text": ("paragraph",), "names": ("entry", "event"), "notes": ("annotation",)}
PART_OF = {kind: part for part, kinds in PARTS.items() for kind in kinds}
CREATE_INDEXES = [f"CREATE INDEX IF NOT EXISTS search_doc_vector_{part} ON search_searchdocument "
                  f"USING gin (search_vector) WHERE kind IN ({', '.join(repr(k) for k in kinds)})"
                  for part, kinds in PARTS.items()]


def vector():
    return RawSQL('"search_searchdocument"."search_vector"', [], output_field=SearchVectorField())


def lexeme(token: str, prefix: bool = False) -> str:
    return f"'{token}':" + ("*" if prefix else "") + WORD_WEIGHTS


def render(node) -> str:
    """to_tsquery text for a parsed expression; tokens are letters and digits, quoted."""
    if isinstance(node, Unit):
        last = len(node.tokens) - 1
        words = [lexeme(t, node.prefix and i == last) for i, t in enumerate(node.tokens)]
        return words[0] if len(words) == 1 else "(" + " <-> ".join(words) + ")"
    joiner = " & " if isinstance(node, All) else " | "
    assert isinstance(node, (All, Any))
    return "(" + joiner.join(render(part) for part in node.parts) + ")"


def words_query(search: EngineQuery) -> SearchQuery:
    return SearchQuery(render(search.expression), search_type="raw", config="english")


def full_query(search: EngineQuery) -> SearchQuery:
    query = words_query(search)
    if search.filters:
        tokens = " & ".join("(" + " | ".join(f"'{t.lstrip(MARK)}':D" for t in group) + ")"
                            for group in search.filters)
        query = query & SearchQuery(tokens, search_type="raw", config="simple")
    return query


def candidates(search: EngineQuery, limit: int, kinds=(), ranked=True) -> list[Candidate]:
    """Matches in the order the index finds them (LIMIT stops the heap scan), scored by ts_rank
    with length normalisation if `ranked`.

    Call it within `searching()`, so that it goes through the part's GIN index: with a LIMIT the
    planner likes a sequential scan that stops at the limit, but documents of one kind sit
    together in the table, so such a scan may read most of it first (and where it starts moves:
    synchronised scans)."""
    score = SearchRank(vector(), words_query(search), normalization=Value(1)) if ranked else Value(0.0)
    if len({PART_OF[kind] for kind in kinds}) != 1:
        raise ValueError(f"Kinds {kinds} are not in one index; search them separately.")
    dated = {"date__range": search.dates} if search.dates else {}
    rows = (SearchDocument.objects.alias(vector=vector())
            .filter(kind__in=kinds, vector=full_query(search), **dated)
            .annotate(score=score, year=ExtractYear("date")).values_list(*COLUMNS, "score")[:limit])
    return list(map(Candidate._make, rows))


@contextmanager
def searching():
    """The candidate queries of one search: in one transaction, with the planner told to use the
    indexes (see `candidates`) and not to compile (JIT costs more than these queries take)."""
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off; SET LOCAL jit = off")
        yield


def snippets(search: EngineQuery, chosen: list[Candidate]) -> dict[int, str]:
    ids = [c.id for c in chosen]
    if not ids:
        return {}
    passage = Concat("text", Value("\n"), "extra", output_field=TextField())
    headline = SearchHeadline(passage, words_query(search), config="english", start_sel=START, stop_sel=STOP,
                              max_words=45, min_words=20, max_fragments=2, fragment_delimiter=" … ")
    return dict(SearchDocument.objects.filter(id__in=ids).annotate(snippet=headline).values_list("id", "snippet"))


# --- maintenance -----------------------------------------------------------------------------


def create_index() -> None:
    with connection.cursor() as cursor:
        cursor.execute(ADD_COLUMN)
        for sql in CREATE_INDEXES:
            cursor.execute(sql)


def _index_ddl(sql: str) -> None:
    """Index DDL inside a transaction that wrote rows: PostgreSQL refuses it while deferred
    foreign-key checks are pending, so run them now."""
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute(sql)
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")


@contextmanager
def bulk_load():
    """Write many documents fast: the GIN index is dropped while the caller writes and built
    again in one pass (the vector column computes itself)."""
    with transaction.atomic():
        for part in PARTS:
            _index_ddl(f"DROP INDEX IF EXISTS search_doc_vector_{part}")
        yield
        for sql in CREATE_INDEXES:
            _index_ddl(sql)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE search_searchdocument")


def check_index() -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM search_searchdocument WHERE search_vector IS NULL")
        return cursor.fetchone()[0] == 0
