"""Link: find every mention of the apparatus in an article and store it as Mention rows.

One compiled matcher over all aliases (edition.linking.matcher), rebuilt only when the
apparatus version moves. Body blocks and the source's footnotes are searched; curated event
quotes are placed; editors' overrides (suppress one mention, add one) are applied every time,
so that derived mentions can always be rebuilt from scratch.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction

from annotations.anchoring import TextQuote, anchor
from edition.linking.aliases import parse_entries
from edition.linking.matcher import Mention as Found
from edition.linking.matcher import compile_matcher, find_mentions
from edition.linking.quotes import locate_quote
from edition.models import ApparatusState, Article, Entry, EventQuote, Mention

_matcher_cache: dict[str, object] = {}


@dataclass
class LinkReport:
    article: Article
    mentions: int = 0
    missing_quotes: list[str] = field(default_factory=list)
    unplaced_overrides: list[str] = field(default_factory=list)


def current_matcher():
    """The matcher for the current apparatus; compiled once per apparatus version per process."""
    state = ApparatusState.objects.filter(pk=1).first()
    key = f"{state.version if state else 0}:{Entry.objects.count()}"
    if _matcher_cache.get("key") != key:
        _matcher_cache.update(key=key, matcher=compile_matcher(glossary_from_rows(state).aliases()))
    return _matcher_cache["matcher"]


def glossary_from_rows(state):
    """The pure layer's Glossary built from the database, so admin edits count like file edits."""
    entries = []
    for entry in Entry.objects.prefetch_related("aliases"):
        entries.append({
            "id": entry.slug, "kind": entry.kind, "name": entry.name, "short": entry.short or entry.name,
            "aliases": [{"text": a.text, "case_sensitive": a.case_sensitive, "whole_word": a.whole_word}
                        for a in entry.aliases.all()],
        })
    listed = state.ambiguous_surnames if state else []
    return parse_entries({"entries": entries, "ambiguous_surnames": listed}, source="database")


def link_all() -> list[LinkReport]:
    articles = Article.objects.filter(current_revision__isnull=False).select_related("current_revision")
    matcher = current_matcher()
    return [link_article(article, matcher) for article in articles]


@transaction.atomic
def link_article(article: Article, matcher=None) -> LinkReport:
    """Rebuild the mentions of the article's current revision."""
    matcher = matcher or current_matcher()
    revision = article.current_revision
    blocks = list(revision.blocks.all())
    footnotes = list(revision.footnotes.all())
    texts = [b.text for b in blocks] + [f.text for f in footnotes]
    report = LinkReport(article)
    suppress, extra = overrides_for(article, blocks, revision.text, report)
    found = find_mentions(texts, matcher, suppress=suppress, extra=extra)
    events = event_mentions(article, texts, report)
    entries = dict(Entry.objects.values_list("slug", "pk"))
    rows = [_row(revision, blocks, footnotes, m, entry_id=entries.get(m.target_id)) for m in found]
    rows += [_row(revision, blocks, footnotes, m, event_id=event_id, source="curated") for m, event_id in events]
    Mention.objects.filter(revision=revision).delete()
    Mention.objects.bulk_create(r for r in rows if r.entry_id or r.event_id)
    report.mentions = len(rows)
    return report


def event_mentions(article, texts, report):
    placed = []
    for quote in EventQuote.objects.filter(source_file=article.source_file):
        where = locate_quote(texts, quote.quote)
        if where is None:
            report.missing_quotes.append(f"{quote.event_id}: “{quote.quote}”")
            continue
        block, start, end = where
        placed.append((Found(block, start, end, "", texts[block][start:end]), quote.event_id))
    return placed


def overrides_for(article, blocks, text, report):
    """Editors' overrides as the matcher's `suppress` and `extra` arguments."""
    suppress, extra = set(), []
    for override in article.mention_overrides.select_related("entry"):
        found = anchor(text, TextQuote(override.exact, override.prefix, override.suffix))
        if found is None:
            report.unplaced_overrides.append(override.exact)
            continue
        index = _block_index(blocks, found.start)
        local = found.start - blocks[index].start
        if override.action == "suppress":
            suppress.add((index, local))
        elif override.entry_id:
            extra.append(Found(index, local, local + (found.end - found.start), override.entry.slug, override.exact))
    return suppress, extra


def _block_index(blocks, offset):
    index = 0
    for i, block in enumerate(blocks):
        if block.start <= offset:
            index = i
    return index


def _row(revision, blocks, footnotes, found, entry_id=None, event_id=None, source="alias"):
    if found.block < len(blocks):
        block = blocks[found.block]
        return Mention(revision=revision, block=block, start=block.start + found.start,
                       end=block.start + found.end, text=found.text, entry_id=entry_id,
                       event_id=event_id, source=source)
    footnote = footnotes[found.block - len(blocks)]
    return Mention(revision=revision, footnote=footnote, start=found.start, end=found.end,
                   text=found.text, entry_id=entry_id, event_id=event_id, source=source)
