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
from edition.linking.aliases import ApparatusError, parse_entries
from edition.linking.matcher import Mention as Found
from edition.linking.matcher import compile_matcher, find_mentions
from edition.linking.quotes import locate_quote
from edition.models import ApparatusState, Article, Entry, EventQuote, Mention
from edition.services.editorial_notes import touch_body

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


def glossary_from_rows(state, replace: tuple | None = None):
    """The pure layer's Glossary built from the database, so admin edits count like file edits.

    `replace` = (slug, kind, aliases) stands in for one entry as an editor is about to save it,
    so that a clash can be refused before anything is written (see `alias_problems`)."""
    entries = [_entry_record(entry.slug, entry.kind, entry.name, entry.short,
                             [(a.text, a.case_sensitive, a.whole_word) for a in entry.aliases.all()])
               for entry in Entry.objects.prefetch_related("aliases")]
    if replace is not None:
        slug, kind, aliases = replace
        entries = [e for e in entries if e["id"] != slug] + [_entry_record(slug, kind, slug, slug, aliases)]
    # A listed surname no person bears any longer (an entry deleted in the admin) is moot, not an error.
    person_aliases = {a["text"] for e in entries if e["kind"] == "person" for a in e["aliases"]}
    listed = [s for s in (state.ambiguous_surnames if state else []) if s in person_aliases]
    return parse_entries({"entries": entries, "ambiguous_surnames": listed}, source="database")


def _entry_record(slug, kind, name, short, aliases) -> dict:
    return {"id": slug, "kind": kind, "name": name, "short": short or name,
            "aliases": [{"text": t, "case_sensitive": c, "whole_word": w} for t, c, w in aliases]}


def alias_problems(slug: str, kind: str, aliases: list[tuple[str, bool, bool]]) -> list[str]:
    """Why the entry's aliases, as an editor is about to save them, cannot be linked (or [])."""
    try:
        glossary_from_rows(ApparatusState.objects.filter(pk=1).first(), (slug, kind, aliases))
    except ApparatusError as error:
        return [problem.removeprefix("database: ") for problem in error.problems]
    return []


def apparatus_changed() -> list[LinkReport]:
    """An editor changed an entry, an alias, an event or a curated quote: move the apparatus
    version (part of every woven body's cache key) and rebuild every article's mentions."""
    ApparatusState.bump()
    return link_all()


def mention_overrides_changed(article: Article) -> LinkReport:
    """An editor added, changed or removed an override on `article`: relink it and drop its
    cached body (the apparatus version does not move, so the body's own version must)."""
    report = link_article(article)
    touch_body(article)
    return report


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
    entries = dict(Entry.objects.filter(slug__in={m.target_id for m in found}).values_list("slug", "pk"))
    added = set(extra)
    rows = [_row(revision, blocks, footnotes, m, entry_id=entries.get(m.target_id),
                 source="editor" if m in added else "alias") for m in found]
    rows += [_row(revision, blocks, footnotes, m, event_id=event_id, source="curated") for m, event_id in events]
    Mention.objects.filter(revision=revision).delete()
    rows = [r for r in rows if r.entry_id or r.event_id]
    Mention.objects.bulk_create(rows)
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
            extra.append(Found(index, local, local + (found.end - found.start), override.entry.slug,
                               text[found.start:found.end]))
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
