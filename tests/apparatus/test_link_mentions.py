"""Linking: mentions stored with offsets, rebuilt on every ingest, in the body and the footnotes."""
from collections import Counter

import pytest

from edition.models import Event, EventQuote, Mention, Revision

from .conftest import article, run_ingest

pytestmark = pytest.mark.django_db


def entry_counts(revision):
    return Counter(Mention.objects.filter(revision=revision, entry__isnull=False)
                   .values_list("entry__slug", flat=True))


def test_body_mentions_are_canonical_offsets_in_their_block(seeded):
    for mention in Mention.objects.filter(block__isnull=False).select_related("revision", "block"):
        assert mention.revision.text[mention.start:mention.end] == mention.text
        assert mention.block.start <= mention.start and mention.end <= mention.block.end


def test_mentions_are_rebuilt_when_a_changed_article_is_re_ingested(seed_copy):
    run_ingest(seed_copy)
    first = article("002_").current_revision
    before = entry_counts(first)
    path = seed_copy / "002_eafb6a902547a699.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("Kishida voiced", "Kishida and Xi voiced"),
                    encoding="utf-8")
    out, _ = run_ingest(seed_copy)
    assert "1 revised" in out
    second = article("002_").current_revision
    assert second.number == 2
    after = entry_counts(second)
    assert after["xi-jinping"] == before["xi-jinping"] + 1
    assert after - Counter({"xi-jinping": 1}) == before
    for mention in Mention.objects.filter(revision=second, block__isnull=False):
        assert second.text[mention.start:mention.end] == mention.text
    assert entry_counts(Revision.objects.get(pk=first.pk)) == before  # the old revision keeps its own


def test_the_footnote_mentions_of_004_have_a_footnote_and_no_block(seeded):
    revision = article("004_").current_revision
    footnote = revision.footnotes.get()
    in_note = Mention.objects.filter(revision=revision, footnote__isnull=False)
    assert in_note.exists() and not in_note.filter(block__isnull=False).exists()
    chunxiao = in_note.filter(entry__slug="chunxiao-gas-field")
    assert chunxiao.count() == 4
    yang = in_note.filter(entry__slug="yang-jiechi").order_by("start")
    assert [m.text for m in yang] == ["Yang Jiechi", "Yang"]
    for mention in in_note:
        assert mention.footnote_id == footnote.pk
        assert footnote.text[mention.start:mention.end] == mention.text
    assert not Mention.objects.filter(revision=revision, block__isnull=True, footnote__isnull=True).exists()


def test_curated_event_quotes_produce_event_mentions(seeded):
    quotes = EventQuote.objects.all()
    events = Mention.objects.filter(event__isnull=False)
    assert events.count() == quotes.count()
    assert set(events.values_list("source", flat=True)) == {"curated"}
    placed = set(events.values_list("event_id", "revision__article__source_file"))
    assert placed == set(quotes.values_list("event_id", "source_file"))
    for mention in events.select_related("revision"):
        assert mention.revision.text[mention.start:mention.end] == mention.text


def test_every_cross_article_event_is_linked_in_two_articles_or_more(seeded):
    files = {}
    for event_id, source_file in EventQuote.objects.values_list("event_id", "source_file"):
        files.setdefault(event_id, set()).add(source_file)
    shared = {event_id for event_id, found in files.items() if len(found) >= 2}
    assert len(shared) >= 12
    for event in Event.objects.filter(pk__in=shared):
        linked = set(Mention.objects.filter(event=event).values_list("revision__article_id", flat=True))
        assert len(linked) >= 2, event.slug


def test_a_missing_event_quote_is_reported_not_fatal(seed_copy):
    path = seed_copy / "apparatus" / "events.yaml"
    quote = "the devastating damage that Japan inflicted upon China from 1937 to 1945"
    path.write_text(path.read_text(encoding="utf-8").replace(quote, "a quote no article contains"),
                    encoding="utf-8")
    _, err = run_ingest(seed_copy, apparatus=seed_copy / "apparatus")
    assert "event quote not found" in err and "a quote no article contains" in err
    assert not Mention.objects.filter(event__slug="second-sino-japanese-war").exists()
