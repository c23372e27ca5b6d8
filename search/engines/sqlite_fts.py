"""SQLite FTS5: external-content indexes over search_searchdocument, kept in step by triggers.

Three FTS5 tables, one per part of a search (paragraphs; entries and events; annotations), each
over a view of its rows: a part is searched without a "kind" term, whose every row bm25 would
otherwise count. Created by migration 0002 (SQLite only). Porter stemming over unicode61
(diacritics removed), so "tariffs" finds "tariff" and "Tōkyō" finds "Tokyo"; bm25 ranks, the name
column weighing most (the facets column not at all); snippet() marks the matched words. Prefix
indexes for 3 to 6 characters make "tarif*" one index lookup instead of a merge of every word
it starts. Filter tokens cannot be matched by the reader's words (search.facets), so neither
needs a column filter.
"""
from __future__ import annotations

from contextlib import contextmanager, nullcontext
from django.db import DatabaseError, connection, transaction

from search import facets
from search.engines import COLUMNS, START, STOP, Candidate, EngineQuery
from search.query import All, Any, Unit

NAME = "SQLite FTS5"
TABLES = {"search_fts_text": ("paragraph",), "search_fts_names": ("entry", "event"),
          "search_fts_notes": ("annotation",)}
TABLE_OF = {kind: table for table, kinds in TABLES.items() for kind in kinds}
FIELDS = "heading, text, extra, facets"
YEAR = "CAST(substr(search_searchdocument.date, 1, 4) AS INTEGER)"  # dates are stored as ISO text


