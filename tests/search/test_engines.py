"""The two engines: the database in use picks one; each writes its own syntax from parsed tokens.

Every other test in this folder runs against whichever engine the database has (SQLite FTS5 under
`make test`, PostgreSQL under `make test-postgres`); the tests here name the engine.
"""
import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection

from search.engines import engine_for, postgres, sqlite_fts
from search.query import build
from search.service import search

from .conftest import engine_name

pytestmark = pytest.mark.django_db
ENGINE = {"sqlite": sqlite_fts, "postgresql": postgres}


@pytest.fixture(params=[connection.vendor])
def vendor(request):
    """The engine this database supports (the other one is exercised by the other CI run)."""
    return request.param


def test_the_database_in_use_chooses_the_engine(vendor, edition):
    assert engine_for() is ENGINE[vendor]
    assert search(AnonymousUser(), "seafood").engine == engine_name()


def test_the_engines_index_exists(vendor):
    with connection.cursor() as cursor:
        if vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE name LIKE 'search_fts%'")
            names = {name for (name,) in cursor.fetchall()}
            for table in sqlite_fts.TABLES:
                assert {table, f"{table}_rows", f"{table}_insert", f"{table}_delete", f"{table}_update"} <= names
        else:
            cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE indexname LIKE 'search_doc_vector_%'")
            indexes = dict(cursor.fetchall())
            assert set(indexes) == {f"search_doc_vector_{part}" for part in postgres.PARTS}
            assert all("USING gin (search_vector) WHERE" in sql for sql in indexes.values())


def test_the_engines_index_agrees_with_the_documents(vendor, edition):
    assert ENGINE[vendor].check_index()


def test_fts5_text_quotes_every_token():
    query = build('"East China" tarif* NEAR( AND')
    assert sqlite_fts.render(query.expression) == '("east china" AND "tarif" * AND "near")'


def test_tsquery_text_quotes_every_lexeme_and_keeps_to_the_word_columns():
    query = build('"East China" tarif* OR')
    assert postgres.render(query.expression) == "(('east':ABC <-> 'china':ABC) & 'tarif':*ABC)"


@pytest.mark.parametrize("text", ['"', "(", "NEAR(", "*", "-", ":", "^", "a:b", "NOT", "tarif**", "'",
                                  "\\", "OR AND", "col:word", '"unclosed', "尖閣諸島", "Ōsaka", "a" * 499])
def test_no_query_text_is_engine_syntax(vendor, edition, text):
    from search.query import QueryError

    try:
        search(AnonymousUser(), text)
    except QueryError:
        pass  # a message for the reader, never a database error
