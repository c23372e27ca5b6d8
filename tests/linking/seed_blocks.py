"""Body blocks of the seed articles, cut out by hand-identified bounds.

A stand-in for edition/cleaning, which is written concurrently: the lead will switch these
tests to the real cleaner. Each article's body runs from the first line that starts with
`first` up to (not including) the first line that starts with `stop`; the paragraphs are the
blank-line separated groups; inside a group a line that the next line repeats with a credit
("... on Thursday." / "... on Thursday. | POOL / VIA KYODO") is dropped; footnote markers
such as "[1]" are removed. In 004 the paragraph that starts with "[1] " is the footnote.
"""
from __future__ import annotations

import re
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
APPARATUS = SEEDS / "apparatus"

BOUNDS = {  # article: (first body line, first line after the body)
    "000_cefcf15533bcdce7.txt": ("Chinese President Xi Jinping, left,", "Sponsored Content"),
    "001_477d697d00413904.txt": ("Japanese Prime Minister Shinzo Abe, first from left,", "Get unique insights"),
    "002_eafb6a902547a699.txt": ("In their first meeting in a year", "culled from Japan Times"),
    "003_af1c4a53416f9db4.txt": ("Chen Min'er, left, party chief", "Sponsored Content"),
    "004_343d48f420dd351e.txt": ("Hong Kong (AsiaNews)", "Send to a friend"),
}
DROPPED_LINES = {"NNPC Advert"}  # an advert slug inside the body of 002
ARTICLES = sorted(BOUNDS)
FOOTNOTE = re.compile(r"^\[(\d+)\]\s*")


def _paragraphs(path: Path) -> list[str]:
    first, stop = BOUNDS[path.name]
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(first))
    end = next(i for i, line in enumerate(lines) if i > start and line.startswith(stop))
    groups, current = [], []
    for line in lines[start:end] + [""]:
        if line.strip():
            current.append(line.strip())
        elif current:
            groups.append(current)
            current = []
    paragraphs = []
    for group in groups:
        kept = [line for i, line in enumerate(group)
                if not (i + 1 < len(group) and group[i + 1].startswith(line))]
        kept = [line for line in kept if line not in DROPPED_LINES]
        if kept:
            paragraphs.append(" ".join(kept))
    return paragraphs


def body_blocks(article: str) -> list[str]:
    """The body paragraphs (captions and headings included), markers removed."""
    return [re.sub(r"\[\d+\]", "", p) for p in _paragraphs(SEEDS / article)
            if not FOOTNOTE.match(p)]


def footnotes(article: str) -> list[str]:
    return [FOOTNOTE.sub("", p) for p in _paragraphs(SEEDS / article) if FOOTNOTE.match(p)]


def linkable_blocks(article: str) -> list[str]:
    """Body blocks followed by footnotes, the order in which a reader meets them."""
    return body_blocks(article) + footnotes(article)
