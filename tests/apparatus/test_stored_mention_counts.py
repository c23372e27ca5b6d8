"""The Mention rows that ingest stores match the counts derived by hand from the texts.

The expected counts, with the occurrences each one counts, are in tests/linking/test_seed_counts.py
(where they are also checked against plain regular expressions and the pure linker); here they are
checked against the database after `ingest`, the whole path from raw file to stored row.
"""
from collections import Counter

import pytest

from edition.linking.aliases import load_entries
from edition.linking.matcher import compile_matcher, find_mentions
from edition.models import Mention
from edition.services.apparatus import current_mentions
from tests.linking.test_seed_counts import AMBIGUOUS, UNAMBIGUOUS, linkable_blocks

from .conftest import SEEDS

pytestmark = pytest.mark.django_db


@pytest.fixture
def stored(seeded):
    """(article prefix, entry slug) -> number of stored mentions in the current revision."""
    rows = current_mentions().filter(entry__isnull=False).values_list(
        "revision__article__source_file", "entry__slug")
    return Counter((source_file[:3], slug) for source_file, slug in rows)


def test_stored_counts_equal_the_independent_counts(stored):
    expected = {(article, entry): count for article, entry, count, _ in UNAMBIGUOUS}
    assert {key: stored[key] for key in expected} == expected


def test_stored_ambiguous_surnames_resolve_as_read(stored):
    expected = {(article, entry): count for article, entry, count in AMBIGUOUS}
    assert {key: stored[key] for key in expected} == expected


@pytest.mark.parametrize("surname", ["Wang", "Li", "Fukuda"])
def test_every_stored_bare_surname_names_the_person_read_by_hand(seeded, surname):
    bare = current_mentions().filter(text=surname).values_list(
        "revision__article__source_file", "entry__slug")
    read = {
        "Wang": {("000", "wang-yi"): 1},
        "Li": {("000", "li-keqiang"): 2, ("001", "li-keqiang"): 1, ("003", "li-xiaolin"): 3,
               ("004", "li-keqiang"): 5},
        "Fukuda": {("004", "yasuo-fukuda"): 2},
    }[surname]
    assert Counter((f[:3], slug) for f, slug in bare) == read


def test_the_stored_mentions_are_the_pure_linkers(seeded):
    matcher = compile_matcher(load_entries(SEEDS / "apparatus" / "entries.yaml").aliases())
    for path in sorted(SEEDS.glob("*.txt")):
        pure = Counter(m.target_id for m in find_mentions(linkable_blocks(path.name), matcher))
        db = Counter(Mention.objects.filter(revision__article__source_file=path.name, entry__isnull=False)
                     .values_list("entry__slug", flat=True))
        assert db == pure, path.name
