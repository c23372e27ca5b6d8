"""The apparatus in an article page: mentions link to their entries, definitions for the popovers,
and an event's 'also reported in' names each other article once, at its paragraph."""
import re

import pytest

from edition.models import Article, Mention

from .conftest import article

pytestmark = pytest.mark.django_db


@pytest.fixture
def asianews(client, seeded):
    return client.get(article("004_").get_absolute_url()).content.decode()


def definition(html, ref):
    match = re.search(rf'<div class="def" id="def-{ref}"[^>]*>(.*?)</div>', html, re.S)
    assert match, ref
    return match.group(1)


def test_a_mention_is_a_link_to_its_entry(asianews):
    assert re.search(r'<a class="mention mention-person" href="/entries/li-keqiang/" data-ref="entry-li-keqiang">'
                     r"Li Keqiang</a>", asianews)


def test_every_linked_entry_has_its_definition_once(asianews):
    revision = article("004_").current_revision
    slugs = set(Mention.objects.filter(revision=revision, entry__isnull=False).values_list("entry__slug", flat=True))
    for slug in slugs:
        assert asianews.count(f'id="def-entry-{slug}"') == 1
    assert "Premier of the People&#x27;s Republic of China" in definition(asianews, "entry-li-keqiang")


def test_an_event_lists_each_other_article_once_at_its_first_paragraph(asianews):
    html = definition(asianews, "event-li-keqiang-visit-japan-2018")
    links = re.findall(r'<li><a href="([^"#]+)#p(\d+)">', html)
    urls = {a.source_file[:3]: a.get_absolute_url() for a in Article.objects.all()}
    assert [url for url, _ in links] == [urls["000"], urls["001"]]  # in order of publication
    first_in_000 = Mention.objects.filter(
        event__slug="li-keqiang-visit-japan-2018", revision__article__source_file__startswith="000_"
    ).order_by("start").first()
    assert links[0][1] == str(first_in_000.block.number)
    assert "Event · 8 May 2018" in html


def test_an_event_reported_only_here_says_so(asianews):
    assert "Reported only in this article." in definition(asianews, "event-second-sino-japanese-war")


def test_an_event_marker_follows_the_reporting_words(asianews):
    assert re.search(r'<a class="mention event-ref" href="/events/li-keqiang-visit-japan-2018/" '
                     r'data-ref="event-li-keqiang-visit-japan-2018" aria-label="Event: Li Keqiang&#x27;s visit '
                     r'to Japan"><span aria-hidden="true">◆</span></a>', asianews)


def test_footnote_mentions_are_linked_in_the_note(asianews):
    note = re.search(r'<li id="note-1"[^>]*>(.*?)</li>', asianews, re.S).group(1)
    assert 'href="/entries/chunxiao-gas-field/"' in note


def test_the_apparatus_can_be_switched_off_without_javascript(client, seeded):
    html = client.get(article("004_").get_absolute_url(), {"apparatus": "off"}).content.decode()
    assert re.search(r'<article class="edition-article apparatus-off"', html)
    assert 'href="?apparatus=on"' in html
