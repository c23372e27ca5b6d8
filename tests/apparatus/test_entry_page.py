"""An entry's page: definition, note, aliases, see also, and every occurrence in context."""
import re
from html import unescape

import pytest
from django.urls import reverse

from edition.models import Article, Entry
from edition.services.apparatus import current_mentions

pytestmark = pytest.mark.django_db
KWIC = re.compile(r'<li><a class="kwic-para" href="([^"#]+)#([^"]+)">([^<]+)</a> <span class="kwic-left">(.*?)</span>'
                  r'<mark class="kwic-key">(.*?)</mark>')


def entry_page(client, slug):
    response = client.get(reverse("edition:entry", args=[slug]))
    assert response.status_code == 200
    return response.content.decode()


def test_it_shows_the_definition_aliases_and_see_also(client, seeded):
    html = entry_page(client, "xi-jinping")
    xi = Entry.objects.get(slug="xi-jinping")
    assert f"<h1>{xi.name}</h1>" in html
    assert "<dt>Also written</dt><dd>Xi; Xi Jinping</dd>" in html
    assert xi.see_also.count() == 3
    for other in xi.see_also.all():
        assert f'href="{other.get_absolute_url()}"' in html


def test_every_occurrence_links_to_its_paragraph(client, seeded):
    html = entry_page(client, "xi-jinping")
    lines = KWIC.findall(html)
    assert len(lines) == current_mentions().filter(entry__slug="xi-jinping").count() == 47
    articles = {a.get_absolute_url(): a for a in Article.objects.select_related("current_revision")}
    for url, anchor, place, left, keyword in lines:
        number = int(anchor.removeprefix("p"))
        assert place == f"¶{number}"
        block = articles[url].current_revision.blocks.get(number=number)
        assert unescape(left).lstrip("…") + unescape(keyword) in block.text
        assert unescape(keyword) in {"Xi", "Xi Jinping"}


def test_a_footnote_occurrence_links_to_the_note(client, seeded):
    html = entry_page(client, "chunxiao-gas-field")
    lines = KWIC.findall(html)
    assert len(lines) == 4
    asianews = Article.objects.get(source_file__startswith="004_").get_absolute_url()
    assert {(url, anchor, place) for url, anchor, place, _, _ in lines} == {(asianews, "note-1", "note 1")}


def test_occurrences_are_grouped_by_article_in_order_of_publication(client, seeded):
    html = entry_page(client, "xi-jinping")
    titles = re.findall(r'<h3 class="kwic-article"><a href="([^"]+)">', html)
    dates = {a.get_absolute_url(): a.published for a in Article.objects.all()}
    assert len(titles) == 5 and [dates[t] for t in titles] == sorted(dates[t] for t in titles)


def test_it_lists_the_events_the_entry_took_part_in(client, seeded):
    html = entry_page(client, "li-keqiang")
    events = Entry.objects.get(slug="li-keqiang").events.all()
    assert events
    for event in events:
        assert f'href="{event.get_absolute_url()}"' in html


def test_an_unknown_entry_is_404(client, seeded):
    assert client.get(reverse("edition:entry", args=["no-such-entry"])).status_code == 404
