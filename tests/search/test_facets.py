"""Facets: counts of the matching documents by kind, publication, year, article and tag, and the
filters they lead to (dates, kinds, my and my classes' annotations, tags)."""
from collections import Counter
from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search.service import Filters, QueryError, search

from .conftest import annotate, every_hit, found, found_annotations

pytestmark = pytest.mark.django_db
ANONYMOUS = AnonymousUser()


def counts(results, facet):
    return {value.label: value.count for value in results.facets.get(facet, [])}


@pytest.fixture
def notes(owner, member, kishida, asianews, classroom):
    return {
        "mine": annotate(owner, kishida, "seafood", body="Why Japan cares about China", tags=["trade", "fish"]),
        "class": annotate(member, kishida, "blanket ban", body="The ban hurts Japan and China", tags=["trade"],
                          visibility="class", classroom_id=classroom.pk),
        "public": annotate(member, asianews, "Treaty of Peace and Friendship", body="Japan, China and the gas field",
                           tags=["energy"], visibility="public"),
    }


def test_counts_by_kind_add_up_to_the_total(edition, senkaku):
    results = search(ANONYMOUS, "Senkaku")
    assert results.total < 20
    labels = {"paragraph": "Paragraph", "entry": "Entry"}
    assert counts(results, "kind") == Counter(labels[h.document.kind] for h in every_hit(results))
    assert counts(results, "kind")["Entry"] == 1
    assert sum(counts(results, "kind").values()) == results.total


def test_counts_by_publication_article_and_year(edition):
    results = search(ANONYMOUS, "Japan")
    by_publication = counts(results, "publication")
    assert set(by_publication) == {"The Japan Times", "Nikkei Asian Review", "AsiaNews"}
    assert sum(by_publication.values()) == results.total
    assert set(counts(results, "year")) == {"2023", "2016", "2018"}
    assert sum(counts(results, "article").values()) == results.total


def test_tags_are_counted_over_the_annotations_the_reader_may_see(owner, outsider, notes):
    assert counts(search(owner, "Japan China"), "tag") == {"trade": 2, "fish": 1, "energy": 1}
    assert counts(search(outsider, "Japan China"), "tag") == {"energy": 1}


def test_filtering_by_kind(edition, senkaku):
    assert {kind for kind, _ in found(ANONYMOUS, "Senkaku", kind="entry")} == {"entry"}


def test_filtering_by_publication(edition):
    results = search(ANONYMOUS, "Japan", Filters(publication="AsiaNews"))
    assert results.hits and {h.document.publication for h in results.hits} == {"AsiaNews"}


def test_filtering_by_article(edition, nikkei):
    results = search(ANONYMOUS, "Japan", Filters(article=nikkei.pk))
    assert results.hits and {h.document.article_id for h in results.hits} == {nikkei.pk}


def test_filtering_by_tag(owner, notes):
    assert found_annotations(owner, "Japan", tag="trade") == {notes["mine"].pk, notes["class"].pk}


def test_filtering_by_date_range(edition, fishing_fleet):
    in_2016 = search(ANONYMOUS, "China", Filters(date_from=date(2016, 1, 1), date_to=date(2016, 12, 31)))
    assert in_2016.hits
    assert all(date(2016, 1, 1) <= h.document.date <= date(2016, 12, 31) for h in in_2016.hits)


def test_an_open_date_range_runs_to_the_edges_of_the_edition(edition):
    since = search(ANONYMOUS, "Japan", Filters(date_from=date(2018, 8, 6)))
    assert {h.document.date for h in since.hits} == {date(2018, 8, 6), date(2023, 11, 17)}
    until = search(ANONYMOUS, "Japan", Filters(date_to=date(2016, 12, 27)))
    assert {h.document.date for h in until.hits} == {date(2016, 12, 27)}


def test_a_date_range_with_no_documents_finds_nothing(edition):
    assert not search(ANONYMOUS, "Japan", Filters(date_from=date(1990, 1, 1), date_to=date(1990, 2, 1))).hits


def test_my_annotations(owner, notes):
    assert found_annotations(owner, "Japan", annotations="mine") == {notes["mine"].pk}
    assert {kind for kind, _ in found(owner, "Japan", annotations="mine")} == {"annotation"}


def test_my_classes_annotations(owner, member, outsider, notes):
    assert found_annotations(owner, "Japan", annotations="class") == {notes["class"].pk}
    assert found_annotations(outsider, "Japan", annotations="class") == set()


def test_my_and_class_counts_for_a_signed_in_reader(owner, notes):
    assert counts(search(owner, "Japan China"), "annotations") == {"Mine": 1, "My classes’": 1}


def test_anonymous_readers_get_a_message_for_my_annotations(notes):
    with pytest.raises(QueryError, match="Log in"):
        search(ANONYMOUS, "Japan", Filters(annotations="mine"))


def test_facets_cost_a_constant_number_of_queries(owner, notes, edition):
    def queries(text):
        with CaptureQueriesContext(connection) as captured:
            search(owner, text)
        return sum(1 for query in captured if query["sql"].startswith("SELECT"))  # not SAVEPOINT, SET

    queries("China")  # the first search of a process reads the entries' names
    # names (2), one query per part (3), entries' names (1), the page (1), its snippets (one per
    # index, at most 3) and the articles' titles (1): however many documents match.
    assert max(queries("Japan"), queries("seafood"), queries("Chunxiao"), queries("zyzzyva")) <= 11