def schema(table: str, kinds: tuple[str, ...]) -> list[str]:
    """The view, FTS5 table and triggers of one part (migration 0002 holds a frozen copy)."""
    among = "(" + ", ".join(f"'{kind}'" for kind in kinds) + ")"
    new = "new.id, new.heading, new.text, new.extra, new.facets"
    old = "old.id, old.heading, old.text, old.extra, old.facets"
    return [
        f"CREATE VIEW IF NOT EXISTS {table}_rows AS SELECT id, {FIELDS} FROM search_searchdocument "
        f"WHERE kind IN {among}",
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {table} USING fts5({FIELDS}, content='{table}_rows', "
        f"content_rowid='id', tokenize='porter unicode61 remove_diacritics 2', prefix='3 4 5 6')",
        f"CREATE TRIGGER IF NOT EXISTS {table}_insert AFTER INSERT ON search_searchdocument "
        f"WHEN new.kind IN {among} BEGIN INSERT INTO {table}(rowid, {FIELDS}) VALUES ({new}); END",
        f"CREATE TRIGGER IF NOT EXISTS {table}_delete AFTER DELETE ON search_searchdocument "
        f"WHEN old.kind IN {among} BEGIN INSERT INTO {table}({table}, rowid, {FIELDS}) "
        f"VALUES ('delete', {old}); END",
        f"CREATE TRIGGER IF NOT EXISTS {table}_update AFTER UPDATE OF kind, {FIELDS} ON search_searchdocument "
        f"WHEN old.kind IN {among} OR new.kind IN {among} BEGIN "
        f"INSERT INTO {table}({table}, rowid, {FIELDS}) SELECT 'delete', {old} WHERE old.kind IN {among}; "
        f"INSERT INTO {table}(rowid, {FIELDS}) SELECT {new} WHERE new.kind IN {among}; END",
    ]


def phrase(unit: Unit) -> str:
    quoted = '"' + " ".join(unit.tokens).replace('"', '""') + '"'
    return quoted + " *" if unit.prefix else quoted


def render(node) -> str:
    """The FTS5 query for a parsed expression: every unit a quoted string, so no character the
    reader typed can be FTS5 syntax."""
    if isinstance(node, Unit):
        return phrase(node)
    joiner = " AND " if isinstance(node, All) else " OR "
    assert isinstance(node, (All, Any))
    return "(" + joiner.join(render(part) for part in node.parts) + ")"


def words_match(search: EngineQuery) -> str:
    return render(search.expression)


def full_match(search: EngineQuery, table: str, kinds) -> str:
    match = words_match(search)
    groups = list(search.filters)
    if set(TABLES[table]) - set(kinds):
        groups.append(tuple(facets.kind_token(kind) for kind in kinds))
    for group in groups:
        match += " AND (" + " OR ".join(f'"{token}"' for token in group) + ")"
    return match


def table_for(kinds) -> str:
    tables = {TABLE_OF[kind] for kind in kinds}
    if len(tables) != 1:
        raise ValueError(f"Kinds {kinds} are not in one index; search them separately.")
    return tables.pop()


def candidates(search: EngineQuery, limit: int, kinds, ranked=True) -> list[Candidate]:
    """Matches newest-indexed first (FTS5 walks its doclists by rowid, so LIMIT stops the walk),
    each with its bm25 score if `ranked` (bm25 first counts every row that has each phrase: a
    few milliseconds for a word in most paragraphs, so not spent where it is not needed)."""
    table = table_for(kinds)
    columns = ", ".join(f"search_searchdocument.{c}" if c != "year" else YEAR for c in COLUMNS)
    score = f"-bm25({table}, 10.0, 1.0, 0.5, 0.0)" if ranked else "0.0"
    dated, params = "", []
    if search.dates:
        dated, params = " AND search_searchdocument.date BETWEEN %s AND %s", [d.isoformat() for d in search.dates]
    sql = (f"SELECT {columns}, {score} FROM {table} CROSS JOIN search_searchdocument "
           f"ON search_searchdocument.id = {table}.rowid "
           f"WHERE {table} MATCH %s{dated} ORDER BY {table}.rowid DESC LIMIT %s")
    with connection.cursor() as cursor:
        cursor.execute(sql, [full_match(search, table, kinds), *params, limit])
        rows = cursor.fetchall()
    return list(map(Candidate._make, rows))


def searching():
    """The candidate queries of one search (nothing to set up here)."""
    return nullcontext()


def snippets(search: EngineQuery, chosen: list[Candidate]) -> dict[int, str]:
    """One query per index the chosen documents are in (three at most)."""
    found = {}
    for table in TABLES:
        ids = [c.id for c in chosen if TABLE_OF[c.kind] == table]
        if not ids:
            continue
        marks = ", ".join(["%s"] * len(ids))
        sql = (f"SELECT rowid, snippet({table}, -1, %s, %s, '…', 32) FROM {table} "
               f"WHERE {table} MATCH %s AND rowid IN ({marks})")
        with connection.cursor() as cursor:
            cursor.execute(sql, [START, STOP, words_match(search), *ids])
            found.update(cursor.fetchall())
    return found


# --- maintenance -----------------------------------------------------------------------------


def create_index() -> None:
    with connection.cursor() as cursor:
        for table, kinds in TABLES.items():
            for sql in schema(table, kinds):
                cursor.execute(sql)


@contextmanager
def bulk_load():
    """Write many documents fast: the triggers are dropped while the caller writes, then each
    index is rebuilt from its view in one pass and the triggers come back; all in one
    transaction, so a failure leaves the old index as it was."""
    with transaction.atomic():
        with connection.cursor() as cursor:
            for table in TABLES:
                for trigger in ("insert", "delete", "update"):
                    cursor.execute(f"DROP TRIGGER IF EXISTS {table}_{trigger}")
        yield
        with connection.cursor() as cursor:
            for table in TABLES:
                cursor.execute(f"INSERT INTO {table}({table}) VALUES ('rebuild')")
                cursor.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")
        create_index()


def check_index() -> bool:
    """True if every FTS index agrees with its rows (FTS5's own integrity check)."""
    try:
        with connection.cursor() as cursor:
            for table in TABLES:
                cursor.execute(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)")
    except DatabaseError:
        return False
    return True
