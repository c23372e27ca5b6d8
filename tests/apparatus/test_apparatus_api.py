"""GET /api/events/ and /api/entries/: every event and entry with its mentions, in one shape."""
import pytest
from django.urls import reverse

from edition.models import Article, Entry, Event

pytestmark = pytest.mark.django_db
MENTION_KEYS = {"article", "source_file", "block", "start", "end", "quote"}


@pytest.fixture
def events(client, seeded):
    response = client.get(reverse("edition:events_api"))
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    return response.json()


@pytest.fixture
def entries(client, seeded):
    response = client.get(reverse("edition:entries_api"))
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    return response.json()


@pytest.fixture
def texts():
    return {a.slug: a.current_revision.text for a in Article.objects.select_related("current_revision")}


def check_mention(mention, texts):
    assert set(mention) == MENTION_KEYS
    assert isinstance(mention["article"], str) and mention["article"] in texts
    assert isinstance(mention["source_file"], str) and mention["source_file"].endswith(".txt")
    assert isinstance(mention["start"], int) and isinstance(mention["end"], int)
    assert isinstance(mention["quote"], str) and mention["start"] < mention["end"]
    if mention["block"] is not None:
        assert isinstance(mention["block"], int) and mention["block"] >= 1
        assert texts[mention["article"]][mention["start"]:mention["end"]] == mention["quote"]


def test_events_have_exactly_the_specified_shape(events, texts):
    assert isinstance(events, list) and len(events) == Event.objects.count()
    for event in events:
        assert set(event) == {"id", "name", "date", "date_precision", "mentions"}
        assert isinstance(event["id"], str) and isinstance(event["name"], str)
        assert event["date_precision"] in {"day", "month", "year"}
        assert len(event["date"]) == 10 and event["date"][4] == "-"
        assert isinstance(event["mentions"], list)
        for mention in event["mentions"]:
            check_mention(mention, texts)
            assert mention["block"] is not None  # events are curated in the body


def test_entries_have_exactly_the_specified_shape(entries, texts):
    assert isinstance(entries, list) and len(entries) == Entry.objects.count()
    for entry in entries:
        assert set(entry) == {"id", "name", "kind", "aliases", "mentions"}
        assert entry["kind"] in {"term", "place", "organisation", "agreement", "person"}
        assert isinstance(entry["aliases"], list) and all(isinstance(a, str) for a in entry["aliases"])
        for mention in entry["mentions"]:
            check_mention(mention, texts)


def test_a_cross_article_event_lists_its_mentions_in_each_article(events):
    visit = next(e for e in events if e["id"] == "li-keqiang-visit-japan-2018")
    assert (visit["date"], visit["date_precision"]) == ("2018-05-08", "day")
    assert {m["source_file"][:3] for m in visit["mentions"]} == {"000", "001", "004"}


def test_an_entry_lists_its_aliases_and_mentions(entries):
    xi = next(e for e in entries if e["id"] == "xi-jinping")
    assert set(xi["aliases"]) == {"Xi", "Xi Jinping"} and xi["kind"] == "person"
    assert len(xi["mentions"]) == 47


def test_a_footnote_mention_has_block_null_and_offsets_into_the_footnote(entries):
    chunxiao = next(e for e in entries if e["id"] == "chunxiao-gas-field")
    note = Article.objects.get(source_file__startswith="004_").current_revision.footnotes.get().text
    assert len(chunxiao["mentions"]) == 4
    for mention in chunxiao["mentions"]:
        assert mention["block"] is None
        assert note[mention["start"]:mention["end"]] == mention["quote"]


def test_the_api_answers_only_get(client, seeded):
    assert client.post(reverse("edition:events_api")).status_code == 405
    assert client.post(reverse("edition:entries_api")).status_code == 405
