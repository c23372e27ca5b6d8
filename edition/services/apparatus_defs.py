"""The apparatus inside an article: mention spans for the weave, and the definitions the
popovers show (an entry's short definition; an event's date and the other articles that report it).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import F, Q

from edition.models import Mention
from edition.services.apparatus import short_date
from edition.weave import Span


@dataclass
class ReportedIn:
    title: str
    publication: str
    published: object
    url: str
    block_number: int


@dataclass
class EventDefinition:
    event: object
    reported_in: list[ReportedIn] = field(default_factory=list)

    @property
    def when(self) -> str:
        return short_date(self.event)


@dataclass
class Definitions:
    entries: dict = field(default_factory=dict)  # slug -> Entry
    events: dict = field(default_factory=dict)  # slug -> EventDefinition

    def __bool__(self):
        return bool(self.entries or self.events)


def mention_spans(revision, definitions: Definitions):
    """Spans of the revision's mentions by block number and by footnote id; fills `definitions`."""
    by_block, by_footnote = {}, {}
    own, others = _mentions_and_other_reports(revision)
    for mention in own:
        if mention.block_id:
            start, end = mention.start - mention.block.start, mention.end - mention.block.start
            target = by_block.setdefault(mention.block.number, [])
        else:
            start, end = mention.start, mention.end
            target = by_footnote.setdefault(mention.footnote_id, [])
        target.extend(_spans(mention, start, end, definitions))
    _add_reported_in(others, definitions)
    return by_block, by_footnote


def _mentions_and_other_reports(revision):
    """The revision's mentions, and the passages of other articles (their current text) that
    mention the same events, in one query: the page's cold cost is counted in queries."""
    own_events = Mention.objects.filter(revision=revision, event__isnull=False).values("event_id")
    elsewhere = (Q(event_id__in=own_events, block__isnull=False,
                   revision_id=F("revision__article__current_revision_id"))
                 & ~Q(revision__article_id=revision.article_id))
    rows = list(Mention.objects.filter(Q(revision=revision) | elsewhere)
                .select_related("entry", "event", "block", "revision__article"))
    own = [m for m in rows if m.revision_id == revision.pk]
    others = sorted((m for m in rows if m.revision_id != revision.pk),
                    key=lambda m: (m.revision.article.published is None, m.revision.article.published,
                                   m.revision.article.pk, m.start))
    return own, others


def _spans(mention, start, end, definitions):
    if mention.entry_id:
        entry = mention.entry
        definitions.entries[entry.slug] = entry
        attrs = (("href", entry.get_absolute_url()), ("ref", f"entry-{entry.slug}"), ("kind", entry.kind))
        return [Span(start, end, "entry", attrs, f"{entry.slug}@{start}")]
    event = mention.event
    definitions.events.setdefault(event.slug, EventDefinition(event))
    attrs = (("href", event.get_absolute_url()), ("ref", f"event-{event.slug}"), ("name", event.name))
    return [Span(start, end, "event", attrs, f"{event.slug}@{start}"),
            Span(end, end, "eventref", attrs, f"{event.slug}@{end}")]


def _add_reported_in(others, definitions: Definitions) -> None:
    """For each event of this article, the other articles that report it (`others`: their
    mentions in date and text order), each at the first paragraph that does."""
    seen = set()
    for mention in others:  # in text order: each other article once, at its first passage
        article = mention.revision.article
        if (mention.event_id, article.pk) in seen:
            continue
        seen.add((mention.event_id, article.pk))
        definitions.events[mention.event.slug].reported_in.append(ReportedIn(
            article.title, article.publication, article.published,
            f"{article.get_absolute_url()}#p{mention.block.number}", mention.block.number))
