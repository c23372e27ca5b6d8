"""Two engines behind one interface, chosen by the database in use.

An engine answers two questions, both from a parsed query (search.query), never from raw text:

    candidates(search, limit, kinds, ranked=True) -> [Candidate]
                                               matching documents of `kinds` that pass the
                                               filters, in the engine's cheap order (newest
                                               first where it can), at most `limit`, with a
                                               score if `ranked` (else 0)
    snippets(search, chosen)  -> {id: text}    a passage of each chosen candidate around the
                                               matched words, marks as START/STOP sentinels
    searching()                                a context for one search's candidate queries

`search` is an EngineQuery: the expression, the filter token groups (search.facets: every group
must match one of its tokens) and perhaps a date range. Engines know nothing of who may see an
annotation: the service keeps only the candidates `visible_annotations` allows.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from django.db import connection

START, STOP = "\ue000", "\ue001"

# What a candidate carries: enough to rank, filter by visibility and count facets (the year is
# all the facets need of the date), never the text.
COLUMNS = ("id", "kind", "object_id", "article_id", "publication", "year", "tags", "author_id", "visibility")


class Candidate(NamedTuple):  # a tuple: thousands are made per search
    id: int
    kind: str
    object_id: int
    article_id: int | None
    publication: str
    year: int | None
    tags: str
    author_id: int | None
    visibility: str
    score: float


@dataclass(frozen=True)
class EngineQuery:
    expression: object
    filters: tuple[tuple[str, ...], ...] = ()
    dates: tuple[date, date] | None = None  # documents dated in this range only (inclusive)


def engine_for(vendor: str | None = None):
    vendor = vendor or connection.vendor
    if vendor == "postgresql":
        from search.engines import postgres

        return postgres
    if vendor == "sqlite":
        from search.engines import sqlite_fts

        return sqlite_fts
    raise NotImplementedError(f"No search engine for the {vendor} database.")
