"""The timeline picture: events in date order against the articles that report them (pure).

A proportional time axis would crush 2016–2023 against 1937 and 1972, so the picture is a
chronological table drawn in SVG: one row per event (date, name), one column per article (in
order of publication), a filled dot where the article reports the event, and a rule across the
rows at each article's publication date, so a reader sees at a glance which reports came after
which events and which events several articles share.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from html import escape

ROW = 30
HEADER = 150
LEFT = 540
COLUMN = 56
PAD = 16
RIGHT = 110  # room for the last rotated column head
NAME_CHARS = 66  # what fits between the date and the first column


@dataclass(frozen=True)
class TimelineArticle:
    key: str
    label: str  # short label for the column head
    title: str
    published: date | None
    url: str


@dataclass(frozen=True)
class TimelineEvent:
    name: str
    when: str  # the date as shown, at its precision ("Oct 2018", "26 Oct 2018")
    date: date
    url: str
    reported_in: frozenset  # article keys


def _rows(events, articles):
    """Events and publication markers interleaved in date order."""
    rows = [("event", e.date, e) for e in events]
    rows += [("published", a.published, a) for a in articles if a.published]
    return sorted(rows, key=lambda row: (row[1], row[0] == "published"))


def timeline_svg(events: list[TimelineEvent], articles: list[TimelineArticle]) -> str:
    rows = _rows(events, articles)
    width = LEFT + COLUMN * len(articles) + RIGHT
    height = HEADER + ROW * len(rows) + PAD
    columns = {a.key: LEFT + COLUMN * i + COLUMN // 2 for i, a in enumerate(articles)}
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline-svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" aria-labelledby="timeline-title timeline-desc">',
        '<title id="timeline-title">Timeline of the events reported in the edition</title>',
        f'<desc id="timeline-desc">{len(events)} events in date order; a dot marks each article that '
        f'reports an event; a rule marks each article’s publication date.</desc>',
    ]
    out += [_column_head(a, columns[a.key]) for a in articles]
    for index, (kind, _, item) in enumerate(rows):
        y = HEADER + ROW * index + ROW // 2
        out.append(_event_row(item, y, columns, index) if kind == "event" else _publication_row(item, y, columns, width))
    out.append("</svg>")
    return "\n".join(out)


def _column_head(article: TimelineArticle, x: int) -> str:
    label = escape(article.label)
    return (f'<a href="{escape(article.url)}"><title>{escape(article.title)}</title>'
            f'<text class="tl-col" transform="translate({x + 4},{HEADER - 10}) rotate(-50)">{label}</text></a>')


def _event_row(event: TimelineEvent, y: int, columns: dict, index: int) -> str:
    band = f'<rect class="tl-band" x="0" y="{y - ROW // 2}" width="100%" height="{ROW}"/>' if index % 2 else ""
    dots = []
    for key, x in columns.items():
        if key in event.reported_in:
            dots.append(f'<circle class="tl-dot" cx="{x}" cy="{y}" r="7"/>')
        else:
            dots.append(f'<circle class="tl-empty" cx="{x}" cy="{y}" r="2.5"/>')
    name = escape(event.name if len(event.name) <= NAME_CHARS else event.name[:NAME_CHARS - 2] + "…")
    return (f'{band}<text class="tl-date" x="{PAD}" y="{y + 5}">{escape(event.when)}</text>'
            f'<a href="{escape(event.url)}"><title>{escape(event.name)}</title>'
            f'<text class="tl-name" x="{PAD + 92}" y="{y + 5}">{name}</text></a>' + "".join(dots))


def _publication_row(article: TimelineArticle, y: int, columns: dict, width: int) -> str:
    x = columns[article.key]
    when = article.published.strftime("%-d %b %Y")
    return (f'<line class="tl-pub-rule" x1="{PAD}" y1="{y}" x2="{width - PAD}" y2="{y}"/>'
            f'<text class="tl-pub" x="{PAD}" y="{y - 4}">{escape(when)} · published: {escape(article.label)}</text>'
            f'<path class="tl-pub-mark" d="M{x - 7},{y - 7} L{x + 7},{y - 7} L{x},{y + 4} Z"/>')
