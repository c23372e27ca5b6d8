"""The contents page, the article page and the editor's cleaning report."""
import re

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.urls import reverse

from edition.models import Article, EditorialNote
from edition.services.editorial_notes import place_editorial_note

pytestmark = pytest.mark.django_db


def article_url(prefix):
    return Article.objects.get(source_file__startswith=prefix).get_absolute_url()


def test_the_contents_page_lists_articles_by_date(client, seeded):
    html = client.get("/").content.decode()
    titles = list(Article.objects.order_by("published").values_list("title", flat=True))
    positions = [html.index(t.replace("'", "&#x27;")) for t in titles]
    assert positions == sorted(positions)


def test_the_contents_page_shows_date_publication_and_standfirst(client, seeded):
    html = client.get("/").content.decode()
    assert "6 August 2018" in html and "AsiaNews" in html
    assert "First high-level dialogue between nations in eight years" in html


def test_the_article_page_numbers_every_block(client, seeded):
    article = Article.objects.get(source_file__startswith="000_")
    html = client.get(article.get_absolute_url()).content.decode()
    count = article.current_revision.blocks.count()
    assert all(f'id="p{n}"' in html for n in range(1, count + 1))
    assert f'id="p{count + 1}"' not in html


def test_the_article_page_shows_the_metadata(client, seeded):
    html = client.get(article_url("004_")).content.decode()
    for text in ("Willy Wo-Lap Lam", "AsiaNews", "6 August 2018", "Hong Kong"):
        assert text in html


def test_the_footnote_marker_and_the_note_link_to_each_other(client, seeded):
    html = client.get(article_url("004_")).content.decode()
    assert re.search(r'<a href="#note-1" id="ref-1"[^>]*>1</a>', html)
    assert 'id="note-1"' in html and 'href="#ref-1"' in html


def test_citations_link_to_the_list_of_sources_and_back(client, seeded):
    html = client.get(article_url("004_")).content.decode()
    assert 'id="citeref-1" href="#cite-1"' in html
    assert 'id="cite-1"' in html and 'href="#citeref-1"' in html


def test_captions_are_figures(client, seeded):
    html = client.get(article_url("002_")).content.decode()
    assert html.count("<figure") == 2
    assert "POOL / VIA KYODO" in html


def test_an_unknown_article_is_a_404(client, seeded):
    assert client.get("/articles/no-such-article/").status_code == 404


def test_pages_carry_a_content_security_policy(client, seeded):
    response = client.get(article_url("001_"))
    assert "script-src 'self'" in response["Content-Security-Policy"]


def test_the_article_page_runs_a_constant_number_of_queries(client, seeded, django_assert_max_num_queries):
    url = article_url("003_")
    client.get(url)  # warm the body cache
    with django_assert_max_num_queries(4):
        client.get(url)


def test_a_cold_article_page_stays_under_ten_queries(client, seeded, django_assert_max_num_queries):
    url = article_url("004_")
    with django_assert_max_num_queries(10):
        client.get(url)


def test_the_query_count_does_not_grow_with_the_edition(client, seeded, tmp_path, django_assert_max_num_queries):
    for n in range(30):
        (tmp_path / f"extra_{n:03}.txt").write_text(
            f"Extra article {n}\n\nA first paragraph about ties between Tokyo and Beijing, number {n}.\n\n"
            "A second paragraph with more words about the East China Sea.\n"
        )
    call_command("ingest", str(tmp_path), stdout=open("/dev/null", "w"))
    url = article_url("004_")
    with django_assert_max_num_queries(10):
        client.get(url)
    with django_assert_max_num_queries(3):
        client.get("/")


def test_the_cleaning_report_is_for_editors_only(client, seeded):
    article = Article.objects.get(source_file__startswith="000_")
    url = reverse("edition:cleaning_report", args=[article.slug])
    assert client.get(url).status_code == 302
    User.objects.create_user("reader", password="x")
    client.login(username="reader", password="x")
    assert client.get(url).status_code == 302


def test_the_cleaning_report_lists_each_dropped_line_with_its_rule(admin_client, seeded):
    article = Article.objects.get(source_file__startswith="000_")
    html = admin_client.get(reverse("edition:cleaning_report", args=[article.slug])).content.decode()
    for dropped in article.current_revision.cleaning["dropped"][:5]:
        assert dropped["reason"] in html
    assert "numberArticlesLeft" in html


def test_an_editorial_note_is_lettered_and_linked_like_a_footnote(client, seeded):
    article = Article.objects.get(source_file__startswith="004_")
    note = EditorialNote(article=article, body="The islands are called *Senkaku* in Japan.")
    place_editorial_note(note, block_number=3, exact="Diaoyu-Senkaku Islands")
    html = client.get(article.get_absolute_url()).content.decode()
    assert 'href="#note-ea" id="ref-ea"' in html
    assert 'id="note-ea"' in html and "<em>Senkaku</em>" in html
    assert re.search(r'<span class="editorial-span" data-note="ea">(<a [^>]*>)?Diaoyu-Senkaku Islands(</a>)?</span>', html)


def test_an_editorial_note_body_is_sanitised(client, seeded):
    article = Article.objects.get(source_file__startswith="004_")
    note = EditorialNote(article=article, body='<script>alert(1)</script>[x](javascript:alert(1)) <img src=x onerror=alert(1)>')
    place_editorial_note(note, block_number=3, exact="Diaoyu-Senkaku Islands")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert" not in html and "javascript:" not in html and "onerror" not in html
