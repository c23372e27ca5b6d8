"""suggest_for_article, confirm and reject."""
import pytest

from edition.models import ApparatusState, EventQuote, EventSuggestion, Mention
from edition.services.suggestions import (
    SuggestionError, candidate_events, confirm, linked_pairs, reject, suggest_for_article,
)

pytestmark = pytest.mark.django_db


def pairs(article, status="pending"):
    return set(article.event_suggestions.filter(status=status).values_list("event_id", "block_number"))


def test_ingest_leaves_pending_suggestions(article):
    assert EventSuggestion.objects.filter(status="pending").exists()


def test_it_replaces_the_pending_suggestions(article):
    before = pairs(article)
    EventSuggestion.objects.filter(article=article, status="pending").update(score=0.01, reasons=["stale"])
    made = suggest_for_article(article)
    assert pairs(article) == before
    assert {s.pk for s in made} == set(article.event_suggestions.filter(status="pending").values_list("pk", flat=True))
    assert not article.event_suggestions.filter(reasons=["stale"]).exists()


def test_it_never_proposes_an_already_linked_passage(article):
    assert not pairs(article) & linked_pairs(article)


def test_it_keeps_decisions_and_does_not_propose_a_rejected_pair_again(article, pending):
    reject(pending)
    suggest_for_article(article)
    pending.refresh_from_db()
    assert pending.status == "rejected" and pending.decided_at is not None
    assert (pending.event_id, pending.block_number) not in pairs(article)


def test_a_rejected_pair_stays_rejected_when_its_passage_moves(article, pending):
    reject(pending)
    EventSuggestion.objects.filter(pk=pending.pk).update(block_number=pending.block_number + 1)
    suggest_for_article(article)
    assert (pending.event_id, pending.block_number) not in pairs(article)


def test_confirm_creates_an_event_quote_and_a_mention(article, pending):
    version = ApparatusState.current()
    quote = confirm(pending)
    pending.refresh_from_db()
    assert pending.status == "confirmed" and pending.decided_at is not None
    assert EventQuote.objects.filter(pk=quote.pk, event=pending.event, source_file=article.source_file,
                                     quote=pending.quote).exists()
    mention = Mention.objects.get(revision=article.current_revision, event=pending.event,
                                  block__number=pending.block_number)
    assert mention.text == pending.quote and mention.source == "curated"
    assert ApparatusState.current() == version + 1


def test_a_confirmed_pair_is_not_proposed_again(article, pending):
    confirm(pending)
    suggest_for_article(article)
    assert (pending.event_id, pending.block_number) not in pairs(article)
    assert article.event_suggestions.filter(pk=pending.pk, status="confirmed").exists()


def test_reject_marks_it_rejected_and_links_nothing(article, pending):
    quotes = EventQuote.objects.count()
    reject(pending)
    pending.refresh_from_db()
    assert pending.status == "rejected"
    assert EventQuote.objects.count() == quotes


@pytest.mark.parametrize("first, second", [(confirm, reject), (reject, confirm), (reject, reject)])
def test_a_decided_suggestion_cannot_be_decided_again(pending, first, second):
    first(pending)
    with pytest.raises(SuggestionError):
        second(EventSuggestion.objects.get(pk=pending.pk))


def test_an_article_learns_no_key_words_from_its_own_links(article):
    own = EventQuote.objects.filter(source_file=article.source_file).first()
    held_out = {c.id: c for c in candidate_events(article.source_file)}[own.event.slug]
    everything = {c.id: c for c in candidate_events()}[own.event.slug]
    assert set(held_out.key_phrases) < set(everything.key_phrases)


def test_an_article_without_a_text_gets_no_suggestions(article):
    article.current_revision = None
    assert suggest_for_article(article) == []
