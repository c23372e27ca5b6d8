"""Event-link suggestions: propose links from an article's passages to events; editors decide.

The scoring is pure (edition.linking.suggest); this service feeds it from the database and keeps
the editors' decisions. An event's key words come from its name, its description and the passages
*other* articles link to it, so that the evaluation (evaluate_suggestions), which holds each
article out in turn, measures exactly what an editor sees for a newly ingested article.
A confirmed suggestion becomes a curated link (an EventQuote), like one written in events.yaml.
"""
from __future__ import annotations

import logging
from collections import defaultdict

from django.db import transaction
from django.utils import timezone

from edition.linking.quotes import locate_quote
from edition.linking.suggest import CandidateEvent, suggest
from edition.linking.suggest_text import key_phrases
from edition.models import ApparatusState, Article, Event, EventQuote, EventSuggestion, Mention
from edition.services.linking import link_article

log = logging.getLogger(__name__)


class SuggestionError(Exception):
    """A suggestion cannot be decided (it has been decided already)."""


def candidate_events(held_out: str | None = None) -> list[CandidateEvent]:
    """Every event as the scorer sees it, learning nothing from the held-out source file's links."""
    quotes = defaultdict(list)
    for event_id, quote in EventQuote.objects.exclude(source_file=held_out or "").values_list("event_id", "quote"):
        quotes[event_id].append(quote)
    events = Event.objects.select_related("place").prefetch_related("participants")
    return [
        CandidateEvent(
            id=event.slug, name=event.name, date=event.date, precision=event.precision,
            date_end=event.date_end, place=event.place.slug if event.place else None,
            participants=frozenset(p.slug for p in event.participants.all()),
            key_phrases=key_phrases(event.name, event.description, tuple(quotes[event.pk])),
        )
        for event in events
    ]


def article_passages(article: Article) -> tuple[list[str], list[frozenset[str]]]:
    """The block texts of the current revision, and the entries (slugs) each block mentions."""
    revision = article.current_revision
    texts = list(revision.blocks.order_by("number").values_list("text", flat=True))
    named = defaultdict(set)
    rows = Mention.objects.filter(revision=revision, entry__isnull=False, block__isnull=False)
    for number, slug in rows.values_list("block__number", "entry__slug"):
        named[number].add(slug)
    return texts, [frozenset(named[n]) for n in range(1, len(texts) + 1)]


def linked_pairs(article: Article) -> set[tuple[int, int]]:
    """(event pk, block number) of the passages already linked to an event in the current revision."""
    rows = Mention.objects.filter(revision=article.current_revision_id, event__isnull=False, block__isnull=False)
    return set(rows.values_list("event_id", "block__number"))


@transaction.atomic
def suggest_for_article(article: Article) -> list[EventSuggestion]:
    """Replace the article's pending suggestions; decided ones stay and are never proposed again."""
    if article.current_revision_id is None:
        return []
    texts, mentions = article_passages(article)
    found = suggest(texts, article.published, mentions, candidate_events(article.source_file))
    events = dict(Event.objects.values_list("slug", "pk"))
    article.event_suggestions.filter(status="pending").delete()
    skip = linked_pairs(article) | _decided_pairs(article, texts)
    rows = [
        EventSuggestion(event_id=events[s.event_id], article=article, block_number=s.block, quote=s.quote,
                        score=s.score, reasons=s.reasons)
        for s in found if (events[s.event_id], s.block) not in skip
    ]
    return EventSuggestion.objects.bulk_create(rows)


def _decided_pairs(article: Article, texts: list[str]) -> set[tuple[int, int]]:
    """Decided (event pk, block number) pairs, also where a revision has moved their passage."""
    pairs = set()
    for event_id, number, quote in article.event_suggestions.exclude(status="pending").values_list(
            "event_id", "block_number", "quote"):
        pairs.add((event_id, number))
        where = locate_quote(texts, quote)
        if where is not None:
            pairs.add((event_id, where[0] + 1))
    return pairs


@transaction.atomic
def confirm(suggestion: EventSuggestion, user=None) -> EventQuote:
    """Make the suggestion a curated link: an EventQuote for the passage, placed by relinking."""
    _decide(suggestion, "confirmed", user)
    quote, _ = EventQuote.objects.get_or_create(
        event=suggestion.event, source_file=suggestion.article.source_file, quote=suggestion.quote)
    ApparatusState.bump()
    link_article(suggestion.article)
    return quote


@transaction.atomic
def reject(suggestion: EventSuggestion, user=None) -> None:
    _decide(suggestion, "rejected", user)


def _decide(suggestion: EventSuggestion, status: str, user) -> None:
    locked = EventSuggestion.objects.select_for_update().get(pk=suggestion.pk)
    if locked.status != "pending":
        raise SuggestionError(f"This suggestion was already {locked.status}.")
    suggestion.status, suggestion.decided_at = status, timezone.now()
    suggestion.save(update_fields=["status", "decided_at"])
    log.info("%s %s the link of ¶%s of %s to %s", user or "someone", status, suggestion.block_number,
             suggestion.article.source_file, suggestion.event_id)
