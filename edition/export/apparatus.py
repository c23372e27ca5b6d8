"""The apparatus of an export: glossary and register entries, events, where each occurs in the
exported articles, and the timeline drawn with the writer's own links.

The whole edition carries every entry and event; chosen articles carry those they mention, so
every link in the package has somewhere to go.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from edition.markdown import render_markdown
from edition.models import Entry, Event
from edition.render.timeline import TimelineArticle, TimelineEvent, timeline_svg
from edition.services.apparatus import column_label, current_mentions, short_date

#: Above this many articles the timeline has a column per publication and year, not per article.
TIMELINE_COLUMNS = 40
#: Links from an entry back to the text in a book (EPUB, PDF); more is noise on paper.
BOOK_PLACES = 60
# The site styles the timeline from edition.css; an exported SVG carries its own styles, since
# WeasyPrint and some reading systems do not apply a page's CSS inside an SVG.
TIMELINE_STYLE = (
    "<style>text{font-family:'Noto Sans','Liberation Sans',sans-serif}"
    ".tl-col{font-size:12px;fill:#1f1d1a}.tl-date{font-size:12px;fill:#6b6458}"
    ".tl-name{font-size:13px;fill:#1d4e89}.tl-band{fill:#f6f3ec}.tl-dot{fill:#8a1f11}.tl-empty{fill:#d9d3c7}"
    ".tl-pub-rule{stroke:#1d4e89;stroke-width:1;stroke-dasharray:4 3}.tl-pub{font-size:11px;fill:#1d4e89;"
    "font-weight:600}.tl-pub-mark{fill:#1d4e89}</style>"
)
REGISTER_SECTIONS = (("person", "Persons"), ("place", "Places"), ("organisation", "Organisations"))


@dataclass(frozen=True)
class Place:
    """Where a mention lies: a paragraph of an article, or one of its source notes."""

    article: str  # slug
    block: int | None
    note: str = ""  # the note's marker, when in a note


@dataclass
class EntryExport:
    slug: str
    kind: str
    kind_label: str
    name: str
    short: str
    note: str  # Markdown
    names: list  # [{"name", "used_by"}] for disputed places
    aliases: list[str]
    wikidata: str
    see_also: list[str]  # slugs of entries in the export
    places: list[Place] = field(default_factory=list)

    @property
    def in_glossary(self) -> bool:
        return self.kind in Entry.GLOSSARY_KINDS

    def note_html(self) -> str:
        return render_markdown(self.note)


@dataclass
class EventExport:
    slug: str
    name: str
    date: date
    date_end: date | None
    precision: str
    when: str  # the date at its precision
    description: str  # Markdown
    place: str  # entry slug or ""
    participants: list[str]  # entry slugs
    related: list[str]  # event slugs
    places: list[Place] = field(default_factory=list)

    def description_html(self) -> str:
        return render_markdown(self.description)


@dataclass
class Apparatus:
    entries: list[EntryExport]
    events: list[EventExport]

    def entry(self, slug) -> EntryExport | None:
        return self._entries.get(slug)

    def __post_init__(self):
        self._entries = {e.slug: e for e in self.entries}
        self._events = {e.slug: e for e in self.events}

    def event(self, slug) -> EventExport | None:
        return self._events.get(slug)

    @property
    def glossary(self) -> list[EntryExport]:
        return [e for e in self.entries if e.in_glossary]

    def register(self) -> list[tuple[str, str, list[EntryExport]]]:
        return [(kind, heading, [e for e in self.entries if e.kind == kind]) for kind, heading in REGISTER_SECTIONS]

    def timeline_svg(self, contents, article_href: Callable[[str], str], event_href: Callable[[str], str],
                     scalable: bool = False) -> str:
        by_article = len(contents) <= TIMELINE_COLUMNS
        columns, column_of = {}, {}
        for meta in contents:
            label = column_label(_Dated(meta.publication, meta.published))
            key = meta.slug if by_article else label
            column_of[meta.slug] = key
            if key not in columns:
                columns[key] = TimelineArticle(key, label, meta.title if by_article else label,
                                               meta.published if by_article else None, article_href(meta.slug))
        events = [TimelineEvent(e.name, e.when, e.date, event_href(e.slug),
                                frozenset(column_of[p.article] for p in e.places if p.article in column_of))
                  for e in self.events]
        return self_contained(timeline_svg(events, list(columns.values())), scalable)


def self_contained(svg: str, scalable: bool) -> str:
    """The timeline with its styles inside; `scalable`: sized by its box (viewBox only), for print."""
    head, rest = svg.split(">", 1)
    if scalable:  # drawn at the top of whatever box the stylesheet gives it, never stretched
        head = re.sub(r' (width|height)="\d+"', "", head) + ' preserveAspectRatio="xMidYMin meet"'
    return f"{head}>{TIMELINE_STYLE}{rest}"


@dataclass(frozen=True)
class _Dated:
    publication: str
    published: date | None


def load_apparatus(contents, whole: bool) -> Apparatus:
    slugs = {meta.pk: meta.slug for meta in contents}
    entry_places, event_places = _places(slugs, whole)
    entries = Entry.objects.prefetch_related("aliases", "see_also")
    events = Event.objects.select_related("place").prefetch_related("participants", "related")
    if not whole:
        entries = entries.filter(slug__in=list(entry_places))
        events = events.filter(slug__in=list(event_places))
    entries, events = list(entries), list(events)
    kept = {e.slug for e in entries}
    kept_events = {e.slug for e in events}
    return Apparatus(
        [EntryExport(e.slug, e.kind, e.get_kind_display(), e.name, e.short, e.note, e.names or [],
                     [a.text for a in e.aliases.all()], e.wikidata,
                     [o.slug for o in e.see_also.all() if o.slug in kept], entry_places.get(e.slug, []))
         for e in entries],
        [EventExport(e.slug, e.name, e.date, e.date_end, e.precision, short_date(e), e.description,
                     e.place.slug if e.place and e.place.slug in kept else "",
                     [p.slug for p in e.participants.all() if p.slug in kept],
                     [r.slug for r in e.related.all() if r.slug in kept_events], event_places.get(e.slug, []))
         for e in events],
    )


def _places(slugs: dict[int, str], whole: bool):
    """Where each entry and event occurs in the exported articles, in the edition's order."""
    mentions = current_mentions()
    if not whole:
        mentions = mentions.filter(revision__article_id__in=list(slugs))
    rows = mentions.order_by("revision__article__published", "revision__article__title",
                             "revision__article_id", "footnote", "start").values_list(
        "entry__slug", "event__slug", "revision__article_id", "block__number", "footnote__marker")
    entries, events = {}, {}
    for entry, event, article_id, block, marker in rows.iterator(chunk_size=2000):
        if article_id not in slugs:
            continue
        place = Place(slugs[article_id], block, marker or "")
        target = entries.setdefault(entry, []) if entry else events.setdefault(event, [])
        if not target or target[-1] != place:
            target.append(place)
    return entries, events


def with_titles(places, titles) -> list[tuple]:
    """Places grouped by article, in the edition's order: [(article meta, [places])]."""
    grouped: dict[str, list] = {}
    for place in places:
        grouped.setdefault(place.article, []).append(place)
    return [(titles[slug], items) for slug, items in grouped.items() if slug in titles]


def capped(grouped, limit=BOOK_PLACES) -> dict:
    """At most `limit` places in all, article by article; the rest are counted."""
    kept, left = [], limit
    for meta, places in grouped:
        if left <= 0:
            break
        kept.append((meta, places[:left]))
        left -= len(places[:left])
    more = sum(len(places) for _, places in grouped) - (limit - left)
    return {"groups": kept, "more": more}
