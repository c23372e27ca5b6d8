"""GET /api/annotations/: a paged AnnotationCollection of what the user may see."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from annotations import api as api_module

from .conftest import annotate, article_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def several(owner, other, article, other_article, classroom):
    here = [
        annotate(owner, article, "brighter future", tags=["hope"], visibility="public"),
        annotate(owner, article, "mutually beneficial", visibility="class", classroom_id=classroom.pk),
        annotate(owner, article, "Kishida", tags=["people"]),
        annotate(other, article, "Xi Jinping", visibility="public", tags=["people"]),
    ]
    text = other_article.current_revision.text
    from annotations.anchoring import make_quote
    from annotations.services import create_annotation
    create_annotation(owner, article=other_article, quote=make_quote(text, 0, 12), visibility="public")
    return here


def item_ids(response):
    body = response.json()
    page = body["first"] if body["type"] == "AnnotationCollection" else body
    return [int(item["id"].rsplit("/", 1)[1]) for item in page["items"]]


def test_it_lists_the_articles_annotations_the_user_may_see(api, owner, several, article):
    response = api(owner).get("/api/annotations/", target=article_url(article))
    assert response.status_code == 200
    body = response.json()
    assert body["type"] == "AnnotationCollection" and body["total"] == 4
    assert item_ids(response) == [a.pk for a in several]


def test_another_user_sees_only_the_public_ones(api, other, several, article):
    response = api(other).get("/api/annotations/", target=article_url(article))
    assert item_ids(response) == [several[0].pk, several[3].pk]


def test_anonymous_readers_get_the_public_ones(api, several, article):
    assert api().get("/api/annotations/", target=article_url(article)).json()["total"] == 2


def test_it_filters_by_user(api, owner, several, article):
    response = api(owner).get("/api/annotations/", target=article_url(article), user="oscar")
    assert item_ids(response) == [several[3].pk]


def test_it_filters_by_tag(api, owner, several, article):
    response = api(owner).get("/api/annotations/", target=article_url(article), tag="people")
    assert item_ids(response) == [several[2].pk, several[3].pk]


def test_it_filters_by_visibility(api, owner, several, article):
    response = api(owner).get("/api/annotations/", target=article_url(article), visibility="class")
    assert item_ids(response) == [several[1].pk]


def test_without_a_target_it_lists_all_articles(api, owner, several):
    assert api(owner).get("/api/annotations/").json()["total"] == 5


def test_a_filter_never_widens_what_is_visible(api, other, several, article):
    response = api(other).get("/api/annotations/", target=article_url(article), user="olive")
    assert item_ids(response) == [several[0].pk]


def test_it_pages(api, owner, several, article, monkeypatch):
    monkeypatch.setattr(api_module, "PAGE_SIZE", 3)
    client = api(owner)
    collection = client.get("/api/annotations/", target=article_url(article)).json()
    assert len(collection["first"]["items"]) == 3
    assert collection["last"].endswith("page=2")
    second = client.get(collection["first"]["next"])
    assert second.json()["type"] == "AnnotationPage"
    assert second.json()["startIndex"] == 3
    assert item_ids(second) == [several[3].pk]
    assert second.json()["partOf"]["total"] == 4
    assert "next" not in second.json() and second.json()["prev"].endswith("page=1")


def test_an_empty_collection_has_an_empty_first_page(api, other, article, seeded):
    body = api(other).get("/api/annotations/", target=article_url(article)).json()
    assert body["total"] == 0 and body["first"]["items"] == []


def test_the_number_of_queries_does_not_grow_with_the_annotations(api, owner, several, article, classroom):
    client = api(owner)
    client.get("/api/annotations/", target=article_url(article))  # warm the session
    with CaptureQueriesContext(connection) as few:
        client.get("/api/annotations/", target=article_url(article))
    for i in range(10):
        annotate(owner, article, "bilateral relations", tags=[f"t{i}"], visibility="public")
    with CaptureQueriesContext(connection) as many:
        client.get("/api/annotations/", target=article_url(article))
    assert len(many) == len(few) <= 8
