"""The timeline: an SVG with one row per event and a marker at each publication date."""
import re

import pytest
from django.urls import reverse

from edition.models import Article, Event, Revision

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(client, seeded):
    response = client.get(reverse("edition:timeline"))
    assert response.status_code == 200
    return response.content.decode()


def svg_of(page):
    match = re.search(r'<figure class="timeline"[^>]*>.*?(<svg .*?</svg>)', page, re.S)
    assert match, "no SVG in the timeline's figure"
    return match.group(1)


def test_it_draws_an_svg_with_a_title(page):
    svg = svg_of(page)
    assert 'aria-labelledby="timeline-title timeline-desc"' in svg and '<title id="timeline-title">' in svg


def test_it_has_one_row_per_event(page):
    svg = svg_of(page)
    rows = re.findall(r'<a href="(/events/[^"]+/)"><title>[^<]*</title><text class="tl-name"', svg)
    assert sorted(rows) == sorted(e.get_absolute_url() for e in Event.objects.all())


def test_rows_are_in_date_order(page):
    svg = svg_of(page)
    slugs = re.findall(r'<a href="/events/([^"]+)/"><title>', svg)
    dates = dict(Event.objects.values_list("slug", "date"))
    assert [dates[s] for s in slugs] == sorted(dates[s] for s in slugs)


def test_it_marks_each_publication(page):
    svg = svg_of(page)
    assert svg.count('class="tl-pub-mark"') == Article.objects.count() == 5
    assert svg.count('class="tl-pub-rule"') == 5
    assert "27 Oct 2018 · published" in svg


def test_a_dot_marks_each_article_that_reports_an_event(page):
    svg = svg_of(page)
    # Li Keqiang's visit is reported by three articles.
    row = re.search(r'Li Keqiang[^<]*</text></a>(.*?)(?:<rect|<text|<line|</svg>)', svg, re.S).group(1)
    assert row.count('class="tl-dot"') == 3


def test_column_heads_link_the_articles(page):
    for article in Article.objects.all():
        assert f'<a href="{article.get_absolute_url()}"><title>' in svg_of(page)


def test_past_forty_articles_a_column_stands_for_a_publication_and_year(client, seeded):
    for n in range(40):
        extra = Article.objects.create(slug=f"extra-{n}", source_file=f"extra-{n}.txt", title=f"Extra {n}",
                                       publication="The Extra Times", published=f"20{10 + n % 4}-06-01")
        extra.current_revision = Revision.objects.create(article=extra, number=1, fingerprint="x", source_text="x",
                                                         text="x", profile="generic", cleaning={})
        extra.save()
    svg = svg_of(client.get(reverse("edition:timeline")).content.decode())
    heads = re.findall(r'<text class="tl-col"[^>]*>([^<]+)</text>', svg)
    assert len(heads) == len(set(heads)) == 4 + 4  # four Extra Times years, Nikkei 2016 and 2018, AsiaNews, Japan Times
    assert "The Extra Times 2012" in heads and "Nikkei 2018" in heads
    assert 'class="tl-pub-mark"' not in svg
