"""The search box on every page and the results page: headings, links, facets, pages, and a clear
message (never an error) for every query that cannot be searched."""
import re

import pytest
from django.test import override_settings

from .conftest import annotate

pytestmark = pytest.mark.django_db
SEARCH_BOX = re.compile(r'<form class="site-search" role="search" method="get" action="/search/"')


@pytest.mark.parametrize("url", ["/", "/glossary/", "/search/", "/search/?q=japan"])
def test_every_page_has_the_search_box(client, edition, url):
    html = client.get(url).content.decode()
    assert SEARCH_BOX.search(html)
    assert '<label class="visually-hidden" for="site-search-q">Search the edition</label>' in html


def test_the_article_page_has_the_search_box(client, kishida):
    assert SEARCH_BOX.search(client.get(kishida.get_absolute_url()).content.decode())


def test_the_results_page_keeps_the_query_in_the_search_box(client, edition):
    assert 'name="q" value="East China &quot;Sea&quot;"' in client.get('/search/?q=East China "Sea"').content.decode()


def test_the_heading_counts_the_results(client, edition):
    html = client.get("/search/?q=seafood").content.decode()
    assert re.search(r'<h1 id="search-heading">\d+ results for “seafood”</h1>', html)


def test_results_link_to_their_paragraphs(client, kishida):
    block = next(b for b in kishida.current_revision.blocks.all() if "blanket ban" in b.text)
    html = client.get('/search/?q="blanket ban"').content.decode()
    assert f'href="{kishida.get_absolute_url()}#p{block.number}"' in html
    assert "<mark>blanket ban</mark>" in html


def test_facets_are_links_that_add_a_filter(client, edition):
    html = client.get("/search/?q=Japan").content.decode()
    assert 'href="?q=Japan&amp;publication=AsiaNews"' in html
    assert 'href="?q=Japan&amp;kind=paragraph"' in html
    assert 'href="?q=Japan&amp;date_from=2016-01-01&amp;date_to=2016-12-31"' in html


def test_a_filter_in_use_can_be_removed(client, edition):
    html = client.get("/search/?q=Japan&publication=AsiaNews&page=2").content.decode()
    assert "Publication: AsiaNews" in html
    assert 'href="?q=Japan">Remove' in html


def test_results_come_in_pages(client, edition):
    html = client.get("/search/?q=Japan").content.decode()
    assert 'href="?q=Japan&amp;page=2" rel="next"' in html
    html = client.get("/search/?q=Japan&page=2").content.decode()
    assert 'rel="prev"' in html and '<ol class="result-list" start="21">' in html


@override_settings(SEARCH_MAX_CANDIDATES=3)
def test_too_many_matches_are_announced_as_more_than(client, edition):
    html = client.get("/search/?q=Japan").content.decode()
    assert "More than 3 results for “Japan”" in html
    assert "only the first 3 found are ranked" in html


def test_annotations_show_who_wrote_them(client, owner, member, kishida, classroom):
    annotate(member, kishida, "blanket ban", body="Class words on quokkas.", visibility="class",
             classroom_id=classroom.pk)
    client.force_login(owner)
    html = client.get("/search/?q=quokkas").content.decode()
    assert "Class note" in html and "by mia in Modern East Asia" in html


def test_the_query_is_escaped_in_the_page(client, edition):
    html = client.get("/search/?q=<script>alert(1)</script>").content.decode()
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_the_page_has_no_inline_script_or_style(client, edition):
    html = client.get("/search/?q=Japan").content.decode()
    assert " style=" not in html and "<style" not in html
    assert not re.search(r"<script(?![^>]*\bsrc=)", html)


def test_without_a_query_the_page_explains_how_to_search(client, db):
    response = client.get("/search/")
    assert response.status_code == 200
    assert "A phrase in quotes" in response.content.decode()


@pytest.mark.parametrize("query, message", [
    ("", "Type a word or a phrase"),
    ("   ", "Type a word or a phrase"),
    ("x" * 600, "too long (600 characters)"),
    ('"', "no words to search for"),
    ("(", "no words to search for"),
    ("*", "no words to search for"),
    ("-", "no words to search for"),
    (":", "no words to search for"),
    ("^", "no words to search for"),
    ("🙂", "no words to search for"),
    ("a\x00b", "Null characters are not allowed"),
])
def test_a_query_that_cannot_be_searched_gets_a_message(client, edition, query, message):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert message in response.content.decode()


@pytest.mark.parametrize("query", ["NEAR(", "NEAR(china japan)", "a:b", "china AND", "OR", "NOT japan", "^japan",
                                   "-japan", "japan*", '"unbalanced', "尖閣諸島", "中国 日本", "Ōsaka", "'",
                                   "\\", "%", "_", "col:(x)", "{text}: japan"])
def test_engine_syntax_is_searched_as_words(client, edition, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert re.search(r"results? for|no words to search for|in nearly every passage", html)


@pytest.mark.parametrize("params, message", [
    ({"page": "x"}, "Enter a whole number"),
    ({"page": "0"}, "greater than or equal to 1"),
    ({"date_from": "yesterday"}, "Enter a valid date"),
    ({"date_from": "2020-01-01", "date_to": "2019-01-01"}, "The end date is before the start date"),
    ({"date_from": "0001-01-01"}, "between the years"),
    ({"kind": "everything"}, "Select a valid choice"),
    ({"article": "abc"}, "Enter a whole number"),
    ({"tag": "t" * 65}, "at most 64 characters"),
    ({"publication": "x\x00"}, "Null characters"),
    ({"annotations": "mine"}, "Log in to search your own"),
])
def test_a_bad_filter_gets_a_message(client, edition, params, message):
    response = client.get("/search/", {"q": "japan", **params})
    assert response.status_code == 200
    assert message in response.content.decode()


def test_the_page_answers_only_reads(client, db):
    assert client.post("/search/", {"q": "japan"}).status_code == 405
