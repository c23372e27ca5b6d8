"""Read side of the apparatus: occurrences in context, accounts of an event, the timeline, JSON.

Only mentions in each article's current revision count; older revisions keep theirs for history.
"""
from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field

from django.db.models import F
from django.urls import reverse

from edition.models import Article, Entry, Event, Mention
from edition.render.timeline import TimelineArticle, TimelineEvent, timeline_svg

CONTEXT = 70
TIMELINE_COLUMNS = 40  # more articles than this: one timeline column per publication and year


def current_mentions():
    return Mention.objects.filter(revision_id=F("revision__article__current_revision_id"))


class _Place:
    """Where a line or passage lies: a numbered paragraph, or the source's footnote `note_marker`."""

    @property
    def anchor(self):
        return f"p{self.block_number}" if self.block_number else f"note-{self.note_marker}"

    @property
    def place(self):
        return f"¶{self.block_number}" if self.block_number else f"note {self.note_marker}"

    @property
    def url(self):
        return f"{self.article.get_absolute_url()}#{self.anchor}"


@dataclass
class Occurrence(_Place):
    article: Article
    block_number: int | None  # None: in the source's footnote `note_marker`
    left: str
    keyword: str
    right: str
    note_marker: str = ""


@dataclass
class Passage(_Place):
    """A whole paragraph (or footnote) of one article, with every span that reports the event."""

    article: Article
    block_number: int | None
    note_marker: str
    text: str
    marks: list[tuple[int, int]] = field(default_factory=list)

    @property
    def parts(self) -> list[tuple[str, bool]]:
        """The text cut into (words, marked?) runs, overlapping marks merged."""
        parts, at = [], 0
        for start, end in sorted(self.marks):
            start = max(start, at)
            if start > at:
                parts.append((self.text[at:start], False))
            if end > start:
                parts.append((self.text[start:end], True))
            at = max(at, end)
        if at < len(self.text):
            parts.append((self.text[at:], False))
        return parts


def mention_place(mention):
    """The text a mention lies in and its offsets there: a body block, or a footnote."""
    if mention.block_id:
        return mention.block.text, mention.start - mention.block.start, mention.end - mention.block.start
    return mention.footnote.text, mention.start, mention.end


def occurrences(mentions, context: int | None = CONTEXT) -> list[Occurrence]:
    """Keyword-in-context lines in publication and text order; `context=None`: the whole paragraph."""
    rows = mentions.select_related("block", "footnote", "revision__article").order_by(
        "revision__article__published", "revision__article__title", "footnote", "start")
    lines = []
    for mention in rows:
        text, start, end = mention_place(mention)
        left_from = 0 if context is None else max(0, start - context)
        right_to = len(text) if context is None else end + context
        lines.append(Occurrence(
            article=mention.revision.article, block_number=mention.block.number if mention.block_id else None,
            left=("…" if left_from > 0 else "") + text[left_from:start], keyword=text[start:end],
            right=text[end:right_to] + ("…" if right_to < len(text) else ""),
            note_marker=mention.footnote.marker if mention.footnote_id else "",
        ))
    return lines


def entry_occurrences(entry: Entry) -> list[Occurrence]:
    return occurrences(current_mentions().filter(entry=entry))


@dataclass
class Account:
    """One article's report of an event: its passages, each once, with the reporting words marked."""

    article: Article
    passages: list[Passage]


def event_accounts(event: Event) -> list[Account]:
    """Each article's passages about `event`, side by side, in order of publication."""
    rows = current_mentions().filter(event=event).select_related("block", "footnote", "revision__article").order_by(
        "revision__article__published", "revision__article__title", "footnote", "start")
    accounts: OrderedDict[int, Account] = OrderedDict()
    passages: dict[tuple, Passage] = {}
    for mention in rows:
        text, start, end = mention_place(mention)
        key = (mention.revision_id, mention.block_id, mention.footnote_id)
        if key not in passages:
            article = mention.revision.article
            passages[key] = Passage(article, mention.block.number if mention.block_id else None,
                                    mention.footnote.marker if mention.footnote_id else "", text)
            accounts.setdefault(article.pk, Account(article, [])).passages.append(passages[key])
        passages[key].marks.append((start, end))
    return list(accounts.values())


def short_date(event: Event) -> str:
    if event.precision == "year":
        return event.date.strftime("%Y")
    if event.precision == "month":
        return event.date.strftime("%b %Y")
    return event.date.strftime("%-d %b %Y")


def edition_timeline() -> str:
    """One column per article; past TIMELINE_COLUMNS articles, one per publication and year."""
    articles = list(Article.objects.filter(current_revision__isnull=False).only(
        "slug", "title", "publication", "published").order_by("published", "title"))
    by_article = len(articles) <= TIMELINE_COLUMNS
    columns, column_of = {}, {}
    for a in articles:
        key = str(a.pk) if by_article else column_label(a)
        column_of[a.pk] = key
        if key not in columns:
            columns[key] = (TimelineArticle(key, article_label(a), a.title, a.published, a.get_absolute_url())
                            if by_article else TimelineArticle(key, key, key, None, reverse("edition:contents")))
    reported = {}
    for event_id, article_id in current_mentions().filter(event__isnull=False).values_list(
            "event_id", "revision__article_id").distinct():
        if article_id in column_of:
            reported.setdefault(event_id, set()).add(column_of[article_id])
    events = [TimelineEvent(e.name, short_date(e), e.date, e.get_absolute_url(),
                            frozenset(reported.get(e.pk, ()))) for e in Event.objects.all()]
    return timeline_svg(events, list(columns.values()))


def column_label(article: Article) -> str:
    publication = {"Nikkei Asian Review": "Nikkei", "The Japan Times": "Japan Times"}.get(
        article.publication, article.publication or "Article")
    year = article.published.year if article.published else ""
    return f"{publication} {year}".strip()


def article_label(article: Article) -> str:
    """The column head of one article: publication, month and year (a paper prints several a year)."""
    label = column_label(article)
    return f"{label[:-4]}{article.published:%b %Y}" if article.published else label


def mention_json(mention) -> dict:
    """{article, source_file, block, start, end, quote}, exactly (the API's contract). Offsets of a
    body mention are into the canonical text; a mention in one of the source's footnotes (which are
    not part of the canonical text) has block null and offsets into the footnote's text."""
    article = mention.revision.article
    return {"article": article.slug, "source_file": article.source_file,
            "block": mention.block.number if mention.block_id else None,
            "start": mention.start, "end": mention.end, "quote": mention.text}


def mentions_by_target(field: str) -> dict[int, list[dict]]:
    rows = current_mentions().filter(**{f"{field}__isnull": False}).select_related(
        "block", "footnote", "revision__article").order_by("revision__article__published", "start")
    grouped: dict[int, list[dict]] = {}
    for mention in rows:
        grouped.setdefault(getattr(mention, f"{field}_id"), []).append(mention_json(mention))
    return grouped


def events_json() -> list[dict]:
    mentions = mentions_by_target("event")
    return [{"id": e.slug, "name": e.name, "date": e.date.isoformat(), "date_precision": e.precision,
             "mentions": mentions.get(e.pk, [])} for e in Event.objects.all()]


def entries_json() -> list[dict]:
    mentions = mentions_by_target("entry")
    return [{"id": e.slug, "name": e.name, "kind": e.kind, "aliases": [a.text for a in e.aliases.all()],
             "mentions": mentions.get(e.pk, [])} for e in Entry.objects.prefetch_related("aliases")]
