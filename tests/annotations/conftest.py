"""Fixtures for the annotation tests: the seed edition, a class with its people, and helpers to
annotate words of an article through the service or the API."""
import json
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client

from annotations.anchoring import TextQuote, make_quote
from annotations.models import ApiToken, Classroom, Membership
from annotations.services import create_annotation
from edition.models import Article
from edition.services.ingest import ingest_paths

SEEDS = Path(settings.BASE_DIR) / "seeds"
KISHIDA_XI = "002_eafb6a902547a699.txt"  # the article most tests annotate
ABE_XI = "001_477d697d00413904.txt"  # another, for tests that need two
LD_JSON = "application/ld+json"


def ingest(*paths):
    """Ingest source files as `manage.py ingest` does, minus loading the apparatus: that costs most
    of the time and these tests do not need it (test_reanchoring runs the command itself once)."""
    results = list(ingest_paths([Path(path) for path in paths]))
    assert not any(result.failed for result in results), [result.error for result in results]


@pytest.fixture
def seed_copy(tmp_path):
    """A private copy of the seeds folder (texts and manifest) that a test may change."""
    folder = tmp_path / "seeds"
    folder.mkdir()
    for name in (KISHIDA_XI, ABE_XI):
        shutil.copy(SEEDS / name, folder / name)
    shutil.copy(SEEDS / "manifest.yaml", folder / "manifest.yaml")
    return folder


@pytest.fixture
def seeded(db):
    """Two articles of the seed edition, ingested (all five cost more and add nothing here)."""
    ingest(SEEDS / KISHIDA_XI, SEEDS / ABE_XI)


@pytest.fixture
def article(seeded):
    return Article.objects.select_related("current_revision").get(source_file=KISHIDA_XI)


@pytest.fixture
def other_article(seeded):
    return Article.objects.select_related("current_revision").get(source_file=ABE_XI)


def make_user(username, **extra):
    return get_user_model().objects.create_user(username=username, password=None, **extra)  # no hashing: fast


@pytest.fixture
def owner(db):
    return make_user("olive", first_name="Olive", last_name="Owner")


@pytest.fixture
def other(db):
    return make_user("oscar")


@pytest.fixture
def member(db):
    return make_user("mia")


@pytest.fixture
def teacher(db):
    return make_user("tess", first_name="Tess", last_name="Teacher")


@pytest.fixture
def classroom(owner, member, teacher):
    """A class with the owner and another member as students and a teacher; `other` is outside."""
    room = Classroom.objects.create(name="Modern East Asia", created_by=teacher)
    Membership.objects.create(user=owner, classroom=room, role=Membership.STUDENT)
    Membership.objects.create(user=member, classroom=room, role=Membership.STUDENT)
    Membership.objects.create(user=teacher, classroom=room, role=Membership.TEACHER)
    return room


def quote_of(article, words, occurrence=1) -> TextQuote:
    """The selector a browser would send for the `occurrence`-th `words` in the article."""
    text = article.current_revision.text
    start = -1
    for _ in range(occurrence):
        start = text.index(words, start + 1)
    return make_quote(text, start, start + len(words))


def annotate(user, article, words, **kwargs):
    return create_annotation(user, article=article, quote=quote_of(article, words), **kwargs)


@pytest.fixture
def note(owner, article):
    """The owner's private comment on a phrase of paragraph 3."""
    return annotate(owner, article, "brighter future", body="A *hopeful* phrase.", tags=["rhetoric"])


def article_url(article):
    return "http://testserver" + article.get_absolute_url()


def w3c(article, words=None, *, body="A note.", position=True, **extra):
    """A W3C annotation payload on `words` of the article, as the browser would POST it."""
    selectors = []
    if words is not None:
        quote = quote_of(article, words)
        selectors.append({"type": "TextQuoteSelector", "exact": quote.exact,
                          "prefix": quote.prefix, "suffix": quote.suffix})
        if position:
            start = article.current_revision.text.index(words)
            selectors.append({"type": "TextPositionSelector", "start": start, "end": start + len(words)})
    data = {"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation",
            "motivation": "commenting",
            "body": [{"type": "TextualBody", "value": body, "format": "text/markdown"}],
            "target": {"source": article_url(article), "selector": selectors}}
    data.update(extra)
    return data


class Api:
    """A test client speaking the annotation API (JSON in, JSON out)."""

    def __init__(self, client):
        self.client = client

    def send(self, method, url, data=None, content_type=LD_JSON, **headers):
        payload = data if isinstance(data, (str, bytes)) or data is None else json.dumps(data)
        return getattr(self.client, method)(url, payload, content_type=content_type, headers=headers)

    def post(self, data, url="/api/annotations/", **kwargs):
        return self.send("post", url, data, **kwargs)

    def get(self, url, **params):
        return self.client.get(url, params)

    def put(self, pk, data, **kwargs):
        return self.send("put", f"/api/annotations/{pk}", data, **kwargs)

    def patch(self, pk, data, **kwargs):
        return self.send("patch", f"/api/annotations/{pk}", data, **kwargs)

    def delete(self, pk, **kwargs):
        return self.client.delete(f"/api/annotations/{pk}", headers=kwargs)


def api_as(user=None) -> Api:
    client = Client()
    if user is not None:
        client.force_login(user)
    return Api(client)


@pytest.fixture
def api():
    """Returns an API client signed in as the given user (anonymous without one)."""
    return api_as


@pytest.fixture
def token_for():
    def issue(user):
        return ApiToken.issue(user)[1]
    return issue
