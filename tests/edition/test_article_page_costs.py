"""The article page's costs and what they must never cost in correctness.

The page reads the article, the apparatus version and whether any annotation is public in one
query, and serves a reader who is not logged in and can see no annotation the main column from a
cache. These tests pin the query counts and, above all, that the cached column changes whenever
something it shows changes, and is never served to anyone who could see more.
"""
import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext

from annotations.anchoring import TextQuote
from annotations.models import Annotation
from annotations.services.write import create_annotation
from edition.models import ApparatusState, Article
from edition.services.page import PAGE_FIELDS, page_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def piece(seeded):
    return Article.objects.get(source_file__startswith="003_")


def queries(client, url, **extra):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, **extra)
    assert response.status_code == 200
    return len(captured), response.content.decode()


def test_the_page_query_reads_every_field_the_page_shows(piece):
    found = page_article(piece.slug)
    for name in ("id",) + PAGE_FIELDS:
        assert getattr(found, name) == getattr(piece, name), name
    assert found.apparatus_version == ApparatusState.current()
    assert found.has_public_annotations is False


def test_an_unpublished_or_unknown_article_is_not_found(piece):
    from django.http import Http404

    Article.objects.filter(pk=piece.pk).update(current_revision=None)
    with pytest.raises(Http404):
        page_article(piece.slug)
    with pytest.raises(Http404):
        page_article("no-such-article")


def test_a_reader_who_is_not_logged_in_costs_one_query_once_the_page_is_warm(client, piece):
    url = piece.get_absolute_url()
    cold, _ = queries(client, url)
    warm, html = queries(client, url)
    assert cold <= 7 and warm == 1
    assert piece.title in html and 'id="p1"' in html
    assert "{#" not in html and "{%" not in html and "{{" not in html  # no template text leaks


def test_a_staff_page_stays_under_ten_queries_cold(client, piece):
    staff = User.objects.create_user("ed", password="x", is_staff=True)
    client.force_login(staff)
    cold, html = queries(client, piece.get_absolute_url())
    assert cold <= 10
    assert "Cleaning report" in html


def test_a_changed_title_shows_at_once(client, piece):
    url = piece.get_absolute_url()
    client.get(url)
    Article.objects.filter(pk=piece.pk).update(title="A corrected headline")
    assert "A corrected headline" in client.get(url).content.decode()


def test_a_new_public_annotation_shows_at_once_and_a_hidden_one_goes(client, piece):
    url = piece.get_absolute_url()
    assert "No annotations yet." in client.get(url).content.decode()
    author = User.objects.create_user("mei", password="x")
    words = piece.current_revision.blocks.get(number=2).text.split()[:4]
    note = create_annotation(author, article=piece, quote=TextQuote(" ".join(words)), body="Worth a class discussion.",
                             visibility="public")
    html = client.get(url).content.decode()
    assert "Worth a class discussion." in html and f'data-annotation="{note.pk}"' in html
    Annotation.objects.filter(pk=note.pk).update(hidden=True)  # as the admin's moderation does
    html = client.get(url).content.decode()
    assert "Worth a class discussion." not in html and "No annotations yet." in html


def test_a_private_annotation_never_reaches_the_cached_column(client, piece):
    author = User.objects.create_user("mei", password="x")
    words = piece.current_revision.blocks.get(number=2).text.split()[:4]
    create_annotation(author, article=piece, quote=TextQuote(" ".join(words)), body="My own secret note.")
    client.force_login(author)
    assert "My own secret note." in client.get(piece.get_absolute_url()).content.decode()
    client.logout()
    html = client.get(piece.get_absolute_url()).content.decode()
    assert "My own secret note." not in html and "No annotations yet." in html


def test_the_address_decides_the_column(client, piece):
    url = piece.get_absolute_url()
    plain = client.get(url).content.decode()
    off = client.get(url + "?apparatus=off").content.decode()
    assert "apparatus-off" in off and "apparatus-off" not in plain
    assert "Show the apparatus" in off and "Hide the apparatus" in plain
    assert "next=" + url.replace("/", "%2F") + "%3Fapparatus%3Doff" in off


def test_the_annotation_target_names_the_host_asked_for(client, piece, settings):
    settings.ALLOWED_HOSTS = ["testserver", "edition.example"]
    url = piece.get_absolute_url()
    assert f'data-target="http://testserver{url}"' in client.get(url).content.decode()
    other = client.get(url, HTTP_HOST="edition.example").content.decode()
    assert f'data-target="http://edition.example{url}"' in other


def test_a_logged_in_reader_gets_their_own_column(client, piece):
    url = piece.get_absolute_url()
    client.get(url)  # the anonymous column is now cached
    reader = User.objects.create_user("mei", password="x")
    client.force_login(reader)
    html = client.get(url).content.decode()
    assert 'data-user="mei"' in html and "Log in to annotate" not in html


def test_an_apparatus_change_is_a_new_column(client, piece):
    url = piece.get_absolute_url()
    client.get(url)
    ApparatusState.bump()
    count, _ = queries(client, url)
    assert count > 1  # rebuilt (the body is woven again), not served from the old key
