"""An event's page: its date and place, and each article's account side by side."""
import re

import pytest
from django.urls import reverse

from edition.models import Article, Event, EventQuote

from .pages import text_of

pytestmark = pytest.mark.django_db
ACCOUNT = re.compile(r'<article class="account"[^>]*>\s*<h3 id="account-\d+"><a href="([^"]+)">')
PARA = re.compile(r'<a class="kwic-para" href="([^"#]+)#p(\d+)">¶\d+</a> ')


def plain(text):
    """A quote as events.yaml may spell it: any white space, straight or curly apostrophes."""
    return re.sub(r"\s+", " ", text).replace("’", "'")


def event_page(client, slug):
    response = client.get(reverse("edition:event", args=[slug]))
    assert response.status_code == 200
    return response.content.decode()


def test_it_sets_the_accounts_side_by_side_one_per_article(client, seeded):
    html = event_page(client, "li-keqiang-visit-japan-2018")
    accounts = ACCOUNT.findall(html)
    by_url = {a.get_absolute_url(): a for a in Article.objects.all()}
    assert [by_url[url].source_file[:3] for url in accounts] == ["000", "004", "001"]  # by publication
    assert "3 accounts side by side" in html
    assert '<div class="accounts">' in html


def test_each_paragraph_is_shown_once_with_every_quote_marked(client, seeded):
    html = event_page(client, "li-keqiang-visit-japan-2018")
    passages = re.findall(r'<blockquote class="account-passage"><p>(.*?)</p></blockquote>', html, re.S)
    places = [PARA.match(p).groups() for p in passages]
    assert len(places) == len(set(places)) == 4  # 004 reports the visit twice in its ¶2
    by_url = {a.get_absolute_url(): a for a in Article.objects.select_related("current_revision")}
    marks = []
    for passage, (url, number) in zip(passages, places):
        block = by_url[url].current_revision.blocks.get(number=int(number))
        assert text_of(PARA.sub("", passage)) == block.text
        marks += [text_of(m) for m in re.findall(r"<mark>(.*?)</mark>", passage)]
    quotes = EventQuote.objects.filter(event__slug="li-keqiang-visit-japan-2018").values_list("quote", flat=True)
    assert sorted(map(plain, marks)) == sorted(map(plain, quotes))


def test_it_gives_the_date_at_its_precision_and_the_place(client, seeded):
    html = event_page(client, "normalisation-1972")
    assert "29 Sep 1972" in html
    assert 'href="/entries/beijing/"' in html


def test_an_event_reported_once_has_one_account(client, seeded):
    html = event_page(client, "second-sino-japanese-war")
    assert len(ACCOUNT.findall(html)) == 1 and "One account" in html


def test_the_events_list_links_every_event(client, seeded):
    html = client.get(reverse("edition:events")).content.decode()
    for event in Event.objects.all():
        assert f'href="{event.get_absolute_url()}"' in html


def test_an_unknown_event_is_404(client, seeded):
    assert client.get(reverse("edition:event", args=["no-such-event"])).status_code == 404
