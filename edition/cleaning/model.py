"""The result of cleaning one raw page: plain dataclasses, no Django.

`CleanArticle.to_json()` is the contract of DESIGN §4 (`clean_article --json`); the extra
positional facts (where a footnote marker stood, where a citation is) are kept on the
dataclasses for ingest and never change the JSON's shape beyond the documented keys.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

BLOCK_TYPES = ("paragraph", "heading", "caption", "quote")
PARAGRAPH_SEPARATOR = "\n\n"


@dataclass(frozen=True)
class CleanBlock:
    type: str  # one of BLOCK_TYPES
    text: str


@dataclass(frozen=True)
class Footnote:
    marker: str
    text: str


@dataclass(frozen=True)
class NoteAnchor:
    """Where a footnote marker such as "[1]" stood before it was removed from the text."""

    marker: str
    block: int  # 0-based index into CleanArticle.blocks
    offset: int  # code-point offset inside that block's text


@dataclass(frozen=True)
class Citation:
    """An inline citation such as "(Xinhua, May 4)"; it stays in the text."""

    text: str
    block: int  # 0-based index into CleanArticle.blocks
    start: int  # code-point offsets inside that block's text
    end: int


@dataclass(frozen=True)
class Dropped:
    text: str
    reason: str  # names the rule that dropped the line, e.g. "nikkei: paywall prompt"


@dataclass
class CleanArticle:
    source_file: str
    title: str
    blocks: list[CleanBlock]
    subtitle: str | None = None  # the standfirst
    kicker: str | None = None
    dateline: str | None = None
    byline: str | None = None
    published: date | None = None
    publication: str | None = None
    attribution: str | None = None  # e.g. "culled from Japan Times"
    source_url: str | None = None
    profile: str = "generic"  # the source profile whose rules were applied
    footnotes: list[Footnote] = field(default_factory=list)
    note_anchors: list[NoteAnchor] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)

    @property
    def canonical_text(self) -> str:
        return PARAGRAPH_SEPARATOR.join(block.text for block in self.blocks)

    def to_json(self) -> dict:
        return {
            "source_file": self.source_file,
            "title": self.title,
            "subtitle": self.subtitle,
            "kicker": self.kicker,
            "dateline": self.dateline,
            "byline": self.byline,
            "published": self.published.isoformat() if self.published else None,
            "publication": self.publication,
            "attribution": self.attribution,
            "blocks": [{"type": b.type, "text": b.text} for b in self.blocks],
            "footnotes": [{"marker": f.marker, "text": f.text} for f in self.footnotes],
            "citations": [c.text for c in self.citations],
            "dropped": [{"text": d.text, "reason": d.reason} for d in self.dropped],
        }
