"""Fixtures for the search tests: three seed articles, an entry with aliases, an event, readers in
a class, and helpers to annotate words and to search as someone."""
import shutil
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection

from annotations.anchoring import make_quote
from annotations.models import Classroom, Membership
from annotations.services import create_annotation
from edition.models import Article, Entry, EntryAlias, Event
from edition.services.ingest import ingest_paths
from search import names
from search.service import Filters, search

SEEDS = Path(settings.BASE_DIR) / "seeds"
KISHIDA_XI = "002_eafb6a902547a699.txt"  # The Japan Times, 2023-11-17: seafood, Fukushima
NIKKEI_2016 = "003_af1c4a53416f9db4.txt"  # Nikkei Asian Review, 2016-12-27: the Senkaku Islands
ASIANEWS = "004_343d48f420dd351e.txt"  # AsiaNews, 2018-08-06: a source footnote on Chunxiao
ARTICLES = (KISHIDA_XI, NIKKEI_2016, ASIANEWS)


def ingest(*paths):
    results = list(ingest_paths([Path(path) for path in paths]))
    assert not any(result.failed for result in results), [result.error for result in results]


@pytest.fixture(autouse=True)
def _fresh_names():
    """The entries' names are cached per process; test databases roll back under them."""
    names.forget()
    yield
    names.forget()


@pytest.fixture
def edition(db):
    ingest(*(SEEDS / name for name in ARTICLES))
    return {article.source_file: article for article in Article.objects.select_related("current_revision")}


@pytest.fixture
def nikkei(edition):
    return edition[NIKKEI_2016]


@pytest.fixture
def kishida(edition):
    return edition[KISHIDA_XI]


@pytest.fixture
def asianews(edition):
    return edition[ASIANEWS]


@pytest.fixture
def seed_copy(tmp_path):
    """A private copy of the three seed texts and the manifest that a test may change."""
    folder = tmp_path / "seeds"
    folder.mkdir()
    for name in ARTICLES:
        shutil.copy(SEEDS / name, folder / name)
    shutil.copy(SEEDS / "manifest.yaml", folder / "manifest.yaml")
    return folder


@pytest.fixture
def senkaku(db):
    entry = Entry.objects.create(slug="senkaku-islands", kind="place", name="Senkaku Islands",
                                 short="Uninhabited islands in the East China Sea, administered by Japan.",
                                 names=[{"name": "Diaoyu Islands", "used_by": "China"}])
    for text in ("Senkaku Islands", "Senkakus", "Senkaku", "Diaoyu Islands", "Diaoyu", "Diaoyutai Islands"):
        EntryAlias.objects.create(entry=entry, text=text)
    return entry


@pytest.fixture
def fishing_fleet(db, senkaku):
    return Event.objects.create(slug="fishing-fleet-2016", name="Fishing fleet off the islands",
                                date=date(2016, 8, 5), description="Hundreds of *fishing boats* sailed "
                                "into the waters around the islands.", place=senkaku)


def make_user(username, **extra):
    return get_user_model().objects.create_user(username=username, password=None, **extra)


@pytest.fixture
def owner(db):
    return make_user("olive", first_name="Olive", last_name="Owner")


@pytest.fixture
def member(db):
    return make_user("mia")


@pytest.fixture
def teacher(db):
    return make_user("tess", first_name="Tess", last_name="Teacher")


@pytest.fixture
def outsider(db):
    return make_user("oscar")


@pytest.fixture
def classroom(owner, member, teacher):
    room = Classroom.objects.create(name="Modern East Asia", created_by=teacher)
    Membership.objects.create(user=owner, classroom=room, role=Membership.STUDENT)
    Membership.objects.create(user=member, classroom=room, role=Membership.STUDENT)
    Membership.objects.create(user=teacher, classroom=room, role=Membership.TEACHER)
    return room


def annotate(user, article, words, **kwargs):
    text = article.current_revision.text
    start = text.index(words)
    return create_annotation(user, article=article, quote=make_quote(text, start, start + len(words)), **kwargs)


def every_hit(results):
    """The page's hits: the entries and events shown apart, then the ranked list."""
    return results.featured + results.hits


def found(user, text, **filters):
    """(kind, object id) of every result on the first page."""
    results = search(user, text, Filters(**filters))
    return {(hit.document.kind, hit.document.object_id) for hit in every_hit(results)}


def found_annotations(user, text, **filters):
    return {pk for kind, pk in found(user, text, **filters) if kind == "annotation"}


def engine_name():
    return {"sqlite": "SQLite FTS5", "postgresql": "PostgreSQL full-text search"}[connection.vendor]
